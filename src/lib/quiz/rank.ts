/** Scores candidates and keeps the best varied, non-duplicate set for a lesson. */

import type { Candidate } from './candidate';
import { checkQuestion } from './gates';
import type { AnalysedStatement } from './registry';
import type { Question } from './types';
import { contentWords, jaccard, tokens } from './words';

export const MAX_PER_LESSON = 25;
export const MIN_PER_LESSON = 8;
export const NEAR_DUPLICATE = 0.8;
/**
 * Quizzes draw one question per source sentence, so a question on a new sentence is worth more than
 * a second one on a covered sentence: each further question on a sentence keeps this share of its score.
 */
export const SENTENCE_REPEAT = 0.4;
export const MAX_FILL_SHARE = 0.3;
/** Mix: choices from names and figures first, then figures to type in, blanks last. */
const TYPE_WEIGHT: Record<string, number> = {
	multiple_choice: 1.1,
	matching: 1.1,
	numeric: 1.05,
	true_false: 1,
	fill_blank: 0.85
};

/** How central each statement is to its lesson: mean lesson frequency of its content words. */
export function centrality(lesson: AnalysedStatement[]): Map<AnalysedStatement, number> {
	const freq = new Map<string, number>();
	for (const s of lesson) for (const w of s.words) freq.set(w, (freq.get(w) ?? 0) + 1);
	const raw = new Map<AnalysedStatement, number>();
	for (const s of lesson) {
		const words = contentWords(s.text);
		const sum = words.reduce((acc, w) => acc + (freq.get(w) ?? 1) - 1, 0);
		raw.set(s, words.length ? sum / Math.sqrt(words.length) : 0);
	}
	const max = Math.max(1e-9, ...raw.values());
	const out = new Map<AnalysedStatement, number>();
	for (const [s, v] of raw) out.set(s, v / max);
	return out;
}

const tokenCache = new WeakMap<Question, string[]>();

export function promptTokens(q: Question): string[] {
	let t = tokenCache.get(q);
	if (!t) {
		t = tokens(q.prompt);
		tokenCache.set(q, t);
	}
	return t;
}

function tooSimilar(a: Candidate, chosen: Candidate[]): boolean {
	const versions = [a.question, ...(a.falseVersion ? [a.falseVersion] : [])].map(promptTokens);
	for (const c of chosen) {
		const others = [c.question, ...(c.falseVersion ? [c.falseVersion] : [])].map(promptTokens);
		for (const v of versions)
			for (const o of others) if (jaccard(v, o) > NEAR_DUPLICATE) return true;
	}
	return false;
}

/** Greedy selection: best score first, discounted for repeated types and sentences. */
export function selectForLesson(candidates: Candidate[], lesson: AnalysedStatement[]): Candidate[] {
	const central = centrality(lesson);
	const base = candidates.map((c) => ({
		c,
		score:
			0.55 * c.score +
			0.35 * (central.get(c.statement) ?? 0) +
			0.1 * (1 - c.statement.order / Math.max(1, lesson.length))
	}));
	base.sort((a, b) => b.score - a.score || (a.c.question.id < b.c.question.id ? -1 : 1));
	const target = Math.min(MAX_PER_LESSON, Math.max(12, Math.round(lesson.length * 1.8)));
	const chosen: Candidate[] = [];
	const typeCount = new Map<string, number>();
	const sentenceCount = new Map<AnalysedStatement, number>();
	const usedKeys = new Set<string>();
	let trueOnly = 0;
	let falseable = 0;
	const remaining = base.slice();
	// A second pass lets blanks past their share only to reach a minimum lesson size.
	const floor = Math.min(target, Math.max(MIN_PER_LESSON, Math.round(lesson.length * 1.8)));
	let fillCap = Math.max(2, Math.floor(target * MAX_FILL_SHARE));
	const skipped: typeof base = [];
	for (let pass = 0; pass < 2; pass++) {
		if (pass === 1) {
			if (chosen.length >= floor) break;
			fillCap = Infinity;
			remaining.push(...skipped);
		}
		while (chosen.length < (pass === 0 ? target : floor) && remaining.length) {
			let bestIndex = -1;
			let bestScore = -Infinity;
			for (let i = 0; i < remaining.length; i++) {
				const { c, score } = remaining[i];
				const t = c.question.type;
				const effective =
					score *
					(TYPE_WEIGHT[t] ?? 1) *
					0.9 ** (typeCount.get(t) ?? 0) *
					SENTENCE_REPEAT ** (sentenceCount.get(c.statement) ?? 0);
				if (effective > bestScore) {
					bestScore = effective;
					bestIndex = i;
				}
			}
			const [item] = remaining.splice(bestIndex, 1);
			const { c } = item;
			const keyId = `${c.statement.sentence.text}\u0000${c.key}`;
			if (usedKeys.has(keyId)) continue;
			if ((sentenceCount.get(c.statement) ?? 0) >= 3) continue;
			const t = c.question.type;
			if (t === 'true_false' && (typeCount.get(t) ?? 0) >= Math.max(5, Math.ceil(target * 0.45)))
				continue;
			// Blanks stay a minority: names, figures and key terms, at most about 30% of a lesson.
			if (t === 'fill_blank' && (typeCount.get(t) ?? 0) >= fillCap) {
				skipped.push(item);
				continue;
			}
			if (
				t === 'true_false' &&
				!c.falseVersion &&
				trueOnly >= falseable + 4 + Math.max(0, 8 - lesson.length)
			)
				continue;
			if (
				checkQuestion(c.question).length ||
				(c.falseVersion && checkQuestion(c.falseVersion).length)
			)
				continue;
			if (tooSimilar(c, chosen)) continue;
			chosen.push(c);
			if (t === 'true_false') {
				if (c.falseVersion) falseable++;
				else trueOnly++;
			}
			usedKeys.add(keyId);
			typeCount.set(c.question.type, (typeCount.get(c.question.type) ?? 0) + 1);
			// A matching question spans several sentences: it does not use up its first one.
			if (t !== 'matching')
				sentenceCount.set(c.statement, (sentenceCount.get(c.statement) ?? 0) + 1);
		}
	}
	// Reading order: by source sentence, then type.
	return chosen.sort(
		(a, b) => a.statement.order - b.statement.order || (a.question.id < b.question.id ? -1 : 1)
	);
}
