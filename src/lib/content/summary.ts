/** Extractive summaries: the most central, self-contained sentences of a lesson, in order. */
import type { AnalysedSentence } from './nlp';
import { isContentToken } from './terms';

const DEPENDENT_START =
	/^(?:this|that|these|those|it|its|they|them|their|he|she|his|her|however|but|and|so|therefore|thus|also|such|then|in this regard|at the same time|according to (?:him|her|them)|as mentioned (?:above|below|earlier))\b/i;
const SPEAKER_TAG =
	/,?["']\s*,?\s*(?:[-\u2013\u2014]\s*)?(?:(?:the|a)\s+)?[\p{L}\s-]{0,40}?\b(?:said|says|noted|stated|stressed|added|instructed|believes|emphasized|concluded|explained)\.?$/u;

/** Removes quotation marks and a trailing speaker tag; words themselves stay as written. */
export function stripQuotation(sentence: string): string {
	let s = sentence.trim();
	const tag = SPEAKER_TAG.exec(s);
	if (tag && tag.index > 0) s = s.slice(0, tag.index).replace(/[,;:]$/, '') + '.';
	s = s.replace(/^["']+/, '').replace(/["']+([.!?])?$/, '$1');
	// Quote marks left unbalanced after stripping the outer ones.
	if ((s.match(/"/g) ?? []).length % 2 === 1) s = s.replace(/"/g, '');
	if (!/[.!?]$/.test(s)) s += '.';
	return s.replace(/\.\.$/, '.');
}

/** The lesson's first sentences, which the summary leaves to the text. */
export const OPENING = 2;

/** Sentences that share this many words in a row say the same thing twice. */
const REPEATED_RUN = 5;

/** Every run of REPEATED_RUN words in a sentence, as text. */
function wordRuns(sentence: AnalysedSentence): Set<string> {
	const words = sentence.tokens.map((t) => t.normal).filter((w) => /[\p{L}\d]/u.test(w));
	const runs = new Set<string>();
	for (let i = 0; i + REPEATED_RUN <= words.length; i++)
		runs.add(words.slice(i, i + REPEATED_RUN).join(' '));
	return runs;
}

/** The lesson's summary; `isListItem` tells the sentences that are items of a list in the text. */
export function summarise(
	sentences: AnalysedSentence[],
	isListItem: (s: AnalysedSentence) => boolean = () => false
): string {
	if (sentences.length === 0) return '';
	const tf = new Map<string, number>();
	for (const s of sentences)
		for (const t of s.tokens) if (isContentToken(t)) tf.set(t.stem, (tf.get(t.stem) ?? 0) + 1);
	const scores = sentences.map((s, i) => {
		const stems = new Set(s.tokens.filter(isContentToken).map((t) => t.stem));
		let score = 0;
		for (const st of stems) score += (tf.get(st) ?? 1) - 1;
		score /= Math.sqrt(Math.max(4, stems.size));
		const words = s.tokens.filter((t) => /\p{L}/u.test(t.normal)).length;
		const plain = stripQuotation(s.text);
		if (DEPENDENT_START.test(plain)) score *= 0.4;
		if (words < 6) score *= 0.3;
		if (words > 45) score *= 0.6;
		// A list item ("a homework club run by…", "730 new children's cards issued…") or the line
		// that introduces a list ("…the following priorities for next year:") is not a sentence of
		// its own: used only when the lesson has too few whole sentences.
		const fragment = isListItem(s) || /^[a-z]/.test(plain) || /:\s*$/.test(s.text);
		return { i, score, fragment };
	});
	// The lesson page shows the summary right above the text: a summary made of the text's opening
	// sentences would be read twice in a row. They are used only when no later sentence is whole
	// (then the summary is shorter rather than a repeat).
	const later = scores.filter((s) => !s.fragment && s.i >= OPENING).length;
	const count = Math.min(sentences.length >= 8 ? 3 : Math.min(2, sentences.length), later || 3);
	const opening = (i: number) => i < OPENING && later > 0;
	// Best first, leaving out a sentence that repeats a chosen one ("…held a meeting with the
	// public of the Karaganda region. At a meeting with the public of the Karaganda region, …").
	const chosen: { i: number; runs: Set<string> }[] = [];
	const ranked = [...scores].sort(
		(a, b) =>
			Number(a.fragment) - Number(b.fragment) ||
			Number(opening(a.i)) - Number(opening(b.i)) ||
			b.score - a.score ||
			a.i - b.i
	);
	for (const { i } of ranked) {
		if (chosen.length === count || (chosen.length && opening(i))) break;
		const runs = wordRuns(sentences[i]);
		if (chosen.some((c) => [...runs].some((r) => c.runs.has(r)))) continue;
		chosen.push({ i, runs });
	}
	return chosen
		.map((c) => c.i)
		.sort((a, b) => a - b)
		.map((i) => stripQuotation(sentences[i].text))
		.join(' ');
}
