/** Moodle GIFT export of a question bank. */
import { escapeHtml, formatNumber, oneLine, stripInvalidXml } from './escape';
import type { BankExport } from './types';
import type { Question } from '../types';

/** One line of text without the control characters a GIFT reader would drop or trim. */
function line(text: string): string {
	return oneLine(stripInvalidXml(text));
}

/** Backslash-escape the GIFT special characters ~ = # { } : (and the backslash itself). */
export function escapeGift(text: string): string {
	return line(text).replace(/[\\~=#{}:]/g, (c) => `\\${c}`);
}

/**
 * Text shown as HTML in Moodle: HTML-escaped, then GIFT-escaped. A leading % becomes &#37; so an
 * answer such as "%50% of" is not read as a GIFT answer weight, and a leading [ becomes &#91; so
 * "[plain] x" is not read as a text format.
 */
function html(text: string): string {
	return escapeGift(escapeHtml(line(text)).replace(/^%/, '&#37;').replace(/^\[/, '&#91;'));
}

/**
 * An accepted typed answer: plain text, compared as typed, so HTML escapes would not do. It gets an
 * explicit full weight (as Moodle's own export writes it), after which a "%50%" of the answer is
 * text; one that starts with [ is marked as plain so "[html]" in it is not read as a format.
 */
function typedAnswer(text: string): string {
	const escaped = escapeGift(text);
	return `=%100%${escaped.startsWith('[') ? '[plain]' : ''}${escaped}`;
}

/**
 * The accepted answers GIFT can carry: a "->" among typed answers makes GIFT read the question as
 * a matching one, and no escape prevents it, so such variants are left out.
 */
function typedVariants(q: Question & { type: 'fill_blank' }): string[] {
	const all = [...new Set([q.answer, ...(q.accept ?? [])].map(line))];
	return all.filter((v) => v && !v.includes('->'));
}

/** Whether GIFT can carry the question at all. */
function writable(q: Question): boolean {
	return q.type !== 'fill_blank' || typedVariants(q).length > 0;
}

function answerBlock(q: Question): string {
	switch (q.type) {
		case 'multiple_choice':
			return q.options.map((o) => `${o === q.answer ? '=' : '~'}${html(o)}`).join(' ');
		case 'true_false':
			return q.answer ? 'T' : 'F';
		case 'fill_blank':
			return typedVariants(q).map(typedAnswer).join(' ');
		case 'numeric':
			return `#${formatNumber(q.answer)}:${formatNumber(Math.abs(q.tolerance || 0))}`;
		case 'matching':
			return q.pairs.map(([l, r]) => `=${html(l)} -> ${escapeGift(r)}`).join(' ');
	}
}

/**
 * One GIFT question, preceded by a `// source` comment; the explanation is general feedback. A
 * question GIFT cannot carry becomes a comment saying so.
 */
export function giftQuestion(q: Question): string {
	if (!writable(q)) {
		return `// ${line(q.id)} left out: every accepted answer holds "->", which GIFT reads as matching`;
	}
	const lines: string[] = [];
	if (q.source?.sentence) {
		lines.push(`// source (sentence ${q.source.sentenceIndex}): ${line(q.source.sentence)}`);
	}
	const feedback = line(q.explanation ?? '') ? ` ####${html(q.explanation)}` : '';
	lines.push(`::${escapeGift(q.id)}:: [html]${html(q.prompt)} {${answerBlock(q)}${feedback}}`);
	return lines.join('\n');
}

/** The whole bank as GIFT text in a category named after the title; blank lines between questions. */
export function toGift(bank: BankExport): string {
	const title = line(bank.title) || 'Sabaq';
	const header = [
		`// ${title}`,
		`// ${bank.questions.filter(writable).length} questions exported from Sabaq`,
		// Read raw by Moodle (no escapes); a slash inside a category name is written "//".
		`$CATEGORY: $course$/top/${title.replace(/\//g, '//')}`
	].join('\n');
	return [header, ...bank.questions.map(giftQuestion)].join('\n\n') + '\n';
}
