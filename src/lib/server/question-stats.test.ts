import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { answers, attempts } from './db/schema';
import { createAssignment } from './assignments';
import { createClass, joinClass } from './classes';
import { answerRecords, lessonStats } from './question-stats';
import { addLesson, addUser } from './teacher-test-helpers';
import type { Db } from './db/connection';

function answered(
	db: Db,
	userId: string,
	lessonId: number,
	assignmentId: string | null,
	picks: Record<string, string>,
	finished = true
) {
	const id = crypto.randomUUID();
	const entries = Object.entries(picks);
	const correct = entries.filter(([, pick]) => pick === 'Alpha').length;
	db.insert(attempts)
		.values({
			id,
			userId,
			lessonId,
			assignmentId,
			seed: 's',
			questionCount: entries.length,
			finishedAt: finished ? new Date() : null,
			score: finished ? correct / entries.length : null,
			correctCount: correct
		})
		.run();
	entries.forEach(([questionId, pick], position) =>
		db
			.insert(answers)
			.values({
				attemptId: id,
				position,
				questionId,
				response: pick,
				given: pick,
				correct: pick === 'Alpha',
				score: pick === 'Alpha' ? 1 : 0
			})
			.run()
	);
}

describe('question statistics', () => {
	it('count only finished attempts of the teacher’s students and assignment', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const otherTeacher = addUser(db, 'teacher');
		const mine = addUser(db, 'student');
		const stranger = addUser(db, 'student');
		const { lessonId, slug } = addLesson(db);
		const klass = createClass(db, teacher.id, 'A');
		joinClass(db, mine.id, klass.joinCode);
		const a = createAssignment(db, klass.id, {
			lessonId,
			dueAt: null,
			questionCount: 3,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		const q1 = `${slug}-q1`;
		const q2 = `${slug}-q2`;
		answered(db, mine.id, lessonId, a.id, { [q1]: 'Alpha', [q2]: 'Beta' });
		answered(db, mine.id, lessonId, null, { [q1]: 'Gamma', [q2]: 'Alpha' });
		answered(db, mine.id, lessonId, a.id, { [q1]: 'Beta' }, false);
		answered(db, stranger.id, lessonId, null, { [q1]: 'Beta', [q2]: 'Beta' });

		expect(answerRecords(db, { assignmentId: a.id })).toHaveLength(2);
		expect(answerRecords(db, { lessonId, teacherId: teacher.id })).toHaveLength(4);
		expect(answerRecords(db, { lessonId, teacherId: otherTeacher.id })).toHaveLength(0);

		const stats = lessonStats(db, lessonId, { lessonId, teacherId: teacher.id });
		expect(stats).toMatchObject({ attempts: 2, students: 1 });
		const first = stats.questions.find((q) => q.id === q1)!;
		expect(first).toMatchObject({ answered: 2, facility: 0.5, discrimination: null });
		expect(first.options).toEqual([
			{ option: 'Alpha', count: 1, share: 0.5, isKey: true, rare: false },
			{ option: 'Beta', count: 0, share: 0, isKey: false, rare: false },
			{ option: 'Gamma', count: 1, share: 0.5, isKey: false, rare: false }
		]);
		// q1 and q3 come from sentence 1, q2 from sentence 2.
		expect(stats.sentences).toEqual([
			{ sentenceIndex: 1, share: 0.5, count: 2, questions: 2 },
			{ sentenceIndex: 2, share: 0.5, count: 2, questions: 1 }
		]);
	});

	it('flag distractors almost nobody picks once there are enough answers', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const { lessonId, slug } = addLesson(db);
		const klass = createClass(db, teacher.id, 'A');
		for (let i = 0; i < 12; i++) {
			const s = addUser(db, 'student');
			joinClass(db, s.id, klass.joinCode);
			answered(db, s.id, lessonId, null, { [`${slug}-q1`]: i < 8 ? 'Alpha' : 'Beta' });
		}
		const q = lessonStats(db, lessonId, { lessonId, teacherId: teacher.id }).questions[0];
		expect(q.options.find((o) => o.option === 'Gamma')?.rare).toBe(true);
		expect(q.notes.join(' ')).toContain('"Gamma" is rarely chosen');
		expect(q.discrimination).not.toBeNull();
	});
});
