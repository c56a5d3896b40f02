/**
 * What the generator knows about English words, from kept word lists: how common a word is in
 * everyday English (SUBTLEX-US) and which words share a sense with it (WordNet). The pure core only
 * sees this interface; the server and the command-line scripts pass in a reader of the lists.
 */
export interface Lexicon {
	/** Occurrences per million words of everyday English of the word or its base form; 0 if unknown. */
	perMillion(word: string): number;
	/** Other words for the word's most common noun sense, lower-case (its WordNet synset). */
	nounSynonyms(word: string): string[];
	/** Whether WordNet knows the word (or its base form) as a noun. */
	isNoun(word: string): boolean;
	/**
	 * The broad class of the word's most common noun sense, WordNet's lexicographer file without
	 * "noun." ("communication" for "constitution", "group" for "government"); null if unknown.
	 */
	nounTopic(word: string): string | null;
}

/** A lexicon that knows nothing: every word is rare, no word has a synonym. For tests of structure. */
export const EMPTY_LEXICON: Lexicon = {
	perMillion: () => 0,
	nounSynonyms: () => [],
	isNoun: () => true,
	nounTopic: () => null
};

/** The word and the base forms English inflection could have made it from ("cities" -> "city"). */
export function baseForms(word: string): string[] {
	const w = word.toLowerCase();
	const out = [w];
	if (/ies$/.test(w)) out.push(w.slice(0, -3) + 'y');
	if (/(?:s|x|z|ch|sh)es$/.test(w)) out.push(w.slice(0, -2));
	if (/[^s]s$/.test(w)) out.push(w.slice(0, -1));
	if (/men$/.test(w)) out.push(w.slice(0, -3) + 'man');
	return out;
}

/** Everyday words: more frequent than this (per million words of film subtitles) are common. */
export const COMMON_PER_MILLION = 0.8;

/** Whether every content word of a key is a common word of everyday English. */
export function isCommonPhrase(text: string, lexicon: Lexicon): boolean {
	const words = text.toLowerCase().match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
	const content = words.filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w));
	if (!content.length) return true;
	return content.every((w) => lexicon.perMillion(w) > COMMON_PER_MILLION);
}

const FUNCTION_WORDS = new Set(
	'the and for with from into than that this these those more most less about over under its their'.split(
		' '
	)
);
