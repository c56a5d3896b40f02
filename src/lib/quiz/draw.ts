/** Drawing a quiz from a question bank: deterministic for a seed, types spread evenly. */
import { createRng, shuffle, type Rng } from './random';
import type { Question, QuestionType } from './types';

export interface DrawOptions {
	/** Restrict the draw to these question ids (e.g. retrying the missed ones). */
	only?: string[];
}

/**
 * Pick `count` questions (all when the bank is smaller), taking the question types in turn so that
 * no type dominates while others are available and preferring source sentences not used yet, then
 * shuffle the quiz order and each question's
 * options. The same bank, count and seed always give the same quiz. Returns deep copies.
 */
export function drawQuiz(
	bank: readonly Question[],
	count: number,
	seed: string,
	opts: DrawOptions = {}
): Question[] {
	const rng = createRng(`draw:${seed}`);
	const only = opts.only ? new Set(opts.only) : null;
	const pool = bank.filter((q) => !only || only.has(q.id));
	const want = Math.max(0, Math.min(pool.length, Math.floor(Number.isFinite(count) ? count : 0)));

	const byType = new Map<QuestionType, Question[]>();
	for (const q of pool) {
		const list = byType.get(q.type) ?? [];
		list.push(q);
		byType.set(q.type, list);
	}
	const queues = shuffle([...byType.keys()].sort(), rng).map((t) => shuffle(byType.get(t)!, rng));

	const picked: Question[] = [];
	const usedSentences = new Set<number>();
	while (picked.length < want) {
		for (const queue of queues) {
			if (!queue.length || picked.length >= want) continue;
			// Prefer a sentence not asked about yet: two questions on one sentence give each other away.
			const fresh = queue.findIndex((q) => !usedSentences.has(sentenceOf(q)));
			const [q] = queue.splice(Math.max(0, fresh), 1);
			usedSentences.add(sentenceOf(q));
			picked.push(q);
		}
	}
	return shuffle(picked, rng).map((q) => shuffleOptions(q, createRng(`options:${seed}:${q.id}`)));
}

function sentenceOf(q: Question): number {
	return q.source?.sentenceIndex ?? -1;
}

/** A deep copy of the question with its options in a random order (true/false stays True, False). */
export function shuffleOptions(q: Question, rng: Rng): Question {
	const copy = cloneQuestion(q);
	if (copy.type === 'multiple_choice' || copy.type === 'matching') {
		copy.options = shuffle(copy.options, rng);
	}
	return copy;
}

/** Deep copy of a question (plain JSON data). */
export function cloneQuestion<Q extends Question>(q: Q): Q {
	return structuredClone(q);
}
