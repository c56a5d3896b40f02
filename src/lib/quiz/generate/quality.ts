/**
 * Measures of a finished bank that a strict teacher's review cares about, for the benchmark and the
 * tests: keys that are everyday words, prompts that lean on an earlier sentence, true statements
 * without a checkable fact, malformed numbers, keys found elsewhere in their own prompt, citation
 * markers. Shares are of the questions they can apply to.
 */

import type { Question } from '../types';
import { givenAway, malformedNumber, tellingPart } from './checks';
import { CITATION } from './checks/prompt';
import { commonKey } from './checks/keys';
import type { Lexicon } from './lexicon';
import { findNumbers } from './numbers';
import { leanReason } from './prompt-text';

export interface BankQuality {
	/** Blank and multiple-choice keys that are everyday words, of all such keys with letters. */
	commonKeys: { count: number; of: number; examples: string[] };
	/** Prompts whose first sentence leans on one the student does not see. */
	dangling: { count: number; of: number; examples: string[] };
	/** True statements with no name and no number in them. */
	trueWithoutFact: { count: number; of: number; examples: string[] };
	malformedNumbers: { count: number; examples: string[] };
	keysInPrompt: { count: number; examples: string[] };
	citationMarkers: { count: number; examples: string[] };
}

const FACT = /\d|(?<!^|[.:]\s)\b\p{Lu}\p{Ll}+/u;

export function measureBank(questions: Question[], lexicon: Lexicon): BankQuality {
	const out: BankQuality = {
		commonKeys: { count: 0, of: 0, examples: [] },
		dangling: { count: 0, of: questions.length, examples: [] },
		trueWithoutFact: { count: 0, of: 0, examples: [] },
		malformedNumbers: { count: 0, examples: [] },
		keysInPrompt: { count: 0, examples: [] },
		citationMarkers: { count: 0, examples: [] }
	};
	const note = (m: { count: number; examples: string[] }, example: string) => {
		m.count++;
		if (m.examples.length < 5) m.examples.push(example);
	};
	const everywhere = wordsOfManyPrompts(questions);
	for (const q of questions) {
		const all = [q.prompt, ...q.options].join('\n');
		if (leanReason(q.prompt)) note(out.dangling, q.prompt);
		if (malformedNumber(all)) note(out.malformedNumbers, q.prompt);
		if (CITATION.test(all)) note(out.citationMarkers, q.prompt);
		const figure = (answer: string) => findNumbers(`${answer} of`).length > 0;
		if ((q.type === 'multiple_choice' || q.type === 'fill_blank') && !figure(q.answer)) {
			out.commonKeys.of++;
			// The checks' own definition: a name of several words or a numbered craft is no common word.
			if (commonKey(q.answer, lexicon)) note(out.commonKeys, q.answer);
			if (givenAway(q.prompt, tellingPart(q.answer, everywhere, lexicon)))
				note(out.keysInPrompt, `${q.answer}: ${q.prompt}`);
		}
		if (q.type === 'true_false' && q.answer) {
			out.trueWithoutFact.of++;
			const statement = q.prompt.replace(/^True or false:\s*/, '');
			if (!FACT.test(statement)) note(out.trueWithoutFact, statement);
		}
	}
	return out;
}

/** Names in a quarter of the prompts or more ("Kazakhstan"): what the text is about, no clue. */
function wordsOfManyPrompts(questions: Question[]): string[] {
	const counts = new Map<string, number>();
	for (const q of questions)
		for (const w of new Set(q.prompt.match(/\b\p{Lu}\p{Ll}+\b/gu) ?? []))
			counts.set(w, (counts.get(w) ?? 0) + 1);
	return [...counts].filter(([, n]) => n >= questions.length / 4).map(([w]) => w);
}
