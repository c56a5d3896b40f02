import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { recordReviewOutcome } from './review';
import { answerReview, reviewQueue } from './review-session';
import { addLesson, addUser, KEYS } from './teacher-test-helpers';

describe('review session', () => {
	it('shows the card due longest, reschedules it once, and says when it is due next', () => {
		const { db } = createTestDatabase();
		const student = addUser(db, 'student');
		const { slug } = addLesson(db);
		const start = new Date('2026-03-02T09:00:00Z');
		// Two missed questions: each gets a card due at once, the first missed due first.
		recordReviewOutcome(db, student.id, `${slug}-q2`, false, start);
		recordReviewOutcome(db, student.id, `${slug}-q1`, false, new Date(start.getTime() + 1000));

		const now = new Date(start.getTime() + 60_000);
		const queue = reviewQueue(db, student.id, now);
		expect(queue.dueCount).toBe(2);
		expect(queue.totalCards).toBe(2);
		expect(queue.current?.questionId).toBe(`${slug}-q2`);
		expect(queue.current?.lessonSlug).toBe(slug);
		// The key never leaves the server.
		expect(JSON.stringify(queue.current)).not.toContain('"answer"');

		const first = answerReview(
			db,
			student.id,
			`${slug}-q2`,
			new URLSearchParams({ answer: KEYS[1] }),
			now
		);
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		expect(first.outcome.feedback.correct).toBe(true);
		expect(first.outcome.repeated).toBe(false);
		expect(first.outcome.nextDue.getTime()).toBeGreaterThan(now.getTime());

		// The same answer again (a double click) changes nothing and reports the same date.
		const again = answerReview(
			db,
			student.id,
			`${slug}-q2`,
			new URLSearchParams({ answer: 'Beta' }),
			now
		);
		expect(again.ok && again.outcome.repeated).toBe(true);
		expect(again.ok && again.outcome.nextDue).toEqual(first.outcome.nextDue);

		const after = reviewQueue(db, student.id, now);
		expect(after.dueCount).toBe(1);
		expect(after.current?.questionId).toBe(`${slug}-q1`);
		expect(after.nextDue).toEqual(first.outcome.nextDue);
	});

	it('refuses a question that is not in the queue and an empty answer', () => {
		const { db } = createTestDatabase();
		const student = addUser(db, 'student');
		const { slug } = addLesson(db);
		const now = new Date();
		expect(
			answerReview(db, student.id, `${slug}-q1`, new URLSearchParams({ answer: 'Alpha' }), now)
		).toEqual({
			ok: false,
			message: 'That question is not in your review queue.'
		});
		recordReviewOutcome(db, student.id, `${slug}-q1`, false, now);
		expect(answerReview(db, student.id, `${slug}-q1`, new URLSearchParams(), now)).toEqual({
			ok: false,
			message: 'Choose or type an answer, then check it.'
		});
		expect(reviewQueue(db, student.id, now).dueCount).toBe(1);
	});
});
