import type { GradeResult } from '$lib/quiz/grade';
import type { Question } from '$lib/quiz/types';

/** What a student sees once a question is answered: the verdict, the key and where it came from. */
export interface Feedback {
	position: number;
	prompt: string;
	correct: boolean;
	score: number;
	given: string;
	expected: string;
	explanation: string;
	sourceSentence: string;
	sourceHref: string;
}

export function feedbackFor(
	q: Question,
	grade: Pick<GradeResult, 'correct' | 'score' | 'given' | 'expected'>,
	lessonSlug: string,
	position: number
): Feedback {
	return {
		position,
		prompt: q.prompt,
		correct: grade.correct,
		score: grade.score,
		given: grade.given,
		expected: grade.expected,
		explanation: q.explanation,
		sourceSentence: q.source.sentence,
		sourceHref: `/lessons/${lessonSlug}#s-${q.source.sentenceIndex}`
	};
}

/** The same feedback without anything that gives the key away (answers revealed later). */
export function withoutKey(feedback: Feedback): Feedback {
	return {
		...feedback,
		correct: false,
		score: 0,
		expected: '',
		explanation: '',
		sourceSentence: ''
	};
}
