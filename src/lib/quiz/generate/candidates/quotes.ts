/**
 * "Who said: “As long as I am alive, I will serve the Kazakh people”?": a quotation the text
 * attributes to a person (never its speaker), with other people of the text as options.
 */

import { explanationOf, type Candidate } from '../candidate';
import { nameDistractors } from '../distractors';
import { normalizeName } from '../names';
import { isSpeaker } from '../profile';
import { fnv1a, stableId } from '../../hash';
import type { AnalysedStatement, Registry } from '../analyse';
import type { MultipleChoiceQuestion } from '../../types';
import type { Lesson } from '../../../content/types';
import { contentWords } from '../words';

/** "NAME[, a native of these places,] said: “QUOTE”". */
const ATTRIBUTED =
	/(\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){0,3})\s*(?:,[^,“"]{1,60},)?\s+(?:said|wrote|declared|once said)\s*:\s*[“"]([^”"]{15,200}?)[.,!]?[”"]/u;

/** Marks the prompt's quotation so checks can tell it from quote marks left by cleaning. */
export const QUOTE_PROMPT = /^According to the \w+, who said: “[^”]+”\?$/;

export function quoteCandidates(
	lesson: Lesson,
	lessonIndex: number,
	registry: Registry,
	slug: string
): Candidate[] {
	const out: Candidate[] = [];
	for (const sentence of lesson.sentences) {
		const m = sentence.text.match(ATTRIBUTED);
		if (!m) continue;
		const [, name, quote] = m;
		const entry = registry.entryOf(name);
		if (!entry || entry.kind !== 'person' || isSpeaker(name, registry.ctx.profile)) continue;
		const statement: AnalysedStatement = {
			lesson,
			sentence,
			text: sentence.text,
			quoted: [],
			order: -1,
			lessonIndex,
			names: [],
			numbers: [],
			roles: [],
			words: new Set(contentWords(sentence.text))
		};
		// People of the key's role or its company first (other Alash leaders), then any.
		const keyLessons = new Set(entry.mentions.map((i) => registry.statements[i].lessonIndex));
		const peers = (registry.byKind.get('person') ?? [])
			.filter(
				(e) =>
					e !== entry &&
					// Of the key's role, or named in a lesson that names the key.
					(e.roles.some((r) => entry.roles.includes(r)) ||
						e.mentions.some((i) => keyLessons.has(registry.statements[i].lessonIndex))) &&
					!isSpeaker(e.name, registry.ctx.profile) &&
					!sentence.text.includes(e.name)
			)
			.map((e) => e.name)
			.sort((a, b) => (fnv1a(sentence.text + a) % 997) - (fnv1a(sentence.text + b) % 997));
		const others = nameDistractors(registry, entry, statement, name, 3).filter(
			(n) => !peers.includes(n)
		);
		const distractors = [...peers, ...others].slice(0, 3);
		if (distractors.length < 3) continue;
		const key = `quote:${normalizeName(entry.name)}`;
		// Spelled as the sentence spells it, so the answer matches the source shown after it.
		const answer = name;
		const question: MultipleChoiceQuestion = {
			id: stableId(slug, 'multiple_choice', sentence.text, key),
			type: 'multiple_choice',
			prompt: `According to the ${registry.ctx.sourceWord}, who said: “${quote.trim()}”?`,
			options: [answer, ...distractors],
			answer,
			explanation: explanationOf({ ...statement, text: sentence.text }, registry.ctx),
			difficulty: 0.45,
			source: {
				paragraph: sentence.paragraph,
				sentence: sentence.text,
				sentenceIndex: sentence.index
			}
		};
		out.push({ question, statement, key, score: 1 });
	}
	return out;
}
