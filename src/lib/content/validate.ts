/** Checks raw bytes of an uploaded or bundled source text before any processing. */

export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type ValidationResult = { ok: true; text: string } | { ok: false; message: string };

const BOM = '\uFEFF';

export function validateSourceBytes(bytes: Uint8Array, name = 'the file'): ValidationResult {
	if (bytes.length > MAX_SOURCE_BYTES) {
		const mb = (bytes.length / (1024 * 1024)).toFixed(1);
		return { ok: false, message: `${name} is too large (${mb} MB; the limit is 2 MB)` };
	}
	if (bytes.includes(0)) return { ok: false, message: `${name} looks binary, not text` };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, message: `${name} is not valid UTF-8 text` };
	}
	if (text.startsWith(BOM)) text = text.slice(1);
	text = text.replace(/\r\n?/g, '\n');
	if (text.trim() === '') return { ok: false, message: `${name} is empty` };
	if (controlShare(text) > 0.05) return { ok: false, message: `${name} looks binary, not text` };
	return { ok: true, text };
}

/** Share of characters that are control codes other than tab, newline and form feed. */
function controlShare(text: string): number {
	let control = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 12) || c === 127) control++;
	}
	return control / text.length;
}
