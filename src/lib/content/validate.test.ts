import { describe, expect, it } from 'vitest';
import { validateSourceBytes, MAX_SOURCE_BYTES } from './validate';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('validateSourceBytes', () => {
	it('accepts UTF-8 text, strips a BOM and normalises CRLF', () => {
		const r = validateSourceBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Hello.\r\nWorld.')]));
		expect(r).toEqual({ ok: true, text: 'Hello.\nWorld.' });
	});

	it('rejects empty and whitespace-only input', () => {
		expect(validateSourceBytes(bytes(''), 'x.txt')).toEqual({
			ok: false,
			message: 'x.txt is empty'
		});
		expect(validateSourceBytes(bytes(' \n\t\n'), 'x.txt').ok).toBe(false);
	});

	it('rejects binary data', () => {
		const r = validateSourceBytes(new Uint8Array([72, 105, 0, 1, 2]), 'x.bin');
		expect(r).toEqual({ ok: false, message: 'x.bin looks binary, not text' });
		const control = validateSourceBytes(bytes('ab\u0001\u0002\u0003\u0004cd'), 'c.txt');
		expect(control.ok).toBe(false);
	});

	it('rejects invalid UTF-8', () => {
		expect(validateSourceBytes(new Uint8Array([0x48, 0xff, 0xfe, 0x41]), 'l.txt')).toEqual({
			ok: false,
			message: 'l.txt is not valid UTF-8 text'
		});
	});

	it('rejects files over 2 MB', () => {
		const big = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(97);
		const r = validateSourceBytes(big, 'big.txt');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/too large/);
		expect(validateSourceBytes(new Uint8Array(MAX_SOURCE_BYTES).fill(97)).ok).toBe(true);
	});
});
