/** "Who must invest in modernisation?": the actor of a statement, other actors as options. */

import {
	accordingTo,
	blankOut,
	explanationOf,
	singularVerb,
	sourceOf,
	type Candidate
} from '../candidate';
import { actorOption, findActor } from '../actors';
import { isVariant } from '../names';
import { fnv1a, stableId } from '../../hash';
import type { AnalysedStatement, Registry } from '../analyse';
import type { MultipleChoiceQuestion } from '../../types';
/** "Who must invest in modernisation?" with other actors of the text as distractors. */
export function actorCandidates(
	s: AnalysedStatement,
	registry: Registry,
	slug: string,
	actors: string[]
): Candidate[] {
	const actor = s.context ? null : findActor(s.text);
	if (!actor) return [];
	const answer = actorOption(actor.text);
	const lower = s.text.toLowerCase();
	const distractors = actors
		.filter(
			(a) =>
				a.toLowerCase() !== answer.toLowerCase() &&
				!isVariant(a, answer) &&
				!lower.includes(a.toLowerCase())
		)
		.sort((a, b) => (fnv1a(s.text + a) % 997) - (fnv1a(s.text + b) % 997))
		.filter((a, i, list) => list.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i)
		.slice(0, 3);
	if (distractors.length < 3) return [];
	const key = `actor:${answer.toLowerCase()}`;
	const rest = s.text.slice(actor.end);
	const prompt =
		actor.start === 0
			? `According to the ${registry.ctx.sourceWord}, who${singularVerb(rest).replace(/\.$/, '?')}`
			: accordingTo(blankOut(s.text, actor.start, actor.end), registry.ctx);
	const question: MultipleChoiceQuestion = {
		id: stableId(slug, 'multiple_choice', s.sentence.text, key),
		type: 'multiple_choice',
		prompt,
		options: [answer, ...distractors],
		answer,
		explanation: explanationOf(s, registry.ctx),
		difficulty: 0.45,
		source: sourceOf(s)
	};
	return [{ question, statement: s, key, score: 0.85 }];
}

/** Every distinct actor of the document, as options. */
export function documentActors(registry: Registry): string[] {
	const seen = new Map<string, string>();
	for (const s of registry.statements) {
		const a = findActor(s.text);
		if (a) {
			const option = actorOption(a.text);
			if (!seen.has(option.toLowerCase())) seen.set(option.toLowerCase(), option);
		}
	}
	return [...seen.values()];
}
