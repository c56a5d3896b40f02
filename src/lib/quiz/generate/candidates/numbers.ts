/** Multiple-choice and numeric questions whose key is a figure of the text. */

import { accordingTo, blankOut, explanationOf, sourceOf, type Candidate } from '../candidate';
import { formatLike, numberDistractors } from '../distractors';
import { stableId } from '../../hash';
import { findNumbers, hedgeClass, parseDigits, type NumberMention } from '../numbers';
import type { AnalysedStatement, Registry } from '../analyse';
import type { MultipleChoiceQuestion, NumericQuestion } from '../../types';
function numberKeyValue(n: NumberMention): number {
	return n.kind === 'year' ? 0.7 : n.kind === 'quantity' && !n.unit ? 0.6 : 1;
}

/** Typing a figure suits an exact one with a clear unit (or what it counts); hedged ones less. */
function numericValue(n: NumberMention): number {
	const exact = hedgeClass(n.hedge) === 'exact';
	const counted = n.kind === 'percent' || n.kind === 'year' || !!n.unit || !!n.multiplier;
	return numberKeyValue(n) * (exact && counted ? 1.05 : exact ? 0.8 : 0.7);
}

function unitHint(n: NumberMention): string {
	if (n.kind === 'percent') return 'in %';
	if (n.kind === 'year') return 'year';
	if (n.multiplier) return `in ${n.multiplier}s${n.unit ? ` of ${n.unit}` : ''}`;
	return n.unit ? `number of ${n.unit}` : 'a number';
}

export function numberKey(n: NumberMention): string {
	return `#${n.kind}:${n.value}:${n.unit}`;
}

export function numberCandidates(
	s: AnalysedStatement,
	lesson: AnalysedStatement[],
	registry: Registry,
	slug: string
): Candidate[] {
	const out: Candidate[] = [];
	const ctx = registry.ctx;
	for (const n of s.numbers) {
		const key = numberKey(n);
		const value = numberKeyValue(n);
		// Every year the prompt shows, its context sentence's too.
		const promptYears = findNumbers(s.text)
			.filter((o) => o.start !== n.start && o.kind === 'year' && o.value !== n.value)
			.map((o) => o.value);
		const distractors = numberDistractors(n, lesson, 3, slug + s.sentence.text + key, promptYears);
		const keyText =
			(n.hedge ? `${n.hedge} ` : '') +
			formatLike(n, n.kind === 'fraction' ? n.value : parseDigits(n.digits));
		if (distractors.length === 3) {
			const question: MultipleChoiceQuestion = {
				id: stableId(slug, 'multiple_choice', s.sentence.text, key),
				type: 'multiple_choice',
				prompt: accordingTo(blankOut(s.text, n.start, n.end), ctx),
				options: [keyText, ...distractors.map((d) => d.text)],
				answer: keyText,
				explanation: explanationOf(s, ctx),
				difficulty: 0.4,
				source: sourceOf(s)
			};
			out.push({ question, statement: s, key, score: value });
		}
		if (n.kind === 'fraction') continue;
		const digits = parseDigits(n.digits);
		const decimals = n.digits.includes('.') ? n.digits.split('.')[1].length : 0;
		const unit =
			n.kind === 'percent'
				? '%'
				: n.kind === 'year'
					? ''
					: [n.multiplier, n.unit].filter(Boolean).join(' ');
		const numeric: NumericQuestion = {
			id: stableId(slug, 'numeric', s.sentence.text, key),
			type: 'numeric',
			prompt: `Give the figure from the ${ctx.sourceWord} (${unitHint(n)}): ${blankOut(s.text, n.valueStart, n.end)}`,
			options: [],
			answer: digits,
			tolerance: decimals ? 10 ** -decimals / 2 : 0,
			unit,
			explanation: explanationOf(s, ctx),
			difficulty: 0.65,
			source: sourceOf(s)
		};
		out.push({ question: numeric, statement: s, key, score: numericValue(n) });
	}
	return out;
}
