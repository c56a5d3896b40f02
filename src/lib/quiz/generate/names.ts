/** Name comparison: spellings of one name (Bokeykhan / Bukeihan, Tokayev / Tokaev) are variants. */
import { levenshtein } from '../../content/distance';

const SUFFIXES = /\b(?:jsc|llp|llc|ltd|inc|plc|the|of|national|project)\b/g;

/** Letters only, lower case, doubled letters collapsed, company suffixes dropped. */
export function normalizeName(name: string): string {
	return name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/і/g, 'i')
		.replace(SUFFIXES, ' ')
		.replace(/[^a-z\u0400-\u04ff]+/g, '')
		.replace(/(.)\1+/g, '$1');
}

/** Consonant skeleton: vowels, y, h and w dropped ("bokeykhan" -> "bkkn"). */
export function skeleton(name: string): string {
	return normalizeName(name)
		.replace(/[aeiouyhw]/g, '')
		.replace(/(.)\1+/g, '$1');
}

function nameWords(name: string): string[] {
	return name
		.split(/[\s-]+/)
		.map(normalizeName)
		.filter((w) => w.length > 0);
}

function wordVariant(a: string, b: string): boolean {
	if (a === b) return true;
	if (a.length < 4 || b.length < 4) return false;
	const distance = levenshtein(a, b);
	if (distance <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4))) return true;
	const sa = skeleton(a);
	const sb = skeleton(b);
	return sa.length >= 2 && levenshtein(sa, sb) <= 1 && distance <= Math.ceil(a.length / 2.5);
}

/**
 * True when two names may denote the same thing: equal after normalising, one contains the other
 * as whole words ("Tokayev" in "Kassym-Jomart Tokayev"), or their last words are spelling variants.
 */
export function isVariant(a: string, b: string): boolean {
	const na = normalizeName(a);
	const nb = normalizeName(b);
	if (!na || !nb) return false;
	if (na === nb) return true;
	const wa = nameWords(a);
	const wb = nameWords(b);
	const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
	if (short.every((w) => long.some((l) => wordVariant(w, l)))) return true;
	// Same last word (surname) spelled differently, first words compatible or absent.
	const lastA = wa[wa.length - 1];
	const lastB = wb[wb.length - 1];
	if (
		wordVariant(lastA, lastB) &&
		(wa.length === 1 || wb.length === 1 || wordVariant(wa[0], wb[0]))
	)
		return true;
	return wordVariant(na, nb) && na.length >= 6;
}

/**
 * Stricter than isVariant, for grouping mentions of one thing: equal after normalising, a spelling
 * variant of the whole name, or a surname alone standing for a full personal name.
 */
export function sameName(a: string, b: string): boolean {
	const na = normalizeName(a);
	const nb = normalizeName(b);
	if (!na || !nb) return false;
	if (na === nb) return true;
	const wa = nameWords(a);
	const wb = nameWords(b);
	if (wa.length === wb.length) return wa.every((w, i) => wordVariant(w, wb[i]));
	const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
	const personal = /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+){1,2}$/;
	const longName = wa.length < wb.length ? b : a;
	return (
		short.length === 1 &&
		long.length <= 3 &&
		personal.test(longName) &&
		wordVariant(short[0], long[long.length - 1])
	);
}
