import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { newReviewCard, scheduleReview, type StoredCard } from '$lib/review/schedule';
import type { Question } from '$lib/quiz/types';
import type { Tx } from './db/connection';
import { lessons, questions, reviewCards } from './db/schema';

/**
 * Feeds one graded answer into spaced review. A missed question gets a card, due at once;
 * a question that already has a card is rescheduled by the answer, right or wrong.
 */
export function recordReviewOutcome(
	tx: Tx,
	userId: string,
	questionId: string,
	correct: boolean,
	now: Date
) {
	const existing = tx
		.select({ card: reviewCards.card })
		.from(reviewCards)
		.where(and(eq(reviewCards.userId, userId), eq(reviewCards.questionId, questionId)))
		.get();
	if (!existing && correct) return;
	// The question may have been deleted with its text; its history stays, review does not.
	const exists = tx
		.select({ id: questions.id })
		.from(questions)
		.where(eq(questions.id, questionId))
		.get();
	if (!exists) return;
	// A newly missed question is due at once; after that the scheduler decides.
	const next = existing
		? scheduleReview(existing.card as StoredCard, correct, now)
		: { card: newReviewCard(now), due: now };
	tx.insert(reviewCards)
		.values({ userId, questionId, card: next.card, due: next.due, lastReviewedAt: now })
		.onConflictDoUpdate({
			target: [reviewCards.userId, reviewCards.questionId],
			set: { card: next.card, due: next.due, lastReviewedAt: now }
		})
		.run();
}

export interface DueItem {
	questionId: string;
	question: Question;
	lessonSlug: string;
	lessonTitle: string;
	due: Date;
}

/** Cards due now whose question is still in use, soonest first. */
export function listDue(db: Tx, userId: string, now = new Date()): DueItem[] {
	return db
		.select({
			questionId: reviewCards.questionId,
			question: questions.data,
			lessonSlug: lessons.slug,
			lessonTitle: lessons.title,
			due: reviewCards.due
		})
		.from(reviewCards)
		.innerJoin(questions, eq(reviewCards.questionId, questions.id))
		.innerJoin(lessons, eq(questions.lessonId, lessons.id))
		.where(
			and(
				eq(reviewCards.userId, userId),
				lte(reviewCards.due, now),
				eq(questions.enabled, true),
				eq(lessons.active, true)
			)
		)
		.orderBy(asc(reviewCards.due))
		.all() as DueItem[];
}

export function reviewSummary(db: Tx, userId: string, now = new Date()) {
	const row = db
		.select({
			total: sql<number>`count(*)`,
			nextDue: sql<
				number | null
			>`min(case when ${reviewCards.due} > ${now.getTime()} then ${reviewCards.due} end)`
		})
		.from(reviewCards)
		.where(eq(reviewCards.userId, userId))
		.get();
	return { total: row?.total ?? 0, nextDue: row?.nextDue ? new Date(row.nextDue) : null };
}

export function getCard(db: Tx, userId: string, questionId: string) {
	return db
		.select()
		.from(reviewCards)
		.where(and(eq(reviewCards.userId, userId), eq(reviewCards.questionId, questionId)))
		.get();
}
