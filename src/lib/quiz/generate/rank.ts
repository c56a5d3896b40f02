/** Scores candidates and keeps the best varied, non-duplicate set for a lesson. */

import type { Candidate } from './candidate';
import { checkQuestion } from './gates';
import type { AnalysedStatement } from './analyse';
import type { Question } from '../types';
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

interface Scored {
	c: Candidate;
	score: number;
}

/** Greedy selection: best score first, discounted for repeated types and sentences. */
export function selectForLesson(candidates: Candidate[], lesson: AnalysedStatement[]): Candidate[] {
	const central = centrality(lesson);
	const base: Scored[] = candidates.map((c) => ({
		c,
		score:
			0.55 * c.score +
			0.35 * (central.get(c.statement) ?? 0) +
			0.1 * (1 - c.statement.order / Math.max(1, lesson.length))
	}));
	base.sort((a, b) => b.score - a.score || (a.c.question.id < b.c.question.id ? -1 : 1));
	const target = Math.min(MAX_PER_LESSON, Math.max(12, Math.round(lesson.length * 1.8)));
	// A second pass lets blanks past their share only to reach a minimum lesson size.
	const floor = Math.min(target, Math.max(MIN_PER_LESSON, Math.round(lesson.length * 1.8)));
	const selection = new LessonSelection(target, lesson.length);
	const remaining = base.slice();
	const skipped: Scored[] = [];
	for (let pass = 0; pass < 2; pass++) {
		if (pass === 1) {
			if (selection.chosen.length >= floor) break;
			selection.fillCap = Infinity;
			remaining.push(...skipped);
		}
		while (selection.chosen.length < (pass === 0 ? target : floor) && remaining.length) {
			const [item] = remaining.splice(selection.bestOf(remaining), 1);
			const verdict = selection.verdict(item.c);
			if (verdict === 'later') skipped.push(item);
			else if (verdict === 'take') selection.add(item.c);
		}
	}
	// Reading order: by source sentence, then type.
	return selection.chosen.sort(
		(a, b) => a.statement.order - b.statement.order || (a.question.id < b.question.id ? -1 : 1)
	);
}

/** The questions chosen for a lesson so far, and the limits the next one must keep. */
class LessonSelection {
	readonly chosen: Candidate[] = [];
	/** Blanks allowed: a share of the lesson in the first pass, any number in the second. */
	fillCap: number;
	private readonly typeCount = new Map<string, number>();
	private readonly sentenceCount = new Map<AnalysedStatement, number>();
	private readonly usedKeys = new Set<string>();
	private trueOnly = 0;
	private falseable = 0;

	constructor(
		private readonly target: number,
		private readonly lessonLength: number
	) {
		this.fillCap = Math.max(2, Math.floor(target * MAX_FILL_SHARE));
	}

	/** Index of the best candidate once repeated types and sentences are discounted. */
	bestOf(remaining: Scored[]): number {
		let bestIndex = -1;
		let bestScore = -Infinity;
		for (let i = 0; i < remaining.length; i++) {
			const { c, score } = remaining[i];
			const t = c.question.type;
			const effective =
				score *
				(TYPE_WEIGHT[t] ?? 1) *
				0.9 ** (this.typeCount.get(t) ?? 0) *
				SENTENCE_REPEAT ** (this.sentenceCount.get(c.statement) ?? 0);
			if (effective > bestScore) {
				bestScore = effective;
				bestIndex = i;
			}
		}
		return bestIndex;
	}

	/** 'take' it, 'refuse' it, or keep it for 'later' (a blank past the blanks' share). */
	verdict(c: Candidate): 'take' | 'refuse' | 'later' {
		if (this.usedKeys.has(keyIdOf(c))) return 'refuse';
		// Two questions at most on one sentence: a bank that asks one fact four times teaches little.
		if ((this.sentenceCount.get(c.statement) ?? 0) >= 2) return 'refuse';
		const t = c.question.type;
		const ofType = this.typeCount.get(t) ?? 0;
		if (t === 'true_false' && ofType >= Math.max(5, Math.ceil(this.target * 0.45))) return 'refuse';
		// Blanks stay a minority: names, figures and key terms, at most about 30% of a lesson.
		if (t === 'fill_blank' && ofType >= this.fillCap) return 'later';
		if (
			t === 'true_false' &&
			!c.falseVersion &&
			this.trueOnly >= this.falseable + 4 + Math.max(0, 8 - this.lessonLength)
		)
			return 'refuse';
		if (
			checkQuestion(c.question).length ||
			(c.falseVersion && checkQuestion(c.falseVersion).length)
		)
			return 'refuse';
		if (tooSimilar(c, this.chosen)) return 'refuse';
		return 'take';
	}

	add(c: Candidate) {
		const t = c.question.type;
		this.chosen.push(c);
		if (t === 'true_false') {
			if (c.falseVersion) this.falseable++;
			else this.trueOnly++;
		}
		this.usedKeys.add(keyIdOf(c));
		this.typeCount.set(t, (this.typeCount.get(t) ?? 0) + 1);
		// A matching question spans several sentences: it does not use up its first one.
		if (t !== 'matching')
			this.sentenceCount.set(c.statement, (this.sentenceCount.get(c.statement) ?? 0) + 1);
	}
}

/** One key per sentence: two questions asking for the same word of one sentence are one. */
const keyIdOf = (c: Candidate) => `${c.statement.sentence.text}\u0000${c.key}`;
