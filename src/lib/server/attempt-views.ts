import { formatAnswer } from '$lib/quiz/grade';
import { toPublicQuestion } from '$lib/quiz/public';
import type { AttemptView } from './attempts';
import { feedbackFor, withoutKey, type Feedback } from './feedback';

/** What the results page may show of each answered question (`revealed`: see disclosure). */
export function resultItems(attempt: AttemptView, revealed: boolean): Feedback[] {
	return attempt.items.map((item) => {
		const answer = item.answer ?? { given: '', correct: false, score: 0 };
		const full = feedbackFor(
			item.question,
			{ ...answer, expected: formatAnswer(item.question) },
			attempt.lessonSlug,
			item.position
		);
		return revealed ? full : withoutKey(full);
	});
}

/** The next unanswered question, as the browser may see it: no key. */
export function currentQuestion(attempt: AttemptView) {
	const next = attempt.items.find((i) => !i.answer);
	if (!next) return null;
	return { position: next.position, question: toPublicQuestion(next.question) };
}

export function attemptProgress(attempt: AttemptView) {
	return {
		answered: attempt.items.filter((i) => i.answer).length,
		total: attempt.items.length
	};
}
