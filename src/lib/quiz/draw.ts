/** Drawing a quiz from a question bank: deterministic for a seed, types spread evenly. */
import { giveEachOtherAway } from './overlap';
import { createRng, shuffle, type Rng } from './random';
import type { Question, QuestionType } from './types';

export interface DrawOptions {
	/** Restrict the draw to these question ids (e.g. retrying the missed ones). */
	only?: string[];
}

/**
 * Pick up to `count` questions, taking the question types in turn so that no type dominates while
 * others are available and never two questions that give each other away, then shuffle the quiz
 * order and each question's options. The same bank, count and seed always give the same quiz.
 * Returns deep copies.
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

	// Two questions on one sentence or one key, or one naming the other's key, give each other
	// away or ask the same fact twice (overlap.ts): a quiz asks each once, even if that makes it
	// shorter than asked. A retry asks exactly what it was given.
	const picked: Question[] = [];
	let progress = true;
	while (picked.length < want && progress) {
		progress = false;
		for (const queue of queues) {
			if (!queue.length || picked.length >= want) continue;
			const index = only ? 0 : queue.findIndex((q) => !picked.some((p) => giveEachOtherAway(p, q)));
			if (index < 0) continue;
			const [q] = queue.splice(index, 1);
			picked.push(q);
			progress = true;
		}
	}
	return shuffle(picked, rng).map((q) => shuffleOptions(q, createRng(`options:${seed}:${q.id}`)));
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
