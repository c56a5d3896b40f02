/** Escaping shared by the exporters. */

/** Characters not allowed in XML 1.0 documents (C0 controls except tab, LF, CR; lone surrogates). */
const XML_INVALID =
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escape text for XML element content and attribute values (drops characters XML forbids). */
export function escapeXml(text: string): string {
	return text
		.replace(XML_INVALID, '')
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
