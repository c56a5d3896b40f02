/**
 * Where the names of a sentence are: runs of capitalised words with the common words around them
 * taken off, before anything says what they name. Lesson entities (`entities.ts`) and question keys
 * (`quiz/generate/facts.ts`) type what is found here, each by its own cues.
 *
 * Two readings of a run are kept, because each reader's output is built on its own:
 * - `nameSpans` (question keys) reads words one by one: a run is broken at a possessive and at any
 *   gap but one space, joins "of" / "of the", skips NOT_NAMES and takes off a sentence's opening word
 *   ("Although", "Following"); offsets are exact, so a key can be blanked out of its sentence.
 * - `ENTITY_RUN` and `nameInRun` (lesson entities) match a run in one expression that also joins
 *   "with" and any whitespace, keep the whole run for its cues (a possessive "'s" marks a person)
 *   and take off every leading word the text also writes in lower case.
 * Both drop months and weekdays (CALENDAR_NAMES) and a lone opening word the text never writes
 * inside a sentence, each judged by the word lists it is given.
 */
import { STOPWORDS } from './stopwords';

/** Months and weekdays: capitalised, never names. */
export const CALENDAR_NAMES = new Set(
	(
		'January February March April May June July August September October November December ' +
		'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'
	).split(' ')
);

// ---------------------------------------------------------------------------------------------
// Question keys.

/** What the document says about its words, for telling names from common words. */
export interface NameWords {
	/** Words seen in lower case inside a sentence (so not proper nouns). */
	lowercaseWords: Set<string>;
	/** Capitalised words seen inside a sentence (so likely names). */
	capitalWords: Set<string>;
}

/** Adds one sentence's words to `words`. */
export function noteNameWords(text: string, words: NameWords): void {
	for (const m of text.matchAll(/(?<=[a-z,;] )[a-z][a-z'-]*/g)) words.lowercaseWords.add(m[0]);
	for (const m of text.matchAll(/(?<=[\p{L},;] )\p{Lu}[\p{L}-]*/gu)) words.capitalWords.add(m[0]);
}

/** Capitalised words that are no name on their own. */
export const NOT_NAMES = new Set([
	...CALENDAR_NAMES,
	...(
		'President Head State The A An In On At Today Now First Second Third According Recently ' +
		'However Akim'
	).split(' ')
]);

const WORD = /[\p{Lu}\p{N}][\p{L}\p{N}'’-]*|[\p{Ll}][\p{L}'’-]*/gu;

function isCapital(word: string): boolean {
	return /^\p{Lu}/u.test(word);
}

/** Words that open a sentence before a name: conjunctions, prepositions, participles. */
const OPENERS =
	/^(?:although|though|while|whilst|when|whenever|after|before|because|since|under|during|despite|unlike|like|as|once|until|upon|within|without|between|among|following|meanwhile|[a-z]+ing|[a-z]+ly)$/;

export interface NameSpan {
	start: number;
	end: number;
	text: string;
}

/** Runs of capitalised words, joined by "of" / "of the" when a capital follows. */
export function nameSpans(text: string, { lowercaseWords, capitalWords }: NameWords): NameSpan[] {
	const words = [...text.matchAll(WORD)].map((m) => ({
		w: m[0],
		start: m.index,
		end: m.index + m[0].length
	}));
	const chunks: NameSpan[] = [];
	let i = 0;
	while (i < words.length) {
		const first = words[i];
		const sentenceStart = i === 0;
		if (!isCapital(first.w) || NOT_NAMES.has(first.w.replace(/'s$/, ''))) {
			i++;
			continue;
		}
		if (
			sentenceStart &&
			!capitalWords.has(first.w.replace(/'s$/, '')) &&
			!isCapital(words[1]?.w ?? 'x')
		) {
			i++;
			continue;
		}
		let j = i;
		while (j + 1 < words.length) {
			const gap = text.slice(words[j].end, words[j + 1].start);
			if (gap === ' ' && isCapital(words[j + 1].w) && !/'s$/.test(words[j].w)) {
				j++;
				continue;
			}
			const joinOf = words[j + 1].w === 'of' && /^\s$/.test(gap);
			if (joinOf) {
				const k = words[j + 2]?.w === 'the' ? j + 3 : j + 2;
				if (
					k < words.length &&
					isCapital(words[k].w) &&
					text.slice(words[j + 1].end, words[k].start).trim() !== ','
				) {
					j = k;
					continue;
				}
			}
			break;
		}
		let start = first.start;
		// "Although Kublai ...", "Following Kublai's death": the opening word is no part of the name.
		const opener = first.w.toLowerCase();
		if (
			sentenceStart &&
			j > i &&
			(lowercaseWords.has(opener) || STOPWORDS.has(opener) || OPENERS.test(opener))
		)
			start = words[i + 1].start;
		let end = words[j].end;
		let chunkText = text.slice(start, end);
		if (chunkText.endsWith("'s")) {
			end -= 2;
			chunkText = chunkText.slice(0, -2);
		}
		if (chunkText && !NOT_NAMES.has(chunkText)) chunks.push({ start, end, text: chunkText });
		i = j + 1;
	}
	return chunks;
}

// ---------------------------------------------------------------------------------------------
// Lesson entities.

/** What the document says about its words, as lesson entities read it. */
export interface EntityWords {
	/** Words seen in lower case anywhere. */
	lowerWords: Set<string>;
	/** Capitalised words seen somewhere other than the start of a sentence. */
	midSentence: Set<string>;
}

export function entityWords(sentences: string[]): EntityWords {
	const lowerWords = new Set<string>();
	for (const s of sentences)
		for (const w of s.match(/\b\p{Ll}[\p{L}'-]*/gu) ?? []) lowerWords.add(w);
	const midSentence = new Set<string>();
	for (const s of sentences)
		for (const m of s.matchAll(/(?<=[\p{L},;:]\s+)\p{Lu}[\p{L}'-]*/gu)) midSentence.add(m[0]);
	return { lowerWords, midSentence };
}

/** A run of capitalised words, joined by "of", "of the" or "with". */
export const ENTITY_RUN =
	/\p{Lu}[\p{L}'\u2019-]*(?:\s+(?:of(?:\s+the)?\s+|with\s+)?\p{Lu}[\p{L}'\u2019-]*)*/gu;

const TITLE_WORDS = new Set(
	'head state president government akimat akim pontiff prime minister mr mrs ms dr'.split(' ')
);

/**
 * The name in a run of capitalised words found at `start`, without the common words around it
 * ("The", "Leaders", "Our"), or null when what is left is not a name.
 */
export function nameInRun(
	text: string,
	chunk: string,
	start: number,
	{ lowerWords, midSentence }: EntityWords
): { name: string; words: string[]; offset: number } | null {
	let words = chunk.split(/\s+/);
	let offset = start;
	// Sentence-initial or common words ("The", "Leaders", "Our") are not names.
	while (words.length && isCommon(words[0], lowerWords)) {
		offset += words[0].length + 1;
		words = words.slice(1);
		while (words.length && /^(?:of|the|with)$/.test(words[0])) words = words.slice(1);
	}
	while (words.length && /^(?:of|the|with)$/.test(words[words.length - 1])) words.pop();
	if (!words.length) return null;
	const name = words.join(' ').replace(/['\u2019]s$/, '');
	const atStart = /^[\s"'(]*$/.test(text.slice(0, offset));
	if (/^(?:[IVX]+|[A-Z]|JSC|LLP|LLC)$/.test(name) || CALENDAR_NAMES.has(name)) return null;
	// A single capitalised word that opens the sentence and never appears mid-sentence.
	if (atStart && words.length === 1 && !midSentence.has(name)) return null;
	if (words.every((w) => TITLE_WORDS.has(w.toLowerCase()) || /^(?:of|the)$/.test(w))) return null;
	if (/(?:ist|ic)$/.test(name) && !name.includes(' ')) return null;
	return { name, words, offset };
}

function isCommon(word: string, lowerWords: Set<string>): boolean {
	const lower = word.toLowerCase();
	return (
		lowerWords.has(lower) || lowerWords.has(lower.replace(/s$/, '')) || lowerWords.has(lower + 's')
	);
}
