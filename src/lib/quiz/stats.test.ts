import { describe, expect, it } from 'vitest';
import {
	commonWrongAnswers,
	discriminationIndex,
	questionStats,
	sentencePerformance,
	type AnswerRecord
} from './stats';
import type { Question } from './types';

const source = (i: number) => ({ paragraph: 0, sentence: `S${i}.`, sentenceIndex: i });
const base = { prompt: 'P?', explanation: '', difficulty: 0.5 };

const mc: Question = {
	...base,
	id: 'mc',
	type: 'multiple_choice',
	options: ['Temirtau', 'Karaganda', 'Balkhash', 'Satpayev'],
	answer: 'Temirtau',
	source: source(2)
};
const tf: Question = {
	...base,
	id: 'tf',
	type: 'true_false',
	options: ['True', 'False'],
	answer: true,
	source: source(2)
};
const fill: Question = {
	...base,
	id: 'fill',
	type: 'fill_blank',
	options: [],
	answer: 'Abai',
	accept: [],
	source: source(5)
};
const unused: Question = { ...fill, id: 'unused', source: source(9) };

/**
 * 20 attempts, scores 0.95, 0.90 … 0.00 (attempt 1 best). On `mc`, the top 10 attempts answer
 * Temirtau (correct); the bottom 10 answer Karaganda ×6, Balkhash ×4 — Satpayev is never chosen.
 */
const attempts = Array.from({ length: 20 }, (_, i) => ({ id: `a${i + 1}`, score: (19 - i) / 20 }));
const mcPick = (i: number) => (i < 10 ? 'Temirtau' : i < 16 ? 'Karaganda' : 'Balkhash');
const answers: AnswerRecord[] = attempts.flatMap((a, i) => [
	{
		attemptId: a.id,
		studentId: `s${i}`,
		questionId: 'mc',
		correct: mcPick(i) === 'Temirtau',
		response: mcPick(i),
		attemptScore: a.score
	},
	// tf: everyone says True except every fourth attempt — no link to ability in the middle.
	{
		attemptId: a.id,
		studentId: `s${i}`,
		questionId: 'tf',
		correct: i % 4 !== 0,
		response: i % 4 !== 0 ? 'True' : 'false',
		attemptScore: a.score
	}
]);
// Three attempts also typed the fill-in answer: two right.
answers.push(
	{
		attemptId: 'a1',
		studentId: 's0',
		questionId: 'fill',
		correct: true,
		response: 'Abai',
		attemptScore: 0.95
	},
	{
		attemptId: 'a2',
		studentId: 's1',
		questionId: 'fill',
		correct: true,
		response: 'abai',
		attemptScore: 0.9
	},
	{
		attemptId: 'a3',
		studentId: 's2',
		questionId: 'fill',
		correct: false,
		response: 'Abay',
		attemptScore: 0.85
	},
	// A duplicate record of the same attempt and question is ignored.
	{
		attemptId: 'a3',
		studentId: 's2',
		questionId: 'fill',
		correct: true,
		response: 'Abai',
		attemptScore: 0.85
	}
);

describe('questionStats', () => {
	const [m, t, f, u] = questionStats([mc, tf, fill, unused], answers);

	it('computes facility', () => {
		expect(m).toMatchObject({
			questionId: 'mc',
			type: 'multiple_choice',
			answered: 20,
			correct: 10,
			facility: 0.5
		});
		expect(t.facility).toBe(15 / 20);
		expect(f).toMatchObject({ answered: 3, correct: 2 });
		expect(f.facility).toBeCloseTo(2 / 3);
		expect(u).toMatchObject({ answered: 0, correct: 0, facility: null, discrimination: null });
	});

	it('computes upper-minus-lower discrimination', () => {
		// k = round(20 × 0.27) = 5: the top 5 are all right, the bottom 5 all wrong.
		expect(m.discrimination).toBe(1);
		// tf wrong at i = 0, 4, 8, 12, 16: upper (i 0-4) 3/5 right, lower (i 15-19) 4/5 right.
		expect(t.discrimination).toBeCloseTo(3 / 5 - 4 / 5);
		// Fewer than 4 answering attempts: no index.
		expect(f.discrimination).toBeNull();
	});

	it('counts option picks with shares and flags rarely chosen distractors', () => {
		expect(m.options).toEqual([
			{ option: 'Temirtau', count: 10, share: 0.5, isKey: true },
			{ option: 'Karaganda', count: 6, share: 0.3, isKey: false },
			{ option: 'Balkhash', count: 4, share: 0.2, isKey: false },
			{ option: 'Satpayev', count: 0, share: 0, isKey: false }
		]);
		expect(m.rarelyChosen).toEqual(['Satpayev']);
		expect(t.options).toEqual([
			{ option: 'True', count: 15, share: 0.75, isKey: true },
			{ option: 'False', count: 5, share: 0.25, isKey: false }
		]);
		expect(t.rarelyChosen).toEqual([]);
		expect(f.options).toEqual([]);
	});

	it('does not judge distractors on too few answers', () => {
		const few = answers.filter((a) => a.questionId === 'mc').slice(0, 9);
		expect(questionStats([mc], few)[0].rarelyChosen).toEqual([]);
	});
});

describe('discriminationIndex', () => {
	const rec = (score: number, correct: boolean, id: string): AnswerRecord => ({
		attemptId: id,
		studentId: id,
		questionId: 'q',
		correct,
		response: '',
		attemptScore: score
	});

	it('is negative when weaker attempts do better', () => {
		const data = [
			rec(1, false, 'a'),
			rec(0.8, false, 'b'),
			rec(0.3, true, 'c'),
			rec(0.1, true, 'd')
		];
		expect(discriminationIndex(data)).toBe(-1);
		expect(discriminationIndex(data.slice(0, 3))).toBeNull();
	});
});

describe('sentencePerformance', () => {
	it('aggregates the questions of each source sentence', () => {
		expect(sentencePerformance([fill, mc, tf, unused], answers)).toEqual([
			{ sentenceIndex: 2, questions: 2, answered: 40, correct: 25, share: 25 / 40 },
			{ sentenceIndex: 5, questions: 1, answered: 3, correct: 2, share: 2 / 3 },
			{ sentenceIndex: 9, questions: 1, answered: 0, correct: 0, share: null }
		]);
	});
});

describe('commonWrongAnswers', () => {
	const typed = (response: string, correct = false, i = 0): AnswerRecord => ({
		attemptId: `w${response}${i}`,
		studentId: 's',
		questionId: 'fill',
		correct,
		response,
		attemptScore: 0.5
	});

	it('lists the three most common wrong answers with their counts, most common first', () => {
		const records = [
			...['Abay', 'abay ', 'ABAY', 'Kunanbaev', 'Kunanbaev', 'Auezov', 'Shakarim', 'Shakarim'].map(
				(r, i) => typed(r, false, i)
			),
			typed('Abai', true, 99),
			typed('Abai', true, 98)
		];
		expect(commonWrongAnswers(records)).toEqual([
			{ answer: 'Abay', count: 3 },
			{ answer: 'Kunanbaev', count: 2 },
			{ answer: 'Shakarim', count: 2 }
		]);
	});

	it('is part of a fill-in’s statistics and of no multiple-choice one', () => {
		const [m, , f] = questionStats([mc, tf, fill], answers);
		expect(f.wrongAnswers).toEqual([{ answer: 'Abay', count: 1 }]);
		expect(m.wrongAnswers).toEqual([]);
	});
});
