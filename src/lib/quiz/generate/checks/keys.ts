/** Checks of a key and its options: everyday words, given away, of another kind, overlapping. */

import type { AnalysedStatement } from '../analyse';
import { isCommonPhrase, type Lexicon } from '../lexicon';
import { COUNTRIES } from '../profile';
import { STOPWORDS, tokens } from '../words';

/**
 * A key of everyday words: "priority", "the Government", "large companies". A name of several
 * words ("Comfortable School") is a name, whatever its words.
 */
export function commonKey(answer: string, lexicon: Lexicon): boolean {
	const bare = answer.replace(/^(?:the|a|an)\s+/i, '');
	if (/\p{Lu}/u.test(bare) && /\s/.test(bare)) return false;
	// "Nimbus-7", "Soyuz-11": a name numbered as one of a series designates one craft or
	// mission, whatever its word means in everyday English (a nimbus is a cloud).
	if (/^\p{Lu}[\p{L}]+-\d+[A-Za-z]?$/u.test(bare)) return false;
	return isCommonPhrase(bare, lexicon);
}

/**
 * "the updated Constitution": an everyday noun the text always writes with a capital, inside its
 * sentences, whose common sense is a written work (WordNet's communication class: a constitution,
 * a code, a treaty), names one document, as "Comfortable School" names one project. "the
 * Government" and "the Ministry" (groups) stay everyday words: other bodies fit their blanks.
 */
export function namedDocument(
	answer: string,
	sentence: string,
	lowercaseWords: Set<string>,
	lexicon: Lexicon
): boolean {
	if (!/^\p{Lu}\p{Ll}{3,}$/u.test(answer)) return false;
	const lower = answer.toLowerCase();
	if (lowercaseWords.has(lower)) return false;
	// "the Constitution", "the updated Constitution": one thing of its kind, not "modern Oral".
	if (!new RegExp(`\\bthe (?:[a-z]+ ){0,2}${answer}\\b`).test(sentence)) return false;
	return lexicon.nounTopic(lower) === 'communication';
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
	const promptWords = words(prompt.replace(/_____/g, ' '));
	const stems = promptWords.map(stem);
	const skeletons = new Set(promptWords.filter((w) => w.length >= 4).map(skeleton));
	// A name's short word counts too ("Hun Empire" after "the Huns"); an everyday one does not.
	const capitalised = new Set(key.match(/\b\p{Lu}\p{Ll}{2}\b/gu)?.map((w) => w.toLowerCase()));
	// The same word, one made from it ("Islam" in "Islamic", "Kazakhs" in "Kazakhstan"), or
	// another spelling of it ("Kirghiz" for "Kyrgyz").
	// "the Il-Khans" beside "Il-Khanate": a hyphenated name's first part and the start of the rest.
	const hyphenated = promptWords.filter((w) => /\p{L}-\p{L}/u.test(w));
	const sharedCompound = (w: string) => {
		const cut = w.lastIndexOf('-');
		if (cut < 1) return false;
		const head = w.slice(0, cut + 1);
		const tail = w.slice(cut + 1, cut + 5);
		return tail.length >= 4 && hyphenated.some((p) => p !== w && p.startsWith(head + tail));
	};
	if (words(key).some(sharedCompound)) return true;
	// "Sufi teachings" beside "Sufism", "the Mongol nobles" beside "Mongolia": the key is a word of
	// the prompt with a derivational ending, the same name in another part of speech.
	const derived = (w: string) =>
		promptWords.some((p) => {
			if (p.length < 4 || w.length <= p.length) return false;
			// "Sufi" + "ism": a final vowel of the word merges into the ending.
			const base = p.replace(/[aeiouy]$/, '');
			return w.startsWith(base) && DERIVATION.test(w.slice(base.length));
		});
	if (words(key).some(derived)) return true;
	return words(key)
		.filter((w) => (w.length >= 4 || capitalised.has(w)) && !STOPWORDS.has(w) && !/^\d/.test(w))
		.some(
			(w) =>
				stems.some((p) => p === stem(w) || (stem(w).length >= 5 && p.startsWith(stem(w)))) ||
				(w.length >= 5 && skeleton(w).length >= 4 && skeletons.has(skeleton(w)))
		);
}

/** Endings that make a word of a name into another of its forms: Sufi-sm, Mongol-ia, Turk-ic. */
const DERIVATION = /^(?:ism|isms|ist|ists|ia|ian|ians|ic|ics|an|ans|ese|ish|dom|ate|stan)$/;

/** A head of state or government named with the title of the office ("President Biden"). */
const LEADER =
	/\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|Tsar|Sultan|Shah) \p{Lu}\p{Ll}+/u;
/** A name of a sea or an ocean ("Southern Ocean", "Aral Sea"). */
const WATER_NAME = /^(?:the )?(?:\p{Lu}\p{Ll}+ )+(?:Ocean|Sea|Gulf|Bay|Strait)$/u;

/**
 * Keys a prompt gives away in other words: a country beside its leader's title ("the _____ and
 * Japan under President Biden and Prime Minister Kishida"), a sea or an ocean beside "the waters
 * around/off ..." that defines it ("In the waters around Antarctica ... in the _____").
 */
export function leaderOrWatersGiveAway(prompt: string, key: string): boolean {
	const bare = key.replace(/^the\s+/i, '');
	const country = COUNTRIES.includes(bare) || /^United \p{Lu}\p{Ll}+$/u.test(bare);
	if (country && LEADER.test(prompt)) return true;
	return WATER_NAME.test(bare) && /\bwaters (?:around|off|of|near|surrounding)\b/i.test(prompt);
}

/** Words that give a place or a thing its other name: "the present-day", "now called", "formerly". */
const RENAMING =
	/(?:present[- ]day|modern[- ]day|today's|now called|now known as|(?<=\()now|(?:also |better )?known (?:today )?as|also called|formerly)/i
		.source;
/**
 * The blank renamed beside it in the prompt: "north of the _____, the present-day Amu Darya"
 * (Oxus), "the Oxus (now _____)". The other name tells the key, or is a second right answer.
 */
export function renamedBeside(prompt: string): boolean {
	const after = new RegExp(`_____[^,;()]{0,12}(?:,|\\()\\s*(?:the\\s+)?${RENAMING}\\b`, 'i');
	const before = new RegExp(`(?:,|\\()\\s*(?:the\\s+)?${RENAMING}\\s+(?:the\\s+)?_____`, 'i');
	return after.test(prompt) || before.test(prompt);
}

/**
 * The part of a key that tells something: "Temir Zholy" of "Kazakhstan Temir Zholy" in a text
 * about Kazakhstan, whose name is in every other prompt and gives nothing away. The whole key when
 * nothing else is left, or when what is left is everyday words ("Green Kazakhstan", "Just
 * Kazakhstan"): then the name is the distinctive part, and a prompt that names it gives half the
 * key away while its context suggests the everyday rest.
 */
export function tellingPart(key: string, everywhere: string[], lexicon?: Lexicon): string {
	const words = new Set(everywhere.map((w) => w.toLowerCase()));
	const rest = key
		.split(/\s+/)
		.filter((w) => !words.has(w.toLowerCase()))
		.join(' ');
	if (rest && rest !== key && lexicon && isCommonPhrase(rest, lexicon)) return key;
	return rest || key;
}

/** The consonants of a word without h, w, y and doubled letters: "kirghiz", "kyrgyz" -> "krgz". */
function skeleton(word: string): string {
	return word
		.toLowerCase()
		.replace(/(?:'s|’s|s)$/, '')
		.replace(/[aeiouyhw]/g, '')
		.replace(/(.)\1+/g, '$1');
}

const stem = (w: string) => w.replace(/(?:'s|’s|ies|es|s)$/, '');
