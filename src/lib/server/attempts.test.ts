import { beforeAll, describe, expect, it } from 'vitest';
import { formatAnswer } from '$lib/quiz/grade';
import type { Question, Response } from '$lib/quiz/types';
import { createTestDatabase } from './db/test-db';
import { answers, reviewCards, users } from './db/schema';
import { seedBundledContent } from './seed';
import {
	getAttempt,
	MAX_QUIZ_LENGTH,
	listFinishedAttempts,
	longestQuiz,
	progressByLesson,
	quizLengthChoices,
	recordAnswer,
	startAttempt
} from './attempts';
import { dueQueue } from './review';
import { setQuestionEnabled } from './curation';
import { lessonBank } from './banks';
import { eq } from 'drizzle-orm';

function rightAnswer(q: Question): Response {
	switch (q.type) {
		case 'multiple_choice':
		case 'fill_blank':
			return q.answer;
		case 'true_false':
			return q.answer;
		case 'numeric':
			return String(q.answer);
		case 'matching':
			return Object.fromEntries(q.pairs);
	}
}

describe('attempts', () => {
	const { db } = createTestDatabase();
	let lessonId: number;

	beforeAll(() => {
		seedBundledContent(db);
		db.insert(users)
			.values({ id: 's1', username: 'aigerim', passwordHash: 'x', role: 'student' })
			.run();
		// A quiz asks one question per sentence: take a lesson whose bank gives a quiz of five.
		const all = db.query.lessons.findMany({ orderBy: (l, { asc }) => asc(l.position) }).sync();
		lessonId = all.find((l) => longestQuiz(db, l.id) >= 5)!.id;
	});

	it('draws the asked number of questions and snapshots them', () => {
		const id = startAttempt(db, { userId: 's1', lessonId, count: 5 })!;
		const attempt = getAttempt(db, id)!;
		expect(attempt.items).toHaveLength(5);
		expect(attempt.finishedAt).toBeNull();
		expect(new Set(attempt.items.map((i) => i.question.id)).size).toBe(5);
	});

	it('grades on the server, records one answer per question and finishes with the score', () => {
		const id = startAttempt(db, { userId: 's1', lessonId, count: 4 })!;
		let attempt = getAttempt(db, id)!;
		const [first, second, third, fourth] = attempt.items;

		const wrong = recordAnswer(db, attempt, first, 'definitely not the answer');
		expect(wrong.status).toBe('recorded');
		expect(wrong.attempt.items[0].answer).toMatchObject({ correct: false, score: 0 });
		// A replay of the same question is not recorded again, and keeps the first verdict:
		// from the view that holds the answer, and from a view read before it was stored.
		for (const view of [wrong.attempt, attempt]) {
			const replay = recordAnswer(db, view, view.items[0], rightAnswer(first.question));
			expect(replay.status).toBe('already-answered');
			expect(replay.grade.correct).toBe(false);
		}

		attempt = wrong.attempt;
		for (const item of [second, third, fourth]) {
			const outcome = recordAnswer(db, attempt, item, rightAnswer(item.question));
			expect(outcome.status).toBe('recorded');
			expect(outcome.grade.correct).toBe(true);
			expect(outcome.grade.expected).toBe(formatAnswer(item.question));
			attempt = outcome.attempt;
		}
		// The view handed back is exactly what a fresh read gives.
		expect(attempt).toEqual(getAttempt(db, id));
		expect(attempt.finishedAt).not.toBeNull();
		expect(attempt.correctCount).toBe(3);
		expect(attempt.score).toBeCloseTo(0.75);
		expect(db.select().from(answers).where(eq(answers.attemptId, id)).all()).toHaveLength(4);
	});

	/** A student of their own who finished a 4-question quiz: the first answer wrong, 3 right. */
	function finishedQuiz() {
		const userId = crypto.randomUUID();
		db.insert(users)
			.values({
				id: userId,
				username: `s-${userId.slice(0, 8)}`,
				passwordHash: 'x',
				role: 'student'
			})
			.run();
		const id = startAttempt(db, { userId, lessonId, count: 4 })!;
		let attempt = getAttempt(db, id)!;
		attempt.items.forEach((item, i) => {
			const given = i === 0 ? 'definitely not the answer' : rightAnswer(item.question);
			attempt = recordAnswer(db, attempt, attempt.items[i], given).attempt;
		});
		return { userId, attempt };
	}

	it('a missed question enters spaced review, due at once', () => {
		const { userId } = finishedQuiz();
		const due = dueQueue(db, userId, new Date(Date.now() + 1000));
		expect(due.count).toBeGreaterThanOrEqual(1);
		expect(due.first?.question.id).toBe(due.first?.questionId);
		expect(db.select().from(reviewCards).where(eq(reviewCards.userId, userId)).all().length).toBe(
			due.count
		);
	});

	it('history lists finished attempts and the best and last score per lesson', () => {
		const { userId } = finishedQuiz();
		const entries = listFinishedAttempts(db, userId);
		expect(entries).toHaveLength(1);
		const progress = progressByLesson(entries);
		const p = [...progress.values()][0];
		expect(p).toEqual({ best: 0.75, last: 0.75, attempts: 1 });
	});

	it('a retry draws only the asked questions', () => {
		const { userId, attempt } = finishedQuiz();
		const missed = attempt.items.filter((i) => !i.answer?.correct).map((i) => i.question.id);
		expect(missed).toHaveLength(1);
		const retry = startAttempt(db, {
			userId,
			lessonId,
			count: missed.length,
			only: missed,
			kind: 'retry'
		})!;
		expect(getAttempt(db, retry)!.items.map((i) => i.question.id)).toEqual(missed);
	});

	it('offers only quiz lengths the start form accepts, however large the bank', () => {
		expect(quizLengthChoices(7)).toEqual({ lengths: [5, 7], defaultLength: 7, longest: 7 });
		expect(quizLengthChoices(18)).toEqual({
			lengths: [5, 10, 15, 18],
			defaultLength: 10,
			longest: 18
		});
		// A bank that teachers grew past the limit still offers at most MAX_QUIZ_LENGTH.
		expect(quizLengthChoices(40)).toEqual({
			lengths: [5, 10, 15, 20, MAX_QUIZ_LENGTH],
			defaultLength: 10,
			longest: MAX_QUIZ_LENGTH
		});
		expect(quizLengthChoices(0).lengths).toEqual([]);
	});

	it('the longest quiz follows the bank when a teacher switches questions off and on', () => {
		db.insert(users)
			.values({ id: 't1', username: 'teacher-t1', passwordHash: 'x', role: 'teacher' })
			.run();
		const longest = longestQuiz(db, lessonId);
		expect(longest).toBeGreaterThan(3);
		// All but two questions off: no quiz can be longer than two.
		const off = lessonBank(db, lessonId)
			.slice(2)
			.map((b) => b.question.id);
		for (const id of off) setQuestionEnabled(db, id, false, 't1');
		expect(longestQuiz(db, lessonId)).toBeLessThanOrEqual(2);
		for (const id of off) setQuestionEnabled(db, id, true, 't1');
		expect(longestQuiz(db, lessonId)).toBe(longest);
	});

	it('shows each attempt its questions as asked, however many attempts have been opened since', () => {
		const first = startAttempt(db, { userId: 's1', lessonId, count: 5 })!;
		const asked = getAttempt(db, first)!.items.map((i) => i.question);
		const opened = getAttempt(db, first)!;
		const answered = recordAnswer(db, opened, opened.items[0], 'anything').attempt.items[0];
		// More attempts than the server keeps parsed: the first one's questions are read again.
		for (let n = 0; n < 1005; n++) {
			getAttempt(db, startAttempt(db, { userId: 's1', lessonId, count: 1 })!);
		}
		const again = getAttempt(db, first)!;
		expect(again.items.map((i) => i.question)).toEqual(asked);
		expect(answered.answer?.given).toBe('anything');
		expect(again.items[0].answer).toEqual(answered.answer);
		expect(again.items.slice(1).every((i) => i.answer === null)).toBe(true);
	});
});
