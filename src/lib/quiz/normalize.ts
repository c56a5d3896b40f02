/** Text and number normalisation for lenient grading of typed answers. */
import {
	FRACTION_WORDS,
	NUMBER_WORDS,
	pick,
	SCALE_ABBREVIATIONS,
	SCALE_WORDS
} from '../content/numbers';

const ARTICLES = /^(?:the|a|an)\s+/;

/** Stands in for a decimal point while punctuation is stripped (a control char is neither P nor S). */
const DECIMAL = '\u0001';

/**
 * Lower-case, strip diacritics (NFKD), drop apostrophes, turn other punctuation and symbols into
 * spaces, collapse whitespace and remove one leading article (the / a / an). Numbers keep their
 * decimal point ("1.5" stays apart from "15"); thousands commas are dropped ("4,200" = "4200").
 */
export function normalizeText(text: string): string {
	let s = text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/['’‘`ʼ]/g, '')
		.replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
		.replace(/(\d)[.,](?=\d)/g, `$1${DECIMAL}`)
		.replace(/[\p{P}\p{S}]+/gu, ' ')
		.replaceAll(DECIMAL, '.')
		.replace(/\s+/gu, ' ')
		.trim();
	s = s.replace(ARTICLES, '');
	return s;
}

/** normalizeText without any spaces, so "Nur-Sultan", "Nur Sultan" and "Nursultan" compare equal. */
export function compactText(text: string): string {
	return normalizeText(text).replace(/ /g, '');
}

/**
 * A compact text with the letters that romanised Kazakh, Russian and Mongol names swap folded
 * together: zh/dzh and j, kh and q and k, y and i, a doubled letter and a single one. "Zhetysu" and
 * "Jetisu", "Abai" and "Abay", "Tattimbet" and "Tatimbet" are each one name spelt two ways.
 */
export function foldRomanised(compact: string): string {
	return compact
		.replace(/d?zh/g, 'j')
		.replace(/kh|q/g, 'k')
		.replace(/y/g, 'i')
		.replace(/(\p{L})\1+/gu, '$1');
}

/** Typos allowed for a key of this (compact) length: none below 5, 1 for 5–8, 2 from 9. */
export function typoAllowance(length: number): number {
	if (length >= 9) return 2;
	if (length >= 5) return 1;
	return 0;
}

/** Number words a typed answer may use; "a" and "an" count one ("a third", "a million"). */
const SMALL_NUMBERS: Record<string, number> = {
	...pick(
		NUMBER_WORDS,
		'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
	),
	a: 1,
	an: 1
};

export const MULTIPLIERS: Record<string, number> = { ...SCALE_WORDS, ...SCALE_ABBREVIATIONS };

export interface ParsedNumber {
	/** The value with any multiplier applied ("4.2 million" -> 4200000). */
	value: number;
	/** The number before the multiplier ("4.2 million" -> 4.2). */
	base: number;
	/** The multiplier word found, e.g. 'million' (normalised to its long form), or ''. */
	multiplier: string;
	/** The multiplier as typed ('m', 'bn', 'million'), or ''. */
	word: string;
}

/** Each factor's long form: 1e6 -> 'million'. */
const LONG_MULTIPLIER: Record<number, string> = Object.fromEntries(
	Object.entries(SCALE_WORDS).map(([word, factor]) => [factor, word])
);

/** Parse the digits of a number: "4,200,000", "28 000", "4.2", "4,5" (decimal comma), "1/3". */
function parseDigits(raw: string): number | null {
	const s = raw.replace(/[\u00a0\u2009\u202f]/g, ' ').trim();
	let m: RegExpMatchArray | null;
	if ((m = s.match(/^([+-]?)(\d+)\s*\/\s*(\d+)$/))) {
		const den = Number(m[3]);
		if (den === 0) return null;
		return (m[1] === '-' ? -1 : 1) * (Number(m[2]) / den);
	}
	if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
	if (/^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$/.test(s))
		return Number(s.replace(/ /g, '').replace(',', '.'));
	if (/^[+-]?\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
	if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return Number(s);
	return null;
}

/** Parse number words: "two", "a third", "two thirds", "one and a half". */
function parseWords(words: string[]): number | null {
	if (words.length === 0) return null;
	const joined = words.join(' ');
	if (joined in SMALL_NUMBERS && joined !== 'a' && joined !== 'an') return SMALL_NUMBERS[joined];
	if (words.length === 2 && words[0] in SMALL_NUMBERS && words[1] in FRACTION_WORDS) {
		return SMALL_NUMBERS[words[0]] * FRACTION_WORDS[words[1]];
	}
	const mixed = joined.match(/^(\w+) and (a|an|one) (half|third|quarter)$/);
	if (mixed && mixed[1] in SMALL_NUMBERS && !['a', 'an'].includes(mixed[1])) {
		return SMALL_NUMBERS[mixed[1]] + FRACTION_WORDS[mixed[3]];
	}
	return null;
}

/**
 * Parse a typed number: "85", "85%", "4.2 million", "4,200,000", "28 000", "1.1m", "5k", "$12",
 * "two", "a third", "1/3", "two million". Unknown trailing words (units such as "years") are ignored
 * only after a recognised number. Returns null when no number can be read.
 */
export function parseNumber(input: string): ParsedNumber | null {
	let s = input
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u2212\u2013]/g, '-')
		.trim();
	s = s.replace(/^(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|over)\s+/, '');
	s = s.replace(/^(?:us\$|\$|€|£|₸|kzt)\s*/, '');
	s = s.replace(/\s*(?:%|percent|per cent)$/, '');
	if (!s) return null;

	const numeric = s.match(
		/^([+-]?[\d.,/\s\u00a0\u2009\u202f]*\d)\s*([a-z]+)?(?:\s+(?:of\s+)?[\p{L}$€£₸%.\s]*)?$/u
	);
	if (numeric) {
		const base = parseDigits(numeric[1]);
		if (base !== null && Number.isFinite(base)) {
			const word = numeric[2] ?? '';
			if (word && word in MULTIPLIERS) {
				const factor = MULTIPLIERS[word];
				return { value: base * factor, base, multiplier: LONG_MULTIPLIER[factor], word };
			}
			return { value: base, base, multiplier: '', word: '' };
		}
	}

	const words = s
		.replace(/-/g, ' ')
		.split(/\s+/)
		.filter((w) => w && w !== 'and');
	const multIndex = words.findIndex((w) => w in MULTIPLIERS && w.length > 2);
	if (multIndex > 0) {
		const base = parseWords(words.slice(0, multIndex));
		if (base !== null) {
			const word = words[multIndex];
			const factor = MULTIPLIERS[word];
			return { value: base * factor, base, multiplier: LONG_MULTIPLIER[factor], word };
		}
	}
	const direct = parseWords(s.replace(/-/g, ' ').split(/\s+/).filter(Boolean));
	if (direct !== null) return { value: direct, base: direct, multiplier: '', word: '' };
	return null;
}
