/** Matching questions: people to their roles, recipients to awards, figures to what they count. */

import { sourceOf, type Candidate } from '../candidate';
import { formatLike } from '../distractors';
import { awardCue } from '../facts';
import { stableId } from '../../hash';
import { parseDigits } from '../numbers';
import type { AnalysedStatement, Registry } from '../analyse';
import type { MatchingQuestion } from '../../types';

type Pair = [string, string];
/** A pair and the statement it comes from. */
type Sourced = { pair: Pair; s: AnalysedStatement };

/** Pick 3..5 pairs, no left twice, each right at most twice, at least two different rights. */
function pickPairs(all: Sourced[]): Sourced[] | null {
	const picked: Sourced[] = [];
	const rightCount = new Map<string, number>();
	// Prefer spreading across rights: first pass one per right, second pass a second per right.
	for (const limit of [1, 2]) {
		for (const item of all) {
			if (picked.length === 5) break;
			if (picked.some((p) => p.pair[0] === item.pair[0])) continue;
			if ((rightCount.get(item.pair[1]) ?? 0) >= limit) continue;
			picked.push(item);
			rightCount.set(item.pair[1], (rightCount.get(item.pair[1]) ?? 0) + 1);
		}
	}
	if (picked.length < 3 || rightCount.size < 2) return null;
	return picked;
}

function build(
	items: Sourced[],
	prompt: string,
	registry: Registry,
	slug: string,
	kind: string
): Candidate | null {
	const picked = pickPairs(items);
	if (!picked) return null;
	const pairs = picked.map((p) => p.pair);
	const first = picked[0].s;
	const sentences = [...new Set(picked.map((p) => p.s.text))];
	const question: MatchingQuestion = {
		id: stableId(slug, 'matching', kind, pairs.map((p) => p.join('=')).join('|')),
		type: 'matching',
		prompt,
		options: [...new Set(pairs.map((p) => p[1]))],
		pairs,
		explanation: `The ${registry.ctx.sourceWord} says: ${sentences.join(' ')}`,
		difficulty: 0.5,
		source: sourceOf(first)
	};
	return { question, statement: first, key: `match:${kind}`, score: 1.05 };
}

/** Matching questions of a lesson: people to their roles, to their awards, figures to what they count. */
export function matchingCandidates(
	lesson: AnalysedStatement[],
	registry: Registry,
	slug: string
): Candidate[] {
	const src = registry.ctx.sourceWord;
	const people = build(
		rolePairs(lesson),
		`Match each person to the role the ${src} gives them.`,
		registry,
		slug,
		'roles'
	);
	const recipients = build(
		awardPairs(lesson),
		`Match each person to the award the ${src} says they received.`,
		registry,
		slug,
		'awards'
	);
	const counts = build(
		figurePairs(lesson),
		`Match each figure from the ${src} to what it counts.`,
		registry,
		slug,
		'figures'
	);
	// Two figures counting the same thing would make the match ambiguous.
	const distinct =
		counts?.question.type === 'matching' &&
		new Set(counts.question.pairs.map((p) => p[1])).size === counts.question.pairs.length;
	return [people, recipients, distinct ? counts : null].filter((c): c is Candidate => c !== null);
}

/** "Bokeykhan" — "leader of the Alash movement". */
function rolePairs(lesson: AnalysedStatement[]): Sourced[] {
	return lesson.flatMap((s) => s.roles.map((r) => ({ pair: [r.person, r.role] as Pair, s })));
}

/** "Elvira Aliyeva" — "order Kurmet", from "…was awarded to …". */
function awardPairs(lesson: AnalysedStatement[]): Sourced[] {
	const awards: Sourced[] = [];
	for (const s of lesson) {
		const award = s.names.find((n) => n.kind === 'award');
		if (!award || !/\bawarded to\b/.test(s.text)) continue;
		const cue = awardCue(s.text, award.start);
		const degree = s.text.slice(award.end).match(/^\s+([IVX]+ degree)/);
		const label = `${cue ? cue[1].toLowerCase() + ' ' : ''}${award.text}${degree ? ' ' + degree[1] : ''}`;
		for (const n of s.names)
			if (n.kind === 'person' && n.start > award.end) awards.push({ pair: [n.text, label], s });
	}
	return awards;
}

/** "about half" — "share of the country's copper"; "176" — "villages". */
function figurePairs(lesson: AnalysedStatement[]): Sourced[] {
	const figures: Sourced[] = [];
	for (const s of lesson) {
		for (const n of s.numbers) {
			if (n.kind === 'year') continue;
			const after = s.text.slice(n.end);
			const of = after.match(
				/^(?:\s+[a-z-]+)?\s+of\s+((?:the\s+)?[\w'-]+(?:\s+[a-z'-]+){0,2}?)(?=,|\.|\s+(?:and|is|are|was|were|will|have|has|there|in)\b)/
			);
			let right = '';
			if (n.kind === 'percent' || n.kind === 'fraction') right = of ? `share of ${of[1]}` : '';
			else if (n.unit)
				right = n.unit + (of && after.trimStart().startsWith(n.unit) ? ` of ${of[1]}` : '');
			if (!right || right.split(' ').length > 7) continue;
			const left =
				(n.hedge ? `${n.hedge} ` : '') +
				formatLike(n, n.kind === 'fraction' ? n.value : parseDigits(n.digits));
			if (figures.some((f) => f.pair[1] === right || f.pair[0] === left)) continue;
			figures.push({ pair: [left, right], s });
		}
	}
	return figures;
}
