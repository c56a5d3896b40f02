/** Multiple-choice and fill-in questions whose key is a name of the text (a person, place, organisation, programme). */

import { accordingTo, blankOut, explanationOf, sourceOf, type Candidate } from '../candidate';
import { isSpeaker } from '../profile';
import { nameDistractors } from '../distractors';
import type { NameKind, NameMention } from '../facts';
import { stableId } from '../../hash';
import { normalizeName } from '../names';
import { levenshtein } from '../../../content/distance';
import { phoneticKey } from '../../../content/names';
import type { AnalysedStatement, NameEntry, Registry } from '../analyse';
import type { FillBlankQuestion, MultipleChoiceQuestion } from '../../types';

const KIND_VALUE: Record<NameKind, number> = {
	person: 1,
	programme: 0.95,
	award: 0.9,
	organization: 0.85,
	place: 0.75,
	other: 0.45
};
const WHICH: Partial<Record<NameKind, string>> = {
	person: 'who',
	organization: 'which organization',
	programme: 'which project',
	place: 'which place'
};

export function maxKeyMentions(registry: Registry): number {
	return Math.max(6, registry.statements.length * 0.12);
}

export function nameKeyValue(entry: NameEntry, registry: Registry): number {
	const salience = Math.min(0.6, entry.mentions.length / (maxKeyMentions(registry) * 2));
	return KIND_VALUE[entry.kind] * (1 - salience);
}

function mcPrompt(
	s: AnalysedStatement,
	m: { start: number; end: number; text: string },
	kind: NameKind | null,
	registry: Registry
): string {
	const ctx = registry.ctx;
	const rest = s.text.slice(m.end);
	const which = kind ? WHICH[kind] : undefined;
	// "X prepares specialists." -> "According to the speech, which organization prepares specialists?"
	if (
		m.start === 0 &&
		which &&
		/^ [a-z]+(?:s|ed)\b/.test(rest) &&
		!/^ (?:is|was|has)\b/.test(rest) &&
		rest.length > 15
	)
		return `According to the ${ctx.sourceWord}, ${which}${rest.replace(/\.$/, '?')}`;
	return accordingTo(countryUnnamed(blankOut(s.text, m.start, m.end), m.text, ctx.country), ctx);
}

/**
 * "Such measures are being implemented throughout the country as part of the _____ National
 * Project" (Green Kazakhstan): the text's country stays "the country" in a prompt whose key has
 * the country's name in it, where naming it would show half the key.
 */
export function countryUnnamed(prompt: string, key: string, country: string | null): string {
	if (!country || key === country || !new RegExp(`\\b${country}\\b`).test(key)) return prompt;
	return prompt
		.replace(new RegExp(`\\b${country}'s\\b`, 'g'), "the country's")
		.replace(
			new RegExp(`\\b(in|of|across|throughout|for) ${country}\\b(?! of)`, 'g'),
			'$1 the country'
		);
}

export function nameCandidates(
	s: AnalysedStatement,
	registry: Registry,
	slug: string
): Candidate[] {
	const out: Candidate[] = [];
	const ctx = registry.ctx;
	const seen = new Set<NameEntry>();
	for (const m of s.names) {
		const entry = registry.entryOf(m.text);
		if (!entry || seen.has(entry) || entry.countryLike) continue;
		seen.add(entry);
		if (entry.mentions.length > maxKeyMentions(registry)) continue;
		// The speaker of a speech is no key: every sentence is his.
		if (isSpeaker(entry.name, registry.ctx.profile)) continue;
		if (
			entry.kind === 'person' &&
			/\b(?:Code|Plan|Law|Act|Constitution|Programme|Project)\b/.test(entry.name)
		)
			continue;
		const value = nameKeyValue(entry, registry);
		const key = normalizeName(entry.name);
		const distractors =
			entry.kind === 'other' ? [] : nameDistractors(registry, entry, s, m.text, 3);
		if (distractors.length === 3) {
			const question: MultipleChoiceQuestion = {
				id: stableId(slug, 'multiple_choice', s.sentence.text, key),
				type: 'multiple_choice',
				prompt: mcPrompt(s, m, entry.kind, registry),
				options: [m.text, ...distractors],
				answer: m.text,
				explanation: explanationOf(s, ctx),
				difficulty: 0.35 + (entry.kind === 'person' ? 0.1 : 0.05),
				source: sourceOf(s)
			};
			out.push({ question, statement: s, key, score: value });
		}
		// A long name (a slogan, a project's full title) is recognised, not recalled word for word.
		if (m.text.split(/\s+/).length <= MAX_TYPED_WORDS)
			out.push(fillCandidate(s, m, entry, registry, slug, key, value));
	}
	return out;
}

/** The longest answer a student is asked to type. */
const MAX_TYPED_WORDS = 4;

function fillCandidate(
	s: AnalysedStatement,
	m: NameMention,
	entry: NameEntry,
	registry: Registry,
	slug: string,
	key: string,
	value: number
): Candidate {
	// Other spellings of the same words only ("Tokaev" for "Tokayev"): never a longer or shorter
	// name the grouping took in ("Southeast Asia" for "Asian", "Although Kublai" for "Kublai").
	const accept = new Set(
		entry.variants.filter(
			(v) =>
				v !== m.text &&
				((v.split(/\s+/).length === m.text.split(/\s+/).length &&
					levenshtein(phoneticKey(v), phoneticKey(m.text)) <= 2) ||
					// A person's fuller name the text also uses ("Kublai Khan" for "Kublai").
					(entry.kind === 'person' &&
						v.startsWith(m.text + ' ') &&
						v.split(/\s+/).length === m.text.split(/\s+/).length + 1))
		)
	);
	const question: FillBlankQuestion = {
		id: stableId(slug, 'fill_blank', s.sentence.text, key),
		type: 'fill_blank',
		prompt: `Complete the sentence from the ${registry.ctx.sourceWord}: ${countryUnnamed(blankOut(s.text, m.start, m.end), m.text, registry.ctx.country)}`,
		options: [],
		answer: m.text,
		accept: [...accept],
		explanation: explanationOf(s, registry.ctx),
		difficulty: 0.6 + (m.text.split(' ').length > 1 ? 0.1 : 0),
		source: sourceOf(s)
	};
	return { question, statement: s, key, score: value * 0.9 };
}
