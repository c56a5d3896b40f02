import { describe, expect, it } from 'vitest';
import { gradebookCsv } from '$lib/quiz/export/csv';
import { createTestDatabase } from './db/test-db';
import { attempts } from './db/schema';
import { createAssignment } from './assignments';
import { createClass, joinClass } from './classes';
import {
	assignmentSummary,
	findTeacherAttempt,
	getGradebook,
	gradebookExport,
	studentAttemptsInClass
} from './gradebook';
import { addLesson, addUser } from './teacher-test-helpers';

const at = (iso: string) => new Date(iso);

describe('gradebook', () => {
	it('puts each student’s best score, attempt count and status in a cell', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const other = addUser(db, 'teacher');
		const ana = addUser(db, 'student', 'ana');
		const bek = addUser(db, 'student', 'bek');
		const { lessonId } = addLesson(db);
		const klass = createClass(db, teacher.id, 'History');
		joinClass(db, ana.id, klass.joinCode);
		joinClass(db, bek.id, klass.joinCode);
		const a = createAssignment(db, klass.id, {
			lessonId,
			dueAt: at('2025-05-10T12:00:00Z'),
			questionCount: 3,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		const add = (
			userId: string,
			finishedAt: Date | null,
			score: number | null,
			kind: 'quiz' | 'retry' = 'quiz'
		) => {
			const id = crypto.randomUUID();
			db.insert(attempts)
				.values({
					id,
					userId,
					lessonId,
					assignmentId: a.id,
					seed: 's',
					questionCount: 3,
					finishedAt,
					score,
					kind
				})
				.run();
			return id;
		};
		const first = add(ana.id, at('2025-05-09T00:00:00Z'), 2 / 3);
		add(ana.id, at('2025-05-11T00:00:00Z'), 1);
		add(ana.id, null, null);
		add(ana.id, at('2025-05-09T00:00:00Z'), 0, 'retry');

		const book = getGradebook(db, klass.id, at('2025-06-01T00:00:00Z'));
		expect(book.students.map((s) => s.username)).toEqual(['ana', 'bek']);
		const plain = { overridden: false, graded: null };
		expect(book.cells[ana.id][a.id]).toEqual({ best: 1, status: 'done', attempts: 3, ...plain });
		expect(book.cells[bek.id][a.id]).toEqual({
			best: null,
			status: 'missing',
			attempts: 0,
			...plain
		});
		expect(assignmentSummary(book, a.id)).toEqual({ submitted: 1, average: 1 });

		const csv = gradebookCsv(gradebookExport(book));
		const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
		expect(lines[0]).toBe('Username,Student ID,Display name,Test lesson (%)');
		expect(lines[1]).toBe(`ana,${ana.id},,100`);
		expect(lines[2]).toBe(`bek,${bek.id},,`);

		expect(studentAttemptsInClass(db, klass.id, ana.id)).toHaveLength(4);
		expect(findTeacherAttempt(db, first, teacher.id)?.classId).toBe(klass.id);
		expect(findTeacherAttempt(db, first, other.id)).toBeUndefined();
	});
});
