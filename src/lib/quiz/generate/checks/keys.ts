/** Checks of a key and its options: everyday words, given away, of another kind, overlapping. */

import type { AnalysedStatement } from '../analyse';
import { isCommonPhrase, type Lexicon } from '../lexicon';
import { STOPWORDS, tokens } from '../words';

/**
 * A key of everyday words: "priority", "the Government", "large companies". A name of several
 * words ("Comfortable School") is a name, whatever its words.
 */
export function commonKey(answer: string, lexicon: Lexicon): boolean {
	const bare = answer.replace(/^(?:the|a|an)\s+/i, '');
	if (/\p{Lu}/u.test(bare) && /\s/.test(bare)) return false;
	return isCommonPhrase(bare, lexicon);
}

/**
 * A name whose last word is an everyday noun says what kind of thing it is ("Russian Empire",
 * "Karatau Mountains", "Lesser Horde"): every option must end in that word. Names without such a
 * word (people, most places) must not be offered beside one ("Oral" beside "Russian Empire").
 */
export function sameClass(answer: string, options: string[], lexicon: Lexicon): boolean {
	const head = classWord(answer, lexicon);
	return options.every((o) => classWord(o, lexicon) === head);
}

function classWord(name: string, lexicon: Lexicon): string | null {
	const words = name.split(/\s+/);
	if (words.length < 2) return null;
	const last = words[words.length - 1].toLowerCase();
	if (!/^\p{L}+$/u.test(last) || !lexicon.isNoun(last) || lexicon.perMillion(last) < 0.5)
		return null;
	return stem(last);
}

export function yearsGiveAway(options: string[], answer: string): boolean {
	const years = options.map(Number);
	const key = Number(answer);
	if (years.some(Number.isNaN)) return false;
	if (key === Math.max(...years) || key === Math.min(...years)) return true;
	const others = years.filter((y) => y !== key).sort((a, b) => a - b);
	const gaps = others.slice(1).map((y, i) => y - others[i]);
	return gaps.every((g) => g === gaps[0]);
}

export const BOUND = /\b(?:less than|more than|fewer than|up to|over|under|at least|at most)\b/i;

/** How many statements of the lesson use the word (or its singular or plural). */
export function mentionsIn(lesson: AnalysedStatement[], word: string): number {
	const forms = [word, stem(word), stem(word) + 's', stem(word) + 'es'];
	return lesson.filter((s) => forms.some((f) => s.words.has(f))).length;
}

/** A word of the key (four letters or more) stands elsewhere in the prompt: the key is given away. */
export function givenAway(prompt: string, key: string): boolean {
	const words = (text: string) => tokens(text).flatMap((t) => [t, ...t.split(/[-–]/)]);
	const promptWords = words(prompt.replace(/_____/g, ' ')).map(stem);
	// The same word, or one made from it ("Islam" in "Islamic", "Kazakhs" in "Kazakhstan").
	return words(key)
		.filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !/^\d/.test(w))
		.some((w) =>
			promptWords.some((p) => p === stem(w) || (stem(w).length >= 5 && p.startsWith(stem(w))))
		);
}

const stem = (w: string) => w.replace(/(?:'s|’s|ies|es|s)$/, '');
