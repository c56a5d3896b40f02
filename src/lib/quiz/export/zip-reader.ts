/** Reads a stored (uncompressed) ZIP via its central directory; used to verify our own archives. */
import { crc32 } from './zip';

export interface ZipFile {
	name: string;
	data: Uint8Array;
	crc: number;
	method: number;
}

function check(ok: boolean, message: string): void {
	if (!ok) throw new Error(`Bad zip: ${message}`);
}

/** Every entry, in central-directory order; throws on bad signatures, offsets or CRCs. */
export function readZip(zip: Uint8Array): ZipFile[] {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	const eocd = zip.length - 22;
	check(eocd >= 0 && view.getUint32(eocd, true) === 0x06054b50, 'no end of central directory');
	const count = view.getUint16(eocd + 10, true);
	const size = view.getUint32(eocd + 12, true);
	let p = view.getUint32(eocd + 16, true);
	check(p + size === eocd, 'central directory size');
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const files: ZipFile[] = [];
	for (let i = 0; i < count; i++) {
		check(view.getUint32(p, true) === 0x02014b50, 'central header signature');
		const method = view.getUint16(p + 10, true);
		const crc = view.getUint32(p + 16, true);
		const stored = view.getUint32(p + 20, true);
		const nameLength = view.getUint16(p + 28, true);
		const extra = view.getUint16(p + 30, true);
		const comment = view.getUint16(p + 32, true);
		const offset = view.getUint32(p + 42, true);
		const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength));
		check(view.getUint32(offset, true) === 0x04034b50, `local header of ${name}`);
		check(view.getUint32(offset + 14, true) === crc, `local CRC of ${name}`);
		const start =
			offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
		const data = zip.subarray(start, start + stored);
		check(method !== 0 || crc32(data) === crc, `CRC of ${name}`);
		files.push({ name, data, crc, method });
		p += 46 + nameLength + extra + comment;
	}
	return files;
}
