/**
 * Hard gates: checks every question must pass. They re-read the prompt, options and source sentence
 * independently of how the question was made, so a generator bug shows up as a violation.
 */

import { BLANK } from './words';
import { QUOTE_PROMPT } from './candidates/quotes';
import { fragmentReason, leanReason, quoteOrTagReason } from './prompt-text';
import { isVariant } from './names';
import { claimInterval, findNumbers, intervalsOverlap, type NumberMention } from './numbers';
import type { MultipleChoiceQuestion, Question, TrueFalseQuestion } from '../types';
import { jaccard, tokens } from './words';

export type Gate =
	| 'one_correct'
	| 'variant_distractor'
	| 'true_distractor'
	| 'unsettled_true_false'
	| 'leans_on_previous'
	| 'quote_or_tag'
	| 'fragment'
	| 'duplicate'
	| 'key_spread'
	| 'true_false_balance';

export const GATES: Gate[] = [
	'one_correct',
	'variant_distractor',
	'true_distractor',
	'unsettled_true_false',
	'leans_on_previous',
	'quote_or_tag',
	'fragment',
	'duplicate',
	'key_spread',
	'true_false_balance'
];

export interface Violation {
	gate: Gate;
	id: string;
	detail: string;
}

const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor)\b|n't\b/i;
const REWRITE_WORDS = new Set(
	"true or false according to the speech text president president's is has does instructs the a an".split(
		' '
	)
);

function numberClaim(text: string): NumberMention | null {
	const found = findNumbers(`${text} of`);
	return found.length === 1 ? found[0] : null;
}

function sameNumber(a: NumberMention, b: NumberMention): boolean {
	return Math.abs(a.value - b.value) < 1e-9 && (a.unit === b.unit || a.kind === b.kind);
}

type Report = (gate: Gate, detail: string) => void;

/** Violations of one question, judged against its own source sentence. */
export function checkQuestion(q: Question): Violation[] {
	const out: Violation[] = [];
	const add: Report = (gate, detail) => out.push({ gate, id: q.id, detail });
	checkAnswerShape(q, add);
	if (q.type === 'multiple_choice') checkDistractors(q, add);
	if (q.type === 'true_false') checkTrueFalse(q, add);
	checkWording(q, add);
	return out;
}

/** one_correct: exactly one right answer, in the shape its type needs. */
function checkAnswerShape(q: Question, add: Report) {
	switch (q.type) {
		case 'multiple_choice': {
			const unique = new Set(q.options.map((o) => o.toLowerCase()));
			if (q.options.length !== 4) add('one_correct', `${q.options.length} options`);
			if (unique.size !== q.options.length) add('one_correct', 'repeated option');
			if (q.options.filter((o) => o === q.answer).length !== 1)
				add('one_correct', 'answer not exactly once');
			break;
		}
		case 'true_false':
			if (q.options.join() !== 'True,False' || typeof q.answer !== 'boolean')
				add('one_correct', 'bad true/false');
			break;
		case 'fill_blank':
			if (!q.answer.trim() || !q.prompt.includes(BLANK))
				add('one_correct', 'no answer or no blank');
			if (q.prompt.split(BLANK).length !== 2) add('one_correct', 'not exactly one blank');
			break;
		case 'numeric':
			if (!Number.isFinite(q.answer) || q.tolerance < 0) add('one_correct', 'bad number');
			if (q.prompt.split(BLANK).length !== 2) add('one_correct', 'not exactly one blank');
			break;
		case 'matching': {
			const lefts = new Set(q.pairs.map((p) => p[0]));
			const rights = new Set(q.pairs.map((p) => p[1]));
			if (q.pairs.length < 3 || q.pairs.length > 5) add('one_correct', `${q.pairs.length} pairs`);
			if (lefts.size !== q.pairs.length) add('one_correct', 'left item repeated');
			if (
				rights.size < 2 ||
				q.options.length !== rights.size ||
				!q.options.every((o) => rights.has(o))
			)
				add('one_correct', 'options are not the right-hand items');
			break;
		}
	}
}

/** variant_distractor and true_distractor: no wrong option restates the key or is also true. */
function checkDistractors(q: MultipleChoiceQuestion, add: Report) {
	const source = q.source.sentence;
	const keyNumber = numberClaim(q.answer);
	const sourceNumbers = findNumbers(source);
	for (const option of q.options) {
		if (option === q.answer) continue;
		const optionNumber = numberClaim(option);
		if (keyNumber && optionNumber) {
			if (sameNumber(keyNumber, optionNumber))
				add('variant_distractor', `"${option}" equals the key`);
			const keyClaim = claimInterval(keyNumber.value, keyNumber.hedge, keyNumber.kind);
			const claim = claimInterval(optionNumber.value, optionNumber.hedge, optionNumber.kind);
			if (intervalsOverlap(keyClaim, claim))
				add('true_distractor', `"${option}" is compatible with "${q.answer}"`);
			if (sourceNumbers.some((n) => sameNumber(n, optionNumber) && !sameNumber(n, keyNumber)))
				add('true_distractor', `"${option}" is stated in the same sentence`);
			continue;
		}
		if (!keyNumber && isVariant(option, q.answer))
			add('variant_distractor', `"${option}" ~ "${q.answer}"`);
		if (
			!keyNumber &&
			/^[A-Z]/.test(option) &&
			new RegExp(`\\b${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(source)
		)
			add('true_distractor', `"${option}" appears in the source sentence`);
	}
}

/** unsettled_true_false: true statements come from the sentence; false ones differ by one swap. */
function checkTrueFalse(q: TrueFalseQuestion, add: Report) {
	const statement = q.prompt.replace(/^True or false:\s*/, '');
	const sourceTokens = new Set(tokens(q.source.sentence));
	const stem = (t: string) => t.replace(/(?:'s|’s|es|s)$/, '');
	const sourceStems = new Set([...sourceTokens].map(stem));
	const extra = tokens(statement).filter(
		(t) => !sourceTokens.has(t) && !sourceStems.has(stem(t)) && !REWRITE_WORDS.has(t)
	);
	if (NEGATION.test(statement) && !NEGATION.test(q.source.sentence))
		add('unsettled_true_false', 'negation added');
	const newNames = extra.filter((t) => !/^\d/.test(t));
	const newNumbers = extra.filter((t) => /^\d/.test(t));
	if (q.answer === true && newNumbers.length)
		add('unsettled_true_false', `true statement changes ${newNumbers}`);
	if (q.answer === false && !extra.length)
		add('unsettled_true_false', 'false statement has no swapped item');
	if (q.answer === false && newNumbers.length) {
		const swapped = findNumbers(statement).filter(
			(n) => !findNumbers(q.source.sentence).some((m) => sameNumber(m, n))
		);
		for (const n of swapped)
			if (n.hedge) add('unsettled_true_false', `hedged figure swapped: ${n.text}`);
	}
	if (newNames.length > 6) add('unsettled_true_false', `too many new words: ${newNames.join(' ')}`);
}

/** leans_on_previous, quote_or_tag and fragment: every text reads on its own, whole. */
function checkWording(q: Question, add: Report) {
	const texts = [q.prompt, ...(q.type === 'matching' ? q.pairs.flat() : q.options)];
	if (q.type === 'multiple_choice' || q.type === 'fill_blank') texts.push(q.answer);
	const lean = leanReason(q.prompt);
	if (lean) add('leans_on_previous', lean);
	for (const t of texts) {
		if (QUOTE_PROMPT.test(t)) continue;
		const r = quoteOrTagReason(t);
		if (r) add('quote_or_tag', `${r}: ${t}`);
	}
	const fragment = fragmentReason(q.prompt);
	if (fragment) add('fragment', fragment);
	if (q.explanation.length < 10) add('fragment', 'no explanation');
	if (!q.source.sentence || q.source.sentenceIndex < 1) add('fragment', 'no source sentence');
}

function keyOf(q: Question): string {
	if (q.type === 'matching') return q.pairs.map((p) => p.join('=')).join('|');
	if (q.type === 'true_false') return 'tf';
	return String(q.answer).toLowerCase();
}

/** Violations across a lesson: duplicates and near-duplicates. */
export function checkLesson(questions: Question[]): Violation[] {
	const out: Violation[] = [];
	const seen = new Set<string>();
	const toks = questions.map((q) => tokens(q.prompt));
	questions.forEach((q, i) => {
		const key = `${q.source.sentence}\u0000${keyOf(q)}`;
		if (seen.has(key)) out.push({ gate: 'duplicate', id: q.id, detail: 'same sentence and key' });
		seen.add(key);
		for (let j = 0; j < i; j++) {
			const sim = jaccard(toks[i], toks[j]);
			if (sim > 0.8)
				out.push({
					gate: 'duplicate',
					id: q.id,
					detail: `near-duplicate of ${questions[j].id} (${sim.toFixed(2)})`
				});
		}
	});
	return out;
}

export interface BankReport {
	violations: Violation[];
	positions: number[];
	trueCount: number;
	falseCount: number;
}

/** All gates over a bank, including key spread and true/false balance. */
export function checkBank(bank: Record<string, Question[]>): BankReport {
	const violations: Violation[] = [];
	const ids = new Set<string>();
	const positions = [0, 0, 0, 0];
	let trueCount = 0;
	let falseCount = 0;
	for (const questions of Object.values(bank)) {
		for (const q of questions) {
			violations.push(...checkQuestion(q));
			if (ids.has(q.id)) violations.push({ gate: 'duplicate', id: q.id, detail: 'repeated id' });
			ids.add(q.id);
			if (q.type === 'multiple_choice') positions[q.options.indexOf(q.answer)]++;
			if (q.type === 'true_false') {
				if (q.answer) trueCount++;
				else falseCount++;
			}
		}
		violations.push(...checkLesson(questions));
	}
	const mc = positions.reduce((a, b) => a + b, 0);
	if (mc >= 8) {
		positions.forEach((n, i) => {
			const share = n / mc;
			if (share < 0.15 || share > 0.35)
				violations.push({
					gate: 'key_spread',
					id: '*',
					detail: `position ${'ABCD'[i]} has ${(share * 100).toFixed(0)}%`
				});
		});
	}
	const tf = trueCount + falseCount;
	if (tf >= 6) {
		const share = trueCount / tf;
		if (share < 0.35 || share > 0.65)
			violations.push({
				gate: 'true_false_balance',
				id: '*',
				detail: `${(share * 100).toFixed(0)}% true`
			});
	}
	return { violations, positions, trueCount, falseCount };
}
