import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { newReviewCard, scheduleReview } from '$lib/review/schedule';
import type { Question } from '$lib/quiz/types';
import type { Db, Tx } from './db/connection';
import { prepared } from './db/client';
import { classes, classMembers, lessons, questions, reviewCards, sources } from './db/schema';

const cardOf = prepared((db) =>
	db
		.select({ card: reviewCards.card })
		.from(reviewCards)
		.where(
			and(
				eq(reviewCards.userId, sql.placeholder('userId')),
				eq(reviewCards.questionId, sql.placeholder('questionId'))
			)
		)
		.prepare()
);

const questionExists = prepared((db) =>
	db
		.select({ id: questions.id })
		.from(questions)
		.where(eq(questions.id, sql.placeholder('questionId')))
		.prepare()
);

const saveCard = prepared((db) =>
	db
		.insert(reviewCards)
		.values({
			userId: sql.placeholder('userId'),
			questionId: sql.placeholder('questionId'),
			card: sql.placeholder('card'),
			due: sql.placeholder('due'),
			lastReviewedAt: sql.placeholder('lastReviewedAt')
		})
		.onConflictDoUpdate({
			target: [reviewCards.userId, reviewCards.questionId],
			set: {
				card: sql`excluded.card`,
				due: sql`excluded.due`,
				lastReviewedAt: sql`excluded.last_reviewed_at`
			}
		})
		.prepare()
);

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
	const existing = cardOf(db).get({ userId, questionId });
	if (!existing && correct) return null;
	// The question may have been deleted with its text; its history stays, review does not.
	if (!questionExists(db).get({ questionId })) return null;
	// A newly missed question is due at once; after that the scheduler decides.
	const next = existing
		? scheduleReview(existing.card, correct, now)
		: { card: newReviewCard(now), due: now };
	saveCard(db).run({ userId, questionId, card: next.card, due: next.due, lastReviewedAt: now });
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
