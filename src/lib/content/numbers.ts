/**
 * English number words, one table for the whole core: figures in lessons, numbers in questions and
 * typed answers. Each reader takes the words it reads with `pick`.
 */

/** Counting words. */
export const NUMBER_WORDS: Record<string, number> = {
	zero: 0,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	dozen: 12
};

/** Parts of a whole, in the singular and the plural ("a third", "two thirds"). */
export const FRACTION_WORDS: Record<string, number> = {
	half: 1 / 2,
	halves: 1 / 2,
	third: 1 / 3,
	thirds: 1 / 3,
	quarter: 1 / 4,
	quarters: 1 / 4,
	fourth: 1 / 4,
	fourths: 1 / 4,
	fifth: 1 / 5,
	fifths: 1 / 5,
	tenth: 1 / 10,
	tenths: 1 / 10
};

/** Words that multiply the number before them ("4.2 million"). */
export const SCALE_WORDS: Record<string, number> = {
	hundred: 1e2,
	thousand: 1e3,
	million: 1e6,
	billion: 1e9,
	trillion: 1e12
};

/** Short and plural forms of scale words, as people type them ("5k", "1.1m", "4 bn"). */
export const SCALE_ABBREVIATIONS: Record<string, number> = {
	k: 1e3,
	th: 1e3,
	millions: 1e6,
	mln: 1e6,
	mn: 1e6,
	m: 1e6,
	billions: 1e9,
	bln: 1e9,
	bn: 1e9,
	b: 1e9,
	trn: 1e12
};

/**
 * The entries of `table` for the words listed (space-separated), in the order listed (readers build
 * regular expressions from the keys). A word the table lacks is a programming error.
 */
export function pick(table: Record<string, number>, words: string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const word of words.split(' ')) {
		if (!Object.hasOwn(table, word)) throw new Error(`no number word ${word}`);
		out[word] = table[word];
	}
	return out;
}

/** The value of a fraction phrase: "half", "a third", "two thirds", "three quarters". */
export function fractionValue(phrase: string): number {
	const words = phrase.split(' ');
	const part = FRACTION_WORDS[words[words.length - 1]];
	const count = words.length === 1 || words[0] === 'a' ? 1 : NUMBER_WORDS[words[0]];
	if (part === undefined || count === undefined || words.length > 2)
		throw new Error(`no fraction ${phrase}`);
	return count * part;
}
