/** Checks of a prompt's wording and numbers, whatever its key: malformed, split or bounded. */

import type { Question } from '../../types';

/** A year that a start year and a duration in the same prompt give away ("from 1917 ... over two years"). */
export function computable(prompt: string, key: string): boolean {
	if (!key.startsWith('#year:')) return false;
	return (
		/\b1\d{3}\b|\b20\d{2}\b/.test(prompt) &&
		/\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:years|decades)\b/.test(prompt)
	);
}

export const MONTH =
	'(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';

/** The day of a date, or the year of a full date ("On Feb. 20, _____", most often the report's own). */
export const DAY_OF_DATE = new RegExp(`${MONTH} _____|_____ ${MONTH}|${MONTH} \\d{1,2}, _____`);

/** Citation markers left from an encyclopedia: "[5]", "[12][13]", "[note 2]", "[citation needed]". */
export const CITATION = /\[(?:\d+|[a-z]|note \d+|citation needed)\]/i;

/**
 * A blank that is one bound of a range: "(1511–_____)", "between _____ and 15 per cent", "from
 * 72% in _____ to 88% in 1880".
 */
export const RANGE_BOUND =
	/(?:\d|million|thousand)\s*[–-]\s*_____|_____\s*[–-]\s*\d|\b(?:[Ff]rom|[Bb]etween) [\d,.]+(?: BCE?| AD| CE)? (?:to|and) _____|\b(?:[Ff]rom|[Bb]etween) _____(?: BCE?| AD| CE)? (?:to|and) [\d,.]+|\bin _____ to [^.]{0,40}\bin \d{4}|\bin \d{4} to [^.]{0,40}\bin _____/;

export function textOf(q: Question): string {
	const parts = [q.prompt];
	if (q.type === 'multiple_choice') parts.push(...q.options);
	if (q.type === 'matching') parts.push(...q.pairs.flat());
	return parts.join('\n');
}

/** "22th", "3nd", "1st" for 11, the "1919s", a year far in the future: never shown. */
export function malformedNumber(text: string): boolean {
	for (const m of text.matchAll(/\b(\d+)(st|nd|rd|th)\b/gi)) {
		if (ordinalSuffix(Number(m[1])) !== m[2].toLowerCase()) return true;
	}
	if (/\b\d{3}[1-9]s\b/.test(text)) return true;
	for (const m of text.matchAll(/\b(?:in|since|by|until|of|[A-Z][a-z]+) ([2-9]\d{3})\b/g))
		if (Number(m[1]) > 2100) return true;
	// "coal discovered during the 24th century": a century still to come.
	for (const m of text.matchAll(/\b(\d+)(?:st|nd|rd|th) century\b/gi))
		if (Number(m[1]) > 21) return true;
	return false;
}

export function ordinalSuffix(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return 'th';
	return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
}
