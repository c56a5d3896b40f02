import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createTestDatabase } from './db/test-db';
import { attempts } from './db/schema';
import {
	assignmentFormSchema,
	assignmentStatus,
	createAssignment,
	getAssignmentForStudent,
	listAssignmentsForStudent,
	openAssignmentCall,
	openAssignmentsOnLesson,
	summariseAttempts
} from './assignments';
import { createClass, joinClass, setClassArchived } from './classes';
import { addLesson, addUser } from './teacher-test-helpers';
import type { Db } from './db/connection';

const at = (iso: string) => new Date(iso);
const due = at('2025-05-10T12:00:00Z');

describe('assignment status', () => {
	it('is done when an attempt finished at or before the due date', () => {
		expect(assignmentStatus(due, [due], at('2025-06-01T00:00:00Z'))).toBe('done');
		expect(assignmentStatus(due, [at('2025-05-11T00:00:00Z'), at('2025-05-09T00:00:00Z')])).toBe(
			'done'
		);
	});
	it('is late when the only finished attempts came after the due date', () => {
		expect(assignmentStatus(due, [at('2025-05-10T12:00:01Z')])).toBe('late');
	});
	it('is missing when nothing was finished and the due date has passed', () => {
		expect(assignmentStatus(due, [], at('2025-05-10T12:00:01Z'))).toBe('missing');
	});
	it('is pending before the due date, and without one', () => {
		expect(assignmentStatus(due, [], at('2025-05-10T11:59:00Z'))).toBe('pending');
		expect(assignmentStatus(null, [], at('2030-01-01T00:00:00Z'))).toBe('pending');
		expect(assignmentStatus(null, [at('2030-01-01T00:00:00Z')])).toBe('done');
	});
});

describe('summariseAttempts', () => {
	it('keeps the best finished score, counts every attempt and finds the open one', () => {
		const s = summariseAttempts(
			due,
			[
				{
					id: 'a',
					assignmentId: 'x',
					startedAt: at('2025-05-01T00:00:00Z'),
					finishedAt: at('2025-05-01T00:10:00Z'),
					score: 0.4
				},
				{
					id: 'b',
					assignmentId: 'x',
					startedAt: at('2025-05-02T00:00:00Z'),
					finishedAt: at('2025-05-02T00:10:00Z'),
					score: 0.8
				},
				{
					id: 'c',
					assignmentId: 'x',
					startedAt: at('2025-05-03T00:00:00Z'),
					finishedAt: null,
					score: null
				}
			],
			at('2025-05-04T00:00:00Z')
		);
		expect(s).toMatchObject({ attemptsUsed: 3, best: 0.8, status: 'done', openAttemptId: 'c' });
	});
});

describe('assignment form', () => {
	const parse = (input: Record<string, string>) => v.safeParse(assignmentFormSchema, input);
	it('applies defaults and reads a datetime-local due date', () => {
		const r = parse({ lessonId: '3', dueAt: '2025-05-10T14:30' });
		expect(r.success).toBe(true);
		if (!r.success) return;
		expect(r.output).toMatchObject({
			lessonId: 3,
			questionCount: 10,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		expect(r.output.dueAt?.getHours()).toBe(14);
	});
	it('rejects counts out of range and impossible dates with a message', () => {
		expect(parse({ lessonId: '3', questionCount: '0' }).issues?.[0].message).toMatch(/1 to 50/);
		expect(parse({ lessonId: '3', questionCount: '51' }).success).toBe(false);
		expect(parse({ lessonId: '3', attemptsAllowed: '-1' }).success).toBe(false);
		expect(parse({ lessonId: '3', dueAt: '2025-02-30T10:00' }).success).toBe(false);
		expect(parse({ lessonId: '3', reveal: 'never' }).success).toBe(false);
		expect(parse({ lessonId: 'x' }).success).toBe(false);
	});
	it('treats an empty due date as none', () => {
		const r = parse({ lessonId: '3', dueAt: '' });
		expect(r.success && r.output.dueAt).toBe(null);
	});
});

function setup(db: Db) {
	const teacher = addUser(db, 'teacher');
	const student = addUser(db, 'student');
	const { lessonId } = addLesson(db);
	const klass = createClass(db, teacher.id, 'History');
	joinClass(db, student.id, klass.joinCode);
	return { teacher, student, lessonId, klass };
}

function addAttempt(
	db: Db,
	userId: string,
	lessonId: number,
	assignmentId: string,
	finishedAt: Date | null,
	score: number | null
) {
	const id = crypto.randomUUID();
	db.insert(attempts)
		.values({ id, userId, lessonId, assignmentId, seed: 's', questionCount: 3, finishedAt, score })
		.run();
	return id;
}

describe('listAssignmentsForStudent', () => {
	it('lists the assignments of the student’s active classes with status and attempts left', () => {
		const { db } = createTestDatabase();
		const { student, lessonId, klass } = setup(db);
		const past = createAssignment(db, klass.id, {
			lessonId,
			dueAt: at('2025-05-10T12:00:00Z'),
			questionCount: 3,
			attemptsAllowed: 1,
			reveal: 'each'
		});
		const open = createAssignment(db, klass.id, {
			lessonId,
			dueAt: null,
			questionCount: 3,
			attemptsAllowed: 0,
			reveal: 'submit'
		});
		const now = at('2025-06-01T00:00:00Z');
		let list = listAssignmentsForStudent(db, student.id, now);
		expect(list.map((a) => [a.id, a.status, a.canStart])).toEqual([
			[past.id, 'missing', true],
			[open.id, 'pending', true]
		]);
		expect(list[0]).toMatchObject({
			className: 'History',
			lessonTitle: 'Test lesson',
			attemptsLeft: 1
		});

		addAttempt(db, student.id, lessonId, past.id, at('2025-05-20T00:00:00Z'), 0.5);
		list = listAssignmentsForStudent(db, student.id, now);
		const late = list.find((a) => a.id === past.id)!;
		expect(late).toMatchObject({
			status: 'late',
			best: 0.5,
			attemptsUsed: 1,
			attemptsLeft: 0,
			canStart: false
		});

		setClassArchived(db, klass.id, true);
		expect(listAssignmentsForStudent(db, student.id, now)).toEqual([]);
	});

	it('offers to continue an unfinished attempt even when no attempts are left', () => {
		const { db } = createTestDatabase();
		const { student, lessonId, klass } = setup(db);
		const a = createAssignment(db, klass.id, {
			lessonId,
			dueAt: null,
			questionCount: 3,
			attemptsAllowed: 1,
			reveal: 'each'
		});
		const open = addAttempt(db, student.id, lessonId, a.id, null, null);
		expect(getAssignmentForStudent(db, student.id, a.id)).toMatchObject({
			openAttemptId: open,
			attemptsLeft: 0,
			canStart: true
		});
	});

	it('hides assignments from students outside the class', () => {
		const { db } = createTestDatabase();
		const { lessonId, klass } = setup(db);
		const outsider = addUser(db, 'student');
		const a = createAssignment(db, klass.id, {
			lessonId,
			dueAt: null,
			questionCount: 3,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		expect(getAssignmentForStudent(db, outsider.id, a.id)).toBeUndefined();
		expect(listAssignmentsForStudent(db, outsider.id)).toEqual([]);
	});

	it('says how soon work still to do is due, and nothing once it is done', () => {
		const { db } = createTestDatabase();
		const { student, lessonId, klass } = setup(db);
		const soon = createAssignment(db, klass.id, {
			lessonId,
			dueAt: at('2025-06-04T09:00:00Z'),
			questionCount: 3,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		const now = at('2025-06-01T09:00:00Z');
		expect(getAssignmentForStudent(db, student.id, soon.id, now)?.dueSoon?.text).toBe(
			'due in 3 days'
		);
		expect(
			getAssignmentForStudent(db, student.id, soon.id, at('2025-06-05T00:00:00Z'))?.dueSoon
		).toEqual({ text: 'late', tone: 'late' });
		addAttempt(db, student.id, lessonId, soon.id, at('2025-06-02T00:00:00Z'), 1);
		expect(getAssignmentForStudent(db, student.id, soon.id, now)?.dueSoon).toBeNull();
	});
});

describe('openAssignmentsOnLesson', () => {
	it('lists what the student still has to do on a lesson, continuing or late included', () => {
		const { db } = createTestDatabase();
		const { student, lessonId, klass } = setup(db);
		const other = addLesson(db, 'other-lesson').lessonId;
		// The same time of day as the due date: two calendar days in any zone.
		const now = at('2025-06-01T12:00:00Z');
		const todo = createAssignment(db, klass.id, {
			lessonId,
			dueAt: at('2025-06-03T12:00:00Z'),
			questionCount: 3,
			attemptsAllowed: 1,
			reveal: 'each'
		});
		createAssignment(db, klass.id, {
			lessonId: other,
			dueAt: null,
			questionCount: 3,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		expect(openAssignmentsOnLesson(db, student.id, lessonId, now).map((a) => a.id)).toEqual([
			todo.id
		]);
		expect(openAssignmentCall(openAssignmentsOnLesson(db, student.id, lessonId, now)[0])).toEqual({
			id: todo.id,
			className: 'History',
			dueAt: '2025-06-03T12:00:00.000Z',
			dueText: expect.stringContaining('2025'),
			dueSoon: 'due in 2 days',
			continuing: false
		});
		// Past its due date and not done: still open, to hand in late.
		expect(
			openAssignmentsOnLesson(db, student.id, lessonId, at('2025-06-04T00:00:00Z'))
		).toHaveLength(1);
		// Started: open, to continue.
		const started = addAttempt(db, student.id, lessonId, todo.id, null, null);
		expect(openAssignmentsOnLesson(db, student.id, lessonId, now)[0].openAttemptId).toBe(started);
		// Finished: nothing left to do on the lesson.
		db.delete(attempts).run();
		addAttempt(db, student.id, lessonId, todo.id, at('2025-06-02T00:00:00Z'), 0.5);
		expect(openAssignmentsOnLesson(db, student.id, lessonId, now)).toEqual([]);
		// Another student, not in the class: none.
		expect(openAssignmentsOnLesson(db, addUser(db, 'student').id, lessonId, now)).toEqual([]);
	});
});
