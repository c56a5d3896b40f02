/** Moodle GIFT export of a question bank. */
import { escapeHtml, formatDecimal, oneLine } from './escape';
import type { BankExport } from './types';
import type { Question } from '../types';

/** Backslash-escape the GIFT special characters ~ = # { } : (and the backslash itself). */
export function escapeGift(text: string): string {
	return oneLine(text).replace(/[\\~=#{}:]/g, (c) => `\\${c}`);
}

/**
 * Text shown as HTML in Moodle: HTML-escaped, then GIFT-escaped. A leading % becomes &#37; so an
 * answer such as "%50% of" is not read as a GIFT answer weight.
 */
function html(text: string): string {
	return escapeGift(escapeHtml(oneLine(text)).replace(/^%/, '&#37;'));
}

function answerBlock(q: Question): string {
	switch (q.type) {
		case 'multiple_choice':
			return q.options.map((o) => `${o === q.answer ? '=' : '~'}${html(o)}`).join(' ');
		case 'true_false':
			return q.answer ? 'T' : 'F';
		case 'fill_blank': {
			const variants = [...new Set([q.answer, ...(q.accept ?? [])].map(oneLine))].filter(Boolean);
			return variants.map((v) => `=${escapeGift(v)}`).join(' ');
		}
		case 'numeric':
			return `#${formatDecimal(q.answer)}:${formatDecimal(Math.abs(q.tolerance || 0))}`;
		case 'matching':
			return q.pairs.map(([l, r]) => `=${html(l)} -> ${escapeGift(r)}`).join(' ');
	}
}

/** One GIFT question, preceded by a `// source` comment; the explanation is general feedback. */
export function giftQuestion(q: Question): string {
	const lines: string[] = [];
	if (q.source?.sentence) {
		lines.push(`// source (sentence ${q.source.sentenceIndex}): ${oneLine(q.source.sentence)}`);
	}
	const feedback = q.explanation?.trim() ? ` ####${html(q.explanation)}` : '';
	lines.push(`::${escapeGift(q.id)}:: [html]${html(q.prompt)} {${answerBlock(q)}${feedback}}`);
	return lines.join('\n');
}

/** The whole bank as GIFT text in a category named after the title; blank lines between questions. */
export function toGift(bank: BankExport): string {
	const title = oneLine(bank.title) || 'Sabaq';
	const header = [
		`// ${title}`,
		`// ${bank.questions.length} questions exported from Sabaq`,
		// Read raw by Moodle (no escapes); a slash inside a category name is written "//".
		`$CATEGORY: $course$/top/${title.replace(/\//g, '//')}`
	].join('\n');
	return [header, ...bank.questions.map(giftQuestion)].join('\n\n') + '\n';
}
