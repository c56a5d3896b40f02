import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { gradebookCsv } from '$lib/quiz/export/csv';
import { createTestDatabase } from './db/test-db';
import { answers, attempts } from './db/schema';
import type { Db } from './db/connection';
import { createAssignment } from './assignments';
import { createClass, joinClass } from './classes';
import { getGradebook, gradebookExport, studentAttemptsInClass } from './gradebook';
import { listFinishedAttempts } from './attempts';
import { discloseHistory, studentRule } from './disclosure';
import { answerRecords } from './question-stats';
import {
	clearOverride,
	commentSchema,
	getMark,
	overrideSchema,
	overrideScore,
	saveComment
} from './marks';
import { addLesson, addUser } from './teacher-test-helpers';

const at = (iso: string) => new Date(iso);

function classWithAttempt(db: Db, reveal: 'each' | 'due' = 'each') {
	const teacher = addUser(db, 'teacher');
	const student = addUser(db, 'student', 'ana');
	const { lessonId } = addLesson(db);
	const klass = createClass(db, teacher.id, 'History 9B');
	joinClass(db, student.id, klass.joinCode);
	const assignment = createAssignment(db, klass.id, {
		lessonId,
		dueAt: at('2030-05-10T12:00:00Z'),
		questionCount: 2,
		attemptsAllowed: 0,
		reveal
	});
	const attemptId = crypto.randomUUID();
	db.insert(attempts)
		.values({
			id: attemptId,
			userId: student.id,
			lessonId,
			assignmentId: assignment.id,
			seed: 's',
			questionCount: 2,
			finishedAt: at('2030-05-01T00:00:00Z'),
			correctCount: 1,
			score: 0.5
		})
		.run();
	for (const position of [0, 1]) {
		db.insert(answers)
			.values({
				attemptId,
				position,
				questionId: `test-lesson-q${position + 1}`,
				response: '"Alpha"',
				given: 'Alpha',
				correct: position === 0,
				score: position === 0 ? 1 : 0
			})
			.run();
	}
	return { teacher, student, klass, assignment, attemptId, lessonId };
}

describe('marks: a teacher’s comment and overridden score', () => {
	it('keeps the graded score while the override counts in the gradebook and its CSV', () => {
		const { db } = createTestDatabase();
		const { teacher, student, klass, assignment, attemptId, lessonId } = classWithAttempt(db);
		const now = at('2030-05-02T00:00:00Z');

		overrideScore(db, attemptId, teacher.id, 0.9, 'Question 2 was worded badly.');
		expect(getMark(db, attemptId)).toMatchObject({
			score: 0.9,
			reason: 'Question 2 was worded badly.',
			comment: ''
		});
		// The attempt itself keeps the score it was graded with.
		const stored = db.select().from(attempts).all()[0];
		expect(stored.score).toBe(0.5);

		const book = getGradebook(db, klass.id, now);
		expect(book.cells[student.id][assignment.id]).toEqual({
			best: 0.9,
			status: 'done',
			attempts: 1,
			overridden: true,
			graded: 0.5
		});
		const lines = gradebookCsv(gradebookExport(book)).slice(1).trim().split('\r\n');
		expect(lines[0]).toBe('Username,Student ID,Display name,Test lesson (%),Test lesson note');
		expect(lines[1]).toBe(`ana,${student.id},,90,"Overridden, graded 50"`);
		expect(studentAttemptsInClass(db, klass.id, student.id)[0]).toMatchObject({
			score: 0.5,
			overriddenScore: 0.9
		});

		// Question statistics read the answers and the graded score, not the override.
		const records = answerRecords(db, { assignmentId: assignment.id });
		expect(records.map((r) => [r.correct, r.attemptScore])).toEqual([
			[true, 0.5],
			[false, 0.5]
		]);
		expect(lessonId).toBeGreaterThan(0);

		clearOverride(db, attemptId, teacher.id);
		expect(getMark(db, attemptId)).toBeNull();
		const after = getGradebook(db, klass.id, now);
		expect(after.cells[student.id][assignment.id]).toMatchObject({
			best: 0.5,
			overridden: false
		});
		expect(gradebookCsv(gradebookExport(after))).not.toContain('note');
	});

	it('a comment and an override live side by side; removing both removes the mark', () => {
		const { db } = createTestDatabase();
		const { teacher, attemptId } = classWithAttempt(db);
		saveComment(db, attemptId, teacher.id, 'Good work on the dates.');
		overrideScore(db, attemptId, teacher.id, 1, 'Full marks for the essay part.');
		expect(getMark(db, attemptId)).toMatchObject({
			comment: 'Good work on the dates.',
			score: 1,
			reason: 'Full marks for the essay part.'
		});
		clearOverride(db, attemptId, teacher.id);
		expect(getMark(db, attemptId)).toMatchObject({
			comment: 'Good work on the dates.',
			score: null
		});
		saveComment(db, attemptId, teacher.id, '');
		expect(getMark(db, attemptId)).toBeNull();
	});

	it('an override lowering a score does not beat a better graded attempt', () => {
		const { db } = createTestDatabase();
		const { teacher, student, klass, assignment, attemptId, lessonId } = classWithAttempt(db);
		db.insert(attempts)
			.values({
				id: crypto.randomUUID(),
				userId: student.id,
				lessonId,
				assignmentId: assignment.id,
				seed: 's2',
				questionCount: 2,
				finishedAt: at('2030-05-03T00:00:00Z'),
				score: 0.4
			})
			.run();
		overrideScore(db, attemptId, teacher.id, 0.2, 'Copied answers.');
		const cell = getGradebook(db, klass.id, at('2030-05-04T00:00:00Z')).cells[student.id][
			assignment.id
		];
		expect(cell).toMatchObject({ best: 0.4, overridden: false, graded: null, attempts: 2 });
	});

	it('the student’s history takes the override, and hides it while the score is hidden', () => {
		const { db } = createTestDatabase();
		const shown = classWithAttempt(db);
		overrideScore(db, shown.attemptId, shown.teacher.id, 0.75, 'Regraded.');
		const rule = studentRule(db, shown.student.id, at('2030-05-02T00:00:00Z'));
		const [entry] = discloseHistory(rule, listFinishedAttempts(db, shown.student.id));
		expect(entry).toMatchObject({
			score: 0.75,
			overridden: true,
			shown: true,
			className: 'History 9B'
		});

		const { db: db2 } = createTestDatabase();
		const held = classWithAttempt(db2, 'due');
		overrideScore(db2, held.attemptId, held.teacher.id, 0.75, 'Regraded.');
		const before = studentRule(db2, held.student.id, at('2030-05-02T00:00:00Z'));
		const [hidden] = discloseHistory(before, listFinishedAttempts(db2, held.student.id));
		expect(hidden).toMatchObject({ score: 0, overridden: false, shown: false });
	});

	it('reads the forms: a score from 0 to 100 with a reason, a comment of limited length', () => {
		const ok = v.safeParse(overrideSchema, { score: ' 87,5 ', reason: ' Regraded ' });
		expect(ok.success && ok.output).toEqual({ score: 0.875, reason: 'Regraded' });
		for (const score of ['101', '-1', 'ten', '', '1e2', '50.123', '0x10']) {
			const r = v.safeParse(overrideSchema, { score, reason: 'x' });
			expect(r.success, score).toBe(false);
			expect(r.issues?.[0].message).toBe('Enter the new score as a percentage from 0 to 100.');
		}
		const noReason = v.safeParse(overrideSchema, { score: '50', reason: '   ' });
		expect(noReason.issues?.[0].message).toMatch(/Say why the score changes/);
		expect(v.safeParse(commentSchema, { comment: 'x'.repeat(2001) }).success).toBe(false);
		expect(v.safeParse(commentSchema, {}).success).toBe(true);
	});
});
