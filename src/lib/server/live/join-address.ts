/** The address students type or scan to join, and its QR code (an SVG drawn on the server). */
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** The machine's first LAN address (IPv4), for a teacher who opened the app as localhost. */
function lanAddress(): string | null {
	for (const list of Object.values(networkInterfaces())) {
		for (const entry of list ?? []) {
			if (entry.family === 'IPv4' && !entry.internal) return entry.address;
		}
	}
	return null;
}

/**
 * A page's address as phones on the classroom network reach it (the live game's join page by
 * default, a class's join link or the sign-in page too): the host page's own origin, except
 * that localhost (no phone can reach it) becomes the laptop's LAN address.
 */
export function joinBase(url: URL, path = '/play'): string {
	const base = new URL(path, url);
	if (LOOPBACK.test(base.hostname) && !process.env.ORIGIN) {
		const lan = lanAddress();
		if (lan) base.hostname = lan;
	}
	return base.href;
}

export async function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
