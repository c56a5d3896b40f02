import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { newReviewCard, scheduleReview, type StoredCard } from '$lib/review/schedule';
import type { Question } from '$lib/quiz/types';
import type { Db, Tx } from './db/connection';
import { statement } from './db/client';
import { classes, classMembers, lessons, questions, reviewCards, sources } from './db/schema';

/**
 * Feeds one graded answer into spaced review. A missed question gets a card, due at once;
 * a question that already has a card is rescheduled by the answer, right or wrong. Returns when
 * the card is due next, or null when there is no card.
 */
export function recordReviewOutcome(
	db: Db,
	userId: string,
	questionId: string,
	correct: boolean,
	now: Date
): Date | null {
	const existing = statement(
		db,
		'select card from review_cards where user_id = ? and question_id = ?'
	).get(userId, questionId) as { card: string } | undefined;
	if (!existing && correct) return null;
	// The question may have been deleted with its text; its history stays, review does not.
	if (!statement(db, 'select 1 from questions where id = ?').get(questionId)) return null;
	// A newly missed question is due at once; after that the scheduler decides.
	const next = existing
		? scheduleReview(JSON.parse(existing.card) as StoredCard, correct, now)
		: { card: newReviewCard(now), due: now };
	statement(
		db,
		`insert into review_cards (user_id, question_id, card, due, last_reviewed_at)
		 values (?, ?, ?, ?, ?)
		 on conflict (user_id, question_id)
		 do update set card = excluded.card, due = excluded.due, last_reviewed_at = excluded.last_reviewed_at`
	).run(userId, questionId, JSON.stringify(next.card), next.due.getTime(), now.getTime());
	return next.due;
}

export interface DueItem {
	questionId: string;
	question: Question;
	lessonSlug: string;
	lessonTitle: string;
	due: Date;
}

/**
 * Cards due now whose question is still in use, of a lesson the student may see (bundled, or
 * imported by a teacher of one of their active classes) and not in `held` (lessons whose answers
 * an assignment still holds back, see disclosure): how many, and the one due longest.
 */
export function dueQueue(db: Tx, userId: string, now = new Date(), held: number[] = []) {
	const due = and(
		eq(reviewCards.userId, userId),
		lte(reviewCards.due, now),
		eq(questions.enabled, true),
		eq(lessons.active, true),
		held.length ? notInArray(lessons.id, held) : undefined,
		or(
			isNull(sources.ownerId),
			inArray(
				sources.ownerId,
				db
					.select({ id: classes.teacherId })
					.from(classMembers)
					.innerJoin(classes, eq(classMembers.classId, classes.id))
					.where(and(eq(classMembers.studentId, userId), eq(classes.archived, false)))
			)
		)
	);
	const count =
		db
			.select({ n: sql<number>`count(*)` })
			.from(reviewCards)
			.innerJoin(questions, eq(reviewCards.questionId, questions.id))
			.innerJoin(lessons, eq(questions.lessonId, lessons.id))
			.innerJoin(sources, eq(lessons.sourceId, sources.id))
			.where(due)
			.get()?.n ?? 0;
	// Only the first is shown: only its question is read and decoded.
	const first = db
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
		.innerJoin(sources, eq(lessons.sourceId, sources.id))
		.where(due)
		.orderBy(asc(reviewCards.due))
		.limit(1)
		.get() as DueItem | undefined;
	return { count, first: first ?? null };
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
