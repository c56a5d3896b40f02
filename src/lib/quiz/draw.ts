/** Drawing a quiz from a question bank: deterministic for a seed, types spread evenly. */
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

	// Two questions on one sentence usually give each other away: the first pass asks about each
	// sentence once; a second pass may add a second question on a sentence only when neither
	// question's key shows in the other's prompt. A retry asks exactly what it was given.
	const picked: Question[] = [];
	const usedSentences = new Set<number>();
	for (const pass of only ? ['any'] : ['fresh', 'safe']) {
		let progress = true;
		while (picked.length < want && progress) {
			progress = false;
			for (const queue of queues) {
				if (!queue.length || picked.length >= want) continue;
				const index = queue.findIndex((q) =>
					pass === 'fresh'
						? !usedSentences.has(sentenceOf(q))
						: pass === 'any' || picked.every((p) => !revealsOther(p, q))
				);
				if (index < 0) continue;
				const [q] = queue.splice(index, 1);
				usedSentences.add(sentenceOf(q));
				picked.push(q);
				progress = true;
			}
		}
	}
	return shuffle(picked, rng).map((q) => shuffleOptions(q, createRng(`options:${seed}:${q.id}`)));
}

/** Could one of two questions be answered from the other's prompt? */
function revealsOther(a: Question, b: Question): boolean {
	if (sentenceOf(a) !== sentenceOf(b)) return false;
	const guarded = (q: Question) =>
		q.type === 'true_false' || q.type === 'numeric' || q.type === 'matching';
	if (guarded(a) || guarded(b)) return true;
	const shows = (key: Question, other: Question) =>
		keyTexts(key).some((k) => k && other.prompt.toLowerCase().includes(k.toLowerCase()));
	return shows(a, b) || shows(b, a);
}

function keyTexts(q: Question): string[] {
	if (q.type === 'multiple_choice') return [q.answer];
	if (q.type === 'fill_blank') return [q.answer, ...q.accept];
	return [];
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
