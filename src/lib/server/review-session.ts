import { m } from '$lib/paraglide/messages';
import { gradeResponse, parseFormResponse, type FormLike } from '$lib/quiz/grade';
import { shuffleOptions } from '$lib/quiz/draw';
import { toPublicQuestion } from '$lib/quiz/public';
import { createRng } from '$lib/quiz/random';
import type { Question } from '$lib/quiz/types';
import type { Db } from './db/connection';
import { feedbackFor } from './feedback';
import { dueQueue, getCard, recordReviewOutcome, reviewSummary } from './review';
import { eq } from 'drizzle-orm';
import { questions } from './db/schema';
import { getLessonById } from './lessons';
import { heldLessons, lessonHeld, lessonVisibleTo, studentRule } from './disclosure';

/** Options in a fresh order each day, so review is not learnt by position. */
function reviewView(q: Question, userId: string, now: Date) {
	const day = now.toISOString().slice(0, 10);
	return toPublicQuestion(shuffleOptions(q, createRng(`review:${userId}:${q.id}:${day}`)));
}

export function reviewQueue(db: Db, userId: string, now = new Date()) {
	const held = heldLessons(studentRule(db, userId, now));
	const { count, first } = dueQueue(db, userId, now, held);
	const summary = reviewSummary(db, userId, now);
	return {
		dueCount: count,
		totalCards: summary.total,
		nextDue: summary.nextDue,
		current: first
			? {
					questionId: first.questionId,
					lessonSlug: first.lessonSlug,
					lessonTitle: first.lessonTitle,
					question: reviewView(first.question, userId, now)
				}
			: null
	};
}

export function answerReview(
	db: Db,
	userId: string,
	questionId: string,
	form: FormLike,
	now = new Date()
) {
	const card = getCard(db, userId, questionId);
	const row = db
		.select({ data: questions.data, enabled: questions.enabled, lessonId: questions.lessonId })
		.from(questions)
		.where(eq(questions.id, questionId))
		.get();
	if (
		!card ||
		!row ||
		!row.enabled ||
		!lessonVisibleTo(db, userId, row.lessonId) ||
		lessonHeld(studentRule(db, userId, now, row.lessonId), row.lessonId)
	) {
		return { ok: false as const, message: m.review_not_in_queue() };
	}
	const question = row.data;
	const response = parseFormResponse(question, form);
	if (response === undefined) {
		return { ok: false as const, message: m.choose_or_type_answer() };
	}
	const grade = gradeResponse(question, response);
	// A card already reviewed (a second click or a replayed form) is not rescheduled twice.
	const alreadyReviewed = card.due.getTime() > now.getTime();
	const nextDue = alreadyReviewed
		? card.due
		: (recordReviewOutcome(db, userId, questionId, grade.correct, now) ?? card.due);
	const lessonSlug = getLessonById(db, row.lessonId)?.slug ?? '';
	return {
		ok: true as const,
		outcome: {
			feedback: feedbackFor(question, grade, lessonSlug, 0),
			nextDue,
			repeated: alreadyReviewed
		}
	};
}
