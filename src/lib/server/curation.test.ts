import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './db/test-db';
import { attemptQuestions, questions, questionVersions } from './db/schema';
import {
	addManualQuestion,
	draftToQuestion,
	getBankEntry,
	listBank,
	questionFormSchema,
	questionToFields,
	saveQuestionEdit,
	setQuestionEnabled,
	shortPrompt,
	sourceFor
} from './curation';
import { startAttempt } from './attempts';
import { addLesson, addUser } from './teacher-test-helpers';
import type { Question } from '$lib/quiz/types';

const parse = (input: Record<string, string>) => v.safeParse(questionFormSchema, input);
const message = (input: Record<string, string>) => parse(input).issues?.[0].message;
const mc = { type: 'multiple_choice', prompt: 'Which city is the capital?' };

describe('question form', () => {
	it('builds a multiple-choice question from the filled options', () => {
		const r = parse({
			...mc,
			'option-0': 'Astana',
			'option-1': '',
			'option-2': 'Almaty',
			correct: '2'
		});
		expect(r.success && r.output).toMatchObject({
			options: ['Astana', 'Almaty'],
			answer: 'Almaty'
		});
	});

	it('rejects bad multiple-choice questions with a clear message', () => {
		expect(message({ ...mc, 'option-0': 'Astana', correct: '0' })).toBe(
			'Give at least two options.'
		);
		expect(message({ ...mc, 'option-0': 'Astana', 'option-1': 'astana', correct: '0' })).toMatch(
			/different/
		);
		expect(message({ ...mc, 'option-0': 'Astana', 'option-1': 'Almaty' })).toMatch(
			/Mark which option/
		);
		expect(message({ ...mc, 'option-0': 'Astana', 'option-1': 'Almaty', correct: '3' })).toMatch(
			/Mark which/
		);
		expect(
			message({ ...mc, prompt: 'Hm', 'option-0': 'A', 'option-1': 'B', correct: '0' })
		).toMatch(/at least 5/);
	});

	it('reads true/false, fill-in, numeric and matching answers', () => {
		const base = { prompt: 'A statement to judge.' };
		expect(parse({ ...base, type: 'true_false', answer: 'false' }).output).toMatchObject({
			answer: false
		});
		expect(message({ ...base, type: 'true_false' })).toMatch(/true or false/);
		expect(
			parse({
				...base,
				type: 'fill_blank',
				answer: 'Bukeikhan',
				accept: 'Bokeykhan\n\nbukeikhan\nBokeykhan'
			}).output
		).toMatchObject({ answer: 'Bukeikhan', accept: ['Bokeykhan'] });
		expect(
			parse({ ...base, type: 'numeric', answer: '4,200', tolerance: '', unit: 'people' }).output
		).toMatchObject({
			answer: 4200,
			tolerance: 0,
			unit: 'people'
		});
		expect(message({ ...base, type: 'numeric', answer: 'many' })).toMatch(/must be a number/);
		expect(message({ ...base, type: 'numeric', answer: '1e999' })).toMatch(/too large/);
		expect(message({ ...base, type: 'numeric', answer: '3', tolerance: '1e400' })).toMatch(
			/too large/
		);
		expect(message({ ...base, type: 'numeric', answer: '3', tolerance: '-1' })).toMatch(/negative/);
		expect(
			parse({
				...base,
				type: 'matching',
				'left-0': 'A',
				'right-0': '1',
				'left-2': 'B',
				'right-2': '2'
			}).output
		).toMatchObject({
			pairs: [
				['A', '1'],
				['B', '2']
			]
		});
		expect(
			message({ ...base, type: 'matching', 'left-0': 'A', 'right-0': '1', 'left-1': 'B' })
		).toMatch(/both sides/);
		expect(
			parse({
				...base,
				type: 'matching',
				'left-0': 'A',
				'right-0': 'writer',
				'left-1': 'B',
				'right-1': 'writer'
			}).output
		).toMatchObject({
			pairs: [
				['A', 'writer'],
				['B', 'writer']
			]
		});
		expect(message({ ...base, type: 'essay' })).toBe('Choose a question type.');
	});

	it('round-trips every type through form fields', () => {
		const source = { paragraph: 0, sentence: 'One.', sentenceIndex: 1 };
		const samples: Question[] = [
			{
				id: 'q1',
				type: 'multiple_choice',
				prompt: 'Which one is right?',
				options: ['A', 'B', 'C'],
				answer: 'B',
				explanation: 'x',
				difficulty: 0.5,
				source
			},
			{
				id: 'q2',
				type: 'true_false',
				prompt: 'It is a fact.',
				options: ['True', 'False'],
				answer: true,
				explanation: '',
				difficulty: 0.5,
				source
			},
			{
				id: 'q3',
				type: 'fill_blank',
				prompt: 'The ____ is here.',
				options: [],
				answer: 'lake',
				accept: ['lakes'],
				explanation: '',
				difficulty: 0.5,
				source
			},
			{
				id: 'q4',
				type: 'numeric',
				prompt: 'How many people?',
				options: [],
				answer: 4.2,
				tolerance: 0.1,
				unit: 'million',
				explanation: '',
				difficulty: 0.5,
				source
			},
			{
				id: 'q5',
				type: 'matching',
				prompt: 'Match the pairs.',
				options: ['2', '1'],
				pairs: [
					['A', '1'],
					['B', '2']
				],
				explanation: '',
				difficulty: 0.5,
				source
			}
		];
		for (const q of samples) {
			const r = parse(questionToFields(q));
			expect(r.success, q.type).toBe(true);
			if (!r.success) continue;
			const back = draftToQuestion(r.output, { id: q.id, difficulty: 0.5, source });
			if (q.type === 'matching' && back.type === 'matching') {
				expect(back.pairs).toEqual(q.pairs);
				expect([...back.options].sort()).toEqual(['1', '2']);
			} else expect(back).toEqual(q);
		}
	});

	it('takes the source from the chosen sentence', () => {
		const lesson = { sentences: [{ index: 2, paragraph: 1, text: 'Two.' }] };
		expect(sourceFor(lesson, '2', null)).toEqual({
			paragraph: 1,
			sentence: 'Two.',
			sentenceIndex: 2
		});
		expect(sourceFor(lesson, '', null).sentenceIndex).toBe(0);
	});
});

describe('versioned curation', () => {
	it('records every edit and toggle as a version and leaves past attempts as asked', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const student = addUser(db, 'student');
		const { lessonId, slug } = addLesson(db, undefined, null, { oneSentenceEach: true });
		const id = `${slug}-q1`;
		const attemptId = startAttempt(db, { userId: student.id, lessonId, count: 3 })!;

		const before = getBankEntry(db, lessonId, id)!;
		const edited = { ...before.question, prompt: 'Which letter comes first?' } as Question;
		expect(saveQuestionEdit(db, id, edited, teacher.id)).toBe(2);
		expect(setQuestionEnabled(db, id, false, teacher.id)).toBe(3);

		const row = db.select().from(questions).where(eq(questions.id, id)).get()!;
		expect(row).toMatchObject({ version: 3, edited: true, enabled: false });
		expect((row.data as Question).prompt).toBe('Which letter comes first?');
		const versions = db
			.select()
			.from(questionVersions)
			.where(eq(questionVersions.questionId, id))
			.all();
		expect(versions.map((x) => [x.version, x.enabled, x.editedBy])).toEqual([
			[2, true, teacher.id],
			[3, false, teacher.id]
		]);
		const asked = db
			.select()
			.from(attemptQuestions)
			.where(eq(attemptQuestions.attemptId, attemptId))
			.all();
		const snapshot = asked.find((a) => a.questionId === id)!.snapshot as Question;
		expect(snapshot.prompt).toBe('Question 1?');

		// The disabled question stays in the bank list but is no longer drawn.
		expect(listBank(db, lessonId).map((q) => q.id)).toContain(id);
		for (let i = 0; i < 5; i++) {
			const next = startAttempt(db, { userId: student.id, lessonId, count: 3 })!;
			const ids = db
				.select()
				.from(attemptQuestions)
				.where(eq(attemptQuestions.attemptId, next))
				.all()
				.map((a) => a.questionId);
			expect(ids).not.toContain(id);
		}
	});

	it('finds a question only in its own lesson', () => {
		const { db } = createTestDatabase();
		const a = addLesson(db, 'lesson-a');
		const b = addLesson(db, 'lesson-b');
		const entry = getBankEntry(db, a.lessonId, `${a.slug}-q1`)!;
		expect(entry).toMatchObject({ id: `${a.slug}-q1`, version: 1, enabled: true });
		expect(entry.question.id).toBe(`${a.slug}-q1`);
		expect(getBankEntry(db, b.lessonId, `${a.slug}-q1`)).toBeUndefined();
		expect(getBankEntry(db, a.lessonId, 'no-such-question')).toBeUndefined();
	});

	it('adds a hand-written question at the end of the bank', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const { lessonId, slug } = addLesson(db);
		const r = parse({ type: 'true_false', prompt: 'The text has two sentences.', answer: 'true' });
		if (!r.success) throw new Error('invalid');
		const id = addManualQuestion(
			db,
			{ id: lessonId, slug },
			r.output,
			{ paragraph: 0, sentence: 'One.', sentenceIndex: 1 },
			teacher.id
		);
		const bank = listBank(db, lessonId);
		expect(bank.at(-1)).toMatchObject({ id, origin: 'manual', version: 1, enabled: true });
		expect(bank.at(-1)!.question).toMatchObject({ type: 'true_false', answer: true, id });
	});

	it('names a question in a message by its prompt, cut to a line', () => {
		expect(shortPrompt('A short prompt.')).toBe('A short prompt.');
		const long = 'word '.repeat(30).trim();
		expect(shortPrompt(long)).toHaveLength(70);
		expect(shortPrompt(long).endsWith('…')).toBe(true);
	});
});
