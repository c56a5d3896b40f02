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

/**
 * Escape text for XML element content and attribute values (drops characters XML forbids). A
 * carriage return is written as a reference: an XML parser turns a literal one into a line feed.
 */
export function escapeXml(text: string): string {
	return stripInvalidXml(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
		.replace(/\r/g, '&#13;');
}

/** Escape plain text so an HTML renderer shows it literally. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Collapse runs of whitespace (including newlines) to single spaces. */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * A number as the shortest text that reads back as exactly the same number: JavaScript's own
 * (`4.2`, `-1e+300`, `5e-324`), which Moodle (PHP's is_numeric) and QTI (xsd:double) both read.
 * Rounding to a fixed number of digits would lose small and large magnitudes.
 */
export function formatNumber(n: number): string {
	return Number.isFinite(n) ? String(n) : '0';
}
