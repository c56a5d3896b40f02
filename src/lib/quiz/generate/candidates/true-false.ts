/** True/false statements: the statement as the text gives it, or with one key swapped for a wrong one. */

import { explanationOf, sourceOf, type Candidate } from '../candidate';
import { nameDistractors, numberDistractors, swapNumber } from '../distractors';
import { hedgeClass } from '../numbers';
import { capitalize } from '../words';
import { stableId } from '../../hash';
import { awardCue, type NameMention } from '../facts';
import type { AnalysedStatement, NameEntry, Registry } from '../analyse';
import type { TrueFalseQuestion } from '../../types';
import { maxKeyMentions } from './names';

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
		if (n.kind === 'fraction') {
			// "a third of coal" -> "a quarter of coal": an exact share swapped for another share.
			if (hedgeClass(n.hedge) !== 'exact') continue;
			const [other] = numberDistractors(n, lesson, 1, slug + s.text);
			if (!other) continue;
			const at = n.valueStart;
			const capital = /^\p{Lu}/u.test(s.text.slice(at));
			const text = capital ? capitalize(other.text) : other.text;
			return s.text.slice(0, at) + text + s.text.slice(n.end);
		}
		const swapped = swapNumber(n, lesson, slug + s.text);
		if (!swapped) continue;
		return s.text.slice(0, n.valueStart) + swapped + s.text.slice(n.end);
	}
	for (const m of s.names) {
		const entry = registry.entryOf(m.text);
		// An award the text gives to other people: "The order Kurmet was awarded to X" is then false.
		if (entry?.kind === 'award' && /\bawarded to\b/.test(s.text)) {
			const swapped = swapAward(s, m, registry, entry);
			if (swapped) return swapped;
			continue;
		}
		// Only people with a stated role: the text then says the swapped-in person is something else.
		if (!entry || entry.kind !== 'person' || !entry.roles.length) continue;
		if (entry.mentions.length > maxKeyMentions(registry)) continue;
		const [swap] = nameDistractors(registry, entry, s, m.text, 1, { contradicted: true });
		if (!swap) continue;
		return s.text.slice(0, m.start) + swap + s.text.slice(m.end);
	}
	return null;
}

/** "The order Kurmet was awarded to X" -> "The medal Yeren enbegi ushin was awarded to X". */
function swapAward(
	s: AnalysedStatement,
	m: NameMention,
	registry: Registry,
	entry: NameEntry
): string | null {
	const [swap] = nameDistractors(registry, entry, s, m.text, 1, { contradicted: true });
	if (!swap) return null;
	const own = awardCue(s.text, m.start);
	let swapCue: string | null = null;
	for (const i of registry.entryOf(swap)?.mentions ?? []) {
		const other = registry.statements[i].text;
		const at = other.indexOf(swap);
		const cue = at >= 0 ? awardCue(other, at) : null;
		if (cue) swapCue = cue[1].toLowerCase();
	}
	if (!own || !swapCue) return null;
	const cueStart = m.start - own[0].length;
	const cueWord = own[1][0] === own[1][0].toUpperCase() ? capitalize(swapCue) : swapCue;
	// A degree belongs to the award it follows ("Enbek Danky III degree"): it goes with it.
	const rest = s.text.slice(m.end).replace(/^\s+[IVX]+ degree\b/, '');
	return s.text.slice(0, cueStart) + cueWord + ' ' + swap + rest;
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
		score: (falseVersion ? 1 : 0.45) * (keyed ? 1 : 0.8),
		falseVersion
	};
}
