import { describe, expect, it } from 'vitest';
import { drawQuiz } from './draw';
import { toPublicQuestion } from './public';
import { createRng, hashString, shuffle } from './random';
import type { Question, QuestionType } from './types';

const source = (i: number) => ({ paragraph: 0, sentence: `Sentence ${i}.`, sentenceIndex: i });

function makeQuestion(type: QuestionType, i: number, sentence = i): Question {
	const base = {
		id: `${type}-${i}`,
		prompt: `Prompt ${i}?`,
		explanation: 'E',
		difficulty: 0.5,
		source: source(sentence)
	};
	switch (type) {
		case 'multiple_choice':
			return { ...base, type, options: ['A1', 'B2', 'C3', 'D4'], answer: 'C3' };
		case 'true_false':
			return { ...base, type, options: ['True', 'False'], answer: true };
		case 'fill_blank':
			// Each question its own key: two with one key are never drawn together (overlap.ts).
			return { ...base, type, options: [], answer: `Ermekov ${i}`, accept: [`Yermekov ${i}`] };
		case 'numeric':
			return { ...base, type, options: [], answer: 1932 + i, tolerance: 0, unit: 'year' };
		case 'matching':
			return {
				...base,
				type,
				options: ['r1', 'r2', 'r3', 'r4'],
				pairs: [
					['l1', 'r1'],
					['l2', 'r2'],
					['l3', 'r3'],
					['l4', 'r4']
				]
			};
	}
}

const types: QuestionType[] = [
	'multiple_choice',
	'true_false',
	'fill_blank',
	'numeric',
	'matching'
];
// A lopsided bank: 30 multiple choice, 3 of every other type.
// Every question on a sentence of its own.
const bank: Question[] = [
	...Array.from({ length: 30 }, (_, i) => makeQuestion('multiple_choice', i)),
	...types.slice(1).flatMap((t, k) => [0, 1, 2].map((i) => makeQuestion(t, i, 100 * (k + 1) + i)))
];

describe('random', () => {
	it('is deterministic per seed and varies across seeds', () => {
		const a = createRng('x');
		const b = createRng('x');
		const seqA = [a(), a(), a()];
		expect([b(), b(), b()]).toEqual(seqA);
		expect(createRng('y')()).not.toBe(seqA[0]);
		expect(seqA.every((v) => v >= 0 && v < 1)).toBe(true);
		// Pinned: a change of hash would move every stored quiz's draw.
		expect(hashString('abc')).toBe(482950588);
	});

	it('shuffles a copy with every permutation reachable', () => {
		const input = [1, 2, 3];
		const seen = new Set<string>();
		const rng = createRng('perm');
		for (let i = 0; i < 200; i++) seen.add(shuffle(input, rng).join(''));
		expect(seen.size).toBe(6);
		expect(input).toEqual([1, 2, 3]);
	});
});

describe('drawQuiz', () => {
	it('is deterministic for a seed and differs between seeds', () => {
		const a = drawQuiz(bank, 10, 'seed-1');
		expect(drawQuiz(bank, 10, 'seed-1')).toEqual(a);
		expect(drawQuiz(bank, 10, 'seed-2').map((q) => q.id)).not.toEqual(a.map((q) => q.id));
	});

	it('draws count distinct questions, or all when the bank is smaller', () => {
		const ten = drawQuiz(bank, 10, 's');
		expect(ten).toHaveLength(10);
		expect(new Set(ten.map((q) => q.id)).size).toBe(10);
		expect(drawQuiz(bank, 500, 's')).toHaveLength(bank.length);
		expect(drawQuiz(bank, 0, 's')).toEqual([]);
		expect(drawQuiz([], 5, 's')).toEqual([]);
	});

	it('spreads question types instead of letting one dominate', () => {
		for (const seed of ['a', 'b', 'c', 'd']) {
			const quiz = drawQuiz(bank, 10, seed);
			const counts = new Map<string, number>();
			for (const q of quiz) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
			for (const t of types) expect(counts.get(t), `${seed} ${t}`).toBe(2);
		}
		const fifteen = drawQuiz(bank, 15, 'e');
		expect(fifteen.filter((q) => q.type === 'multiple_choice')).toHaveLength(3);
		const twenty = drawQuiz(bank, 20, 'e');
		expect(twenty.filter((q) => q.type === 'multiple_choice')).toHaveLength(8);
	});

	it('asks about each source sentence once, so a question never gives another away', () => {
		// Every sentence 0..9 has one question of each type.
		const twins = types.flatMap((t) => Array.from({ length: 10 }, (_, i) => makeQuestion(t, i)));
		for (const seed of ['a', 'b', 'c']) {
			const quiz = drawQuiz(twins, 10, seed);
			expect(new Set(quiz.map((q) => q.source.sentenceIndex)).size, seed).toBe(10);
			expect(new Set(quiz.map((q) => q.type)).size).toBe(5);
		}
		// More questions asked for than there are sentences: the quiz is shorter, one per sentence.
		const long = drawQuiz(twins, 50, 'a');
		expect(long).toHaveLength(10);
		expect(new Set(long.map((q) => q.source.sentenceIndex)).size).toBe(10);
		// A retry asks every question it is given, even two on one sentence.
		const retry = drawQuiz(twins, 50, 'a', { only: ['numeric-3', 'fill_blank-3'] });
		expect(retry).toHaveLength(2);
	});

	it('never pairs two questions on one sentence when one shows the other’s key', () => {
		const sentence = {
			paragraph: 0,
			sentence: 'Karaganda produces 85% of steel.',
			sentenceIndex: 1
		};
		const blank: Question = {
			id: 'f',
			type: 'fill_blank',
			prompt: 'Karaganda produces 85% of _____.',
			options: [],
			answer: 'steel',
			accept: [],
			explanation: '',
			difficulty: 0.5,
			source: sentence
		};
		const choice: Question = {
			id: 'm',
			type: 'multiple_choice',
			prompt: 'Which region produces 85% of steel?',
			options: ['Karaganda', 'Pavlodar', 'Kostanay', 'Atyrau'],
			answer: 'Karaganda',
			explanation: '',
			difficulty: 0.5,
			source: sentence
		};
		for (const seed of ['a', 'b', 'c', 'd'])
			expect(drawQuiz([blank, choice], 2, seed)).toHaveLength(1);
	});

	it('restricts to the given ids', () => {
		const only = ['numeric-1', 'multiple_choice-7', 'missing-id'];
		const quiz = drawQuiz(bank, 10, 's', { only });
		expect(quiz.map((q) => q.id).sort()).toEqual(['multiple_choice-7', 'numeric-1']);
		expect(drawQuiz(bank, 10, 's', { only: [] })).toEqual([]);
	});

	it('shuffles options but keeps the same set, and never mutates the bank', () => {
		const snapshot = JSON.stringify(bank);
		const quiz = drawQuiz(bank, bank.length, 'opts');
		expect(JSON.stringify(bank)).toBe(snapshot);
		let moved = 0;
		for (const q of quiz) {
			const original = bank.find((b) => b.id === q.id)!;
			expect(q).not.toBe(original);
			expect([...q.options].sort()).toEqual([...original.options].sort());
			if (q.type === 'true_false') expect(q.options).toEqual(['True', 'False']);
			if (q.type === 'multiple_choice') expect(q.options).toContain(q.answer);
			if (q.type === 'matching') expect(q.pairs).toEqual((original as typeof q).pairs);
			if (q.options.join() !== original.options.join()) moved++;
		}
		expect(moved).toBeGreaterThan(20);
		(quiz[0].options as string[]).push('mutated');
		expect(JSON.stringify(bank)).toBe(snapshot);
	});
});

describe('toPublicQuestion', () => {
	const secretFields = [
		'answer',
		'accept',
		'pairs',
		'tolerance',
		'explanation',
		'difficulty',
		'source',
		'sentence'
	];

	it.each(types)('reveals nothing of the key for %s', (type) => {
		const q = makeQuestion(type, 1);
		const view = toPublicQuestion(q);
		const json = JSON.stringify(view);
		for (const field of secretFields) expect(json).not.toContain(`"${field}"`);
		expect(json).not.toContain('Sentence 1');
		expect(view).toMatchObject({ id: q.id, type, prompt: q.prompt });
		if (q.type === 'fill_blank') {
			expect(json).not.toContain(q.answer);
			for (const variant of q.accept) expect(json).not.toContain(variant);
		}
		if (q.type === 'numeric') {
			expect(json).not.toContain(String(q.answer));
			expect(view.unit).toBe('year');
		}
		if (q.type === 'true_false') {
			expect(view.options).toEqual(['True', 'False']);
			expect(json).not.toMatch(/:\s*(true|false)\b/);
		}
	});

	it('lists matching left items in order with the shuffled right items', () => {
		const [q] = drawQuiz([makeQuestion('matching', 1)], 1, 'm');
		const view = toPublicQuestion(q);
		expect(view.left).toEqual(['l1', 'l2', 'l3', 'l4']);
		expect(view.options).toEqual(q.options);
		expect(view.options).not.toEqual(['r1', 'r2', 'r3', 'r4']);
	});
});
