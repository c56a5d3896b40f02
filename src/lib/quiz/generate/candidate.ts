/** A generated question before ranking, with what ranking and arrangement need to know. */

import type { Question, QuestionSource, TrueFalseQuestion } from '../types';
import type { DocContext } from './profile';
import type { AnalysedStatement } from './analyse';

export interface Candidate {
	question: Question;
	statement: AnalysedStatement;
	/** Normalised key: one question per (sentence, key). */
	key: string;
	/** 0..1, higher is better. */
	score: number;
	/** True/false only: the false version (a contradicted swap), when the text allows one. */
	falseVersion?: TrueFalseQuestion;
}

import { BLANK, STOPWORDS } from './words';

export { BLANK };

export function sourceOf(s: AnalysedStatement): QuestionSource {
	return {
		paragraph: s.sentence.paragraph,
		sentence: s.sentence.text,
		sentenceIndex: s.sentence.index
	};
}

/** Lower-cases the first word when it is not a proper noun. */
export function lowerFirst(text: string, ctx: DocContext): string {
	const first = text.match(/^\p{L}[\p{L}-]*/u)?.[0] ?? '';
	// "I", acronyms and hyphenated names ("Kassym-Jomart") keep their capitals.
	if (!first || first === 'I' || /^\p{Lu}{2,}$/u.test(first) || /-\p{Lu}/u.test(first)) return text;
	// A name keeps its capital: lower-case only a word the text also writes in lower case, or a
	// word never seen capitalised inside a sentence that does not start a run of capitals
	// ("William Bradford").
	const lower = first.toLowerCase();
	const everyday = STOPWORDS.has(lower) || SUBORDINATORS.has(lower) || /(?:ing|ed|ly)$/.test(lower);
	// "Overall, ...", "Today, ...": an opener set off by a comma is no name unless the text writes
	// it capitalised inside a sentence too.
	if (SUBORDINATORS.has(lower) || (text[first.length] === ',' && !ctx.capitalWords.has(first)))
		return lower + text.slice(first.length);
	const startsName = !everyday && /^\p{L}[\p{L}-]* \p{Lu}/u.test(text);
	if (ctx.lowercaseWords.has(lower) || (!ctx.capitalWords.has(first) && !startsName && everyday))
		return lower + text.slice(first.length);
	return text;
}

/** Words that open a clause and are never a name: "Although Kublai ..." -> "although Kublai ...". */
const SUBORDINATORS = new Set(
	'although though while whereas because since unless until once after before during despite following'.split(
		' '
	)
);

export function accordingTo(text: string, ctx: DocContext): string {
	if (/^(?:In (?:his|her|the) (?:speech|text)|According to)\b/.test(text)) return text;
	return `According to the ${ctx.sourceWord}, ${lowerFirst(text, ctx)}`;
}

/** "who need to" -> "who needs to": a wh-subject takes a singular verb. */
export function singularVerb(rest: string): string {
	return rest.replace(
		/^ (need|have|are|were|do)\b/,
		(_, v: string) =>
			' ' +
			(
				{ need: 'needs', have: 'has', are: 'is', were: 'was', do: 'does' } as Record<string, string>
			)[v]
	);
}

export function blankOut(text: string, start: number, end: number): string {
	return text.slice(0, start) + BLANK + text.slice(end);
}

export function explanationOf(s: AnalysedStatement, ctx: DocContext): string {
	return `The ${ctx.sourceWord} says: ${s.text}`;
}
