/** Escaping shared by the exporters. */

/** Is this code point allowed in an XML 1.0 document? */
function xmlAllowed(cp: number): boolean {
	if (cp < 0x20) return cp === 0x09 || cp === 0x0a || cp === 0x0d;
	if (cp >= 0xd800 && cp <= 0xdfff) return false;
	return cp !== 0xfffe && cp !== 0xffff;
}

/** Drop characters XML forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/FFFF). */
export function stripInvalidXml(text: string): string {
	let out = '';
	for (const ch of text) if (xmlAllowed(ch.codePointAt(0)!)) out += ch;
	return out;
}

/** Escape text for XML element content and attribute values (drops characters XML forbids). */
export function escapeXml(text: string): string {
	return stripInvalidXml(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Escape plain text so an HTML renderer shows it literally. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Collapse runs of whitespace (including newlines) to single spaces. */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** A number as plain decimal text (no exponent for ordinary magnitudes). */
export function formatDecimal(n: number): string {
	if (!Number.isFinite(n)) return '0';
	if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
	const s = String(n);
	if (!/e/i.test(s)) return s;
	return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
