import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { questions } from './db/schema';
import { setQuestionEnabled } from './curation';
import { assignmentNotice, classPageAfterSaving, readAssignmentForm } from './assignment-form';
import { addLesson, addUser } from './teacher-test-helpers';
import type { Db } from './db/connection';

const formFor = (fields: Record<string, string>) =>
	new Request('http://localhost/teacher/classes/c?/assign', {
		method: 'POST',
		body: new URLSearchParams(fields)
	});

describe('the assignment form', () => {
	let db: Db;
	let teacher: ReturnType<typeof addUser>;
	let lessonId: number;

	beforeEach(() => {
		db = createTestDatabase().db;
		teacher = addUser(db, 'teacher');
		// Three questions that can all be asked together.
		lessonId = addLesson(db, undefined, null, { oneSentenceEach: true }).lessonId;
	});

	const read = (questionCount: string) =>
		readAssignmentForm(db, formFor({ lessonId: String(lessonId), questionCount }), teacher);

	it('keeps a number of questions the lesson can ask', async () => {
		const result = await read('2');
		expect(result).toMatchObject({ ok: true, capped: null, input: { questionCount: 2 } });
	});

	it('asks as many as the lesson can ask together when more are asked for, and says so', async () => {
		const result = await read('10');
		expect(result).toMatchObject({ ok: true, capped: 3, input: { questionCount: 3 } });
	});

	it('refuses a lesson with no question to ask', async () => {
		for (const { id } of db.select({ id: questions.id }).from(questions).all()) {
			setQuestionEnabled(db, id, false, teacher.id);
		}
		const result = await read('5');
		expect(result).toMatchObject({ ok: false, message: expect.stringContaining('no questions') });
	});
});

describe('after saving an assignment', () => {
	const noticeAt = (address: string) => assignmentNotice(new URL(address, 'http://x').searchParams);

	it('tells the teacher what was saved, and how many questions when fewer than asked for', () => {
		expect(noticeAt(classPageAfterSaving('c1', 'assigned', null))).toBe('The lesson was assigned.');
		expect(noticeAt(classPageAfterSaving('c1', 'edited', 5))).toBe(
			"The assignment was saved with 5 questions: its bank has no more that can be asked together without one giving away another's answer."
		);
		expect(classPageAfterSaving('c1', 'assigned', 5)).toBe(
			'/teacher/classes/c1?assigned=1&questions=5#assignments-heading'
		);
	});

	it('says nothing on a plain visit, and ignores a number that is not one', () => {
		expect(noticeAt('/teacher/classes/c1')).toBeNull();
		expect(noticeAt('/teacher/classes/c1?assigned=1&questions=<b>')).toBe(
			'The lesson was assigned.'
		);
	});
});
