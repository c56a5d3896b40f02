import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { classMembers } from './db/schema';
import { createAssignment, type Reveal } from './assignments';
import { createClass, removeStudent } from './classes';
import { getAttempt, recordAnswer, startAttempt } from './attempts';
import {
	attemptDisclosed,
	attemptReveals,
	lessonHeld,
	lessonVisibleTo,
	mayAnswer,
	studentRule
} from './disclosure';
import { addLesson, addUser } from './teacher-test-helpers';

const DAY = 86_400_000;

function setup(reveal: Reveal, dueAt: Date | null) {
	const { db } = createTestDatabase();
	const teacher = addUser(db, 'teacher');
	const student = addUser(db, 'student');
	const lesson = addLesson(db);
	const klass = createClass(db, teacher.id, '9A');
	db.insert(classMembers).values({ classId: klass.id, studentId: student.id }).run();
	const assignment = createAssignment(db, klass.id, {
		lessonId: lesson.lessonId,
		dueAt,
		questionCount: 3,
		attemptsAllowed: 0,
		reveal
	});
	const take = (finish: boolean) => {
		const id = startAttempt(db, {
			userId: student.id,
			lessonId: lesson.lessonId,
			count: 3,
			assignmentId: assignment.id
		})!;
		if (finish) {
			for (const item of getAttempt(db, id)!.items) {
				recordAnswer(db, getAttempt(db, id)!, item, 'Beta');
			}
		}
		return getAttempt(db, id)!;
	};
	return { db, teacher, student, lesson, klass, assignment, take };
}

describe('when a student sees answers', () => {
	it("follows the attempt's own setting", () => {
		const now = new Date();
		const finished = { finishedAt: now, dueAt: new Date(now.getTime() + DAY) };
		expect(attemptReveals({ reveal: 'each', finishedAt: null, dueAt: null }, now)).toBe(true);
		expect(attemptReveals({ reveal: 'submit', finishedAt: null, dueAt: null }, now)).toBe(false);
		expect(attemptReveals({ reveal: 'submit', ...finished }, now)).toBe(true);
		expect(attemptReveals({ reveal: 'due', ...finished }, now)).toBe(false);
		expect(attemptReveals({ reveal: 'due', ...finished }, new Date(now.getTime() + 2 * DAY))).toBe(
			true
		);
	});

	it('an assignment shown after the due date holds its lesson back until then', () => {
		const due = new Date(Date.now() + DAY);
		const { db, student, lesson, take } = setup('due', due);
		expect(lessonHeld(studentRule(db, student.id), lesson.lessonId)).toBe(true);
		const attempt = take(true);
		const rule = studentRule(db, student.id);
		expect(lessonHeld(rule, lesson.lessonId)).toBe(true);
		expect(attemptDisclosed(rule, attempt)).toBe(false);
		const later = studentRule(db, student.id, new Date(due.getTime() + 1));
		expect(lessonHeld(later, lesson.lessonId)).toBe(false);
		expect(attemptDisclosed(later, attempt)).toBe(true);
	});

	it('an assignment shown after submitting holds its lesson back until one attempt is in', () => {
		const { db, student, lesson, take } = setup('submit', null);
		expect(lessonHeld(studentRule(db, student.id), lesson.lessonId)).toBe(true);
		const open = take(false);
		expect(lessonHeld(studentRule(db, student.id), lesson.lessonId)).toBe(true);
		for (const item of open.items) recordAnswer(db, getAttempt(db, open.id)!, item, 'Alpha');
		const rule = studentRule(db, student.id);
		expect(lessonHeld(rule, lesson.lessonId)).toBe(false);
		expect(attemptDisclosed(rule, getAttempt(db, open.id)!)).toBe(true);
	});

	it('a quiz of her own on a held lesson shows no answers either', () => {
		const { db, student, lesson } = setup('submit', null);
		const own = getAttempt(
			db,
			startAttempt(db, { userId: student.id, lessonId: lesson.lessonId, count: 3 })!
		)!;
		expect(own.reveal).toBe('each');
		expect(attemptDisclosed(studentRule(db, student.id), own)).toBe(false);
	});

	it('after leaving the class: no more answers to its attempts; finished ones keep their rule', () => {
		const due = new Date(Date.now() + DAY);
		const { db, student, lesson, klass, take } = setup('due', due);
		const finished = take(true);
		const open = take(false);
		removeStudent(db, klass.id, student.id);
		const rule = studentRule(db, student.id);
		expect(mayAnswer(db, rule, student.id, open)).toMatchObject({ ok: false });
		expect(attemptDisclosed(rule, finished)).toBe(false);
		expect(lessonHeld(rule, lesson.lessonId)).toBe(true);
		expect(lessonVisibleTo(db, student.id, lesson.lessonId)).toBe(true); // bundled
	});

	it("an imported lesson is visible only while the student is in its teacher's class", () => {
		const { db, teacher, student, klass } = setup('each', null);
		const imported = addLesson(db, 'imported', teacher.id);
		expect(lessonVisibleTo(db, student.id, imported.lessonId)).toBe(true);
		removeStudent(db, klass.id, student.id);
		expect(lessonVisibleTo(db, student.id, imported.lessonId)).toBe(false);
	});
});
