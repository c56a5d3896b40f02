/** True/false statements: the statement as the text gives it, or with one key swapped for a wrong one. */

import { explanationOf, sourceOf, type Candidate } from './candidate';
import { nameDistractors, swapNumber } from './distractors';
import { stableId } from './hash';
import type { AnalysedStatement, Registry } from './registry';
import type { TrueFalseQuestion } from './types';
import { maxKeyMentions } from './generate-cloze';

function tf(
	s: AnalysedStatement,
	text: string,
	answer: boolean,
	registry: Registry,
	slug: string
): TrueFalseQuestion {
	return {
		id: stableId(slug, 'true_false', s.sentence.text),
		type: 'true_false',
		prompt: `True or false: ${text}`,
		options: ['True', 'False'],
		answer,
		explanation: explanationOf(s, registry.ctx),
		difficulty: answer ? 0.25 : 0.4,
		source: sourceOf(s)
	};
}

/** A false version made by swapping an exact figure or a name the text contradicts. */
function falseText(
	s: AnalysedStatement,
	lesson: AnalysedStatement[],
	registry: Registry,
	slug: string
): string | null {
	for (const n of s.numbers) {
		if (n.kind === 'fraction') continue;
		const swapped = swapNumber(n, lesson, slug + s.text);
		if (!swapped) continue;
		return s.text.slice(0, n.valueStart) + swapped + s.text.slice(n.end);
	}
	for (const m of s.names) {
		const entry = registry.entryOf(m.text);
		// Only people with a stated role: the text then says the swapped-in person is something else.
		if (!entry || entry.kind !== 'person' || !entry.roles.length) continue;
		if (entry.mentions.length > maxKeyMentions(registry)) continue;
		const [swap] = nameDistractors(registry, entry, s, m.text, 1, { contradicted: true });
		if (!swap) continue;
		return s.text.slice(0, m.start) + swap + s.text.slice(m.end);
	}
	return null;
}

export function trueFalseCandidate(
	s: AnalysedStatement,
	lesson: AnalysedStatement[],
	registry: Registry,
	slug: string
): Candidate {
	const truth = tf(s, s.text, true, registry, slug);
	const swapped = falseText(s, lesson, registry, slug);
	const falseVersion = swapped ? tf(s, swapped, false, registry, slug) : undefined;
	const keyed = s.names.length + s.numbers.length > 0;
	return {
		question: truth,
		statement: s,
		key: 'tf',
		score: (falseVersion ? 0.8 : 0.45) * (keyed ? 1 : 0.8),
		falseVersion
	};
}
