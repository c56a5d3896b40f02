import { drawQuiz } from '$lib/quiz/draw';
import { gradeResponse, parseFormResponse, type FormLike } from '$lib/quiz/grade';
import { toPublicQuestion } from '$lib/quiz/public';
import type { Db } from './db/connection';
import { bankFor } from './bank-versions';
import { feedbackFor, type Feedback } from './feedback';

/**
 * A visitor's practice quiz: drawn from a seed carried in the form, graded on the server,
 * never stored. The seed only decides which questions are drawn; it reveals no answer.
 */
export function drawPractice(
	db: Db,
	lessonId: number,
	count: number,
	seed: string,
	bankOwner: string | null = null
) {
	const bank = bankFor(db, lessonId, bankOwner).map((b) => b.question);
	return drawQuiz(bank, count, seed);
}

/** `bankOwner`: a teacher practises on her own version of the bank (see bank-versions). */
export function practiceQuestions(
	db: Db,
	lessonId: number,
	count: number,
	seed: string,
	bankOwner: string | null = null
) {
	return drawPractice(db, lessonId, count, seed, bankOwner).map(toPublicQuestion);
}

export function gradePractice(
	db: Db,
	lesson: { id: number; slug: string },
	count: number,
	seed: string,
	form: FormLike,
	bankOwner: string | null = null
): { feedback: Feedback[]; correct: number; total: number } {
	const quiz = drawPractice(db, lesson.id, count, seed, bankOwner);
	const feedback = quiz.map((q, position) => {
		const grade = gradeResponse(q, parseFormResponse(q, form, `answer-${position}`));
		return feedbackFor(q, grade, lesson.slug, position);
	});
	return {
		feedback,
		correct: feedback.filter((f) => f.correct).length,
		total: feedback.length
	};
}
