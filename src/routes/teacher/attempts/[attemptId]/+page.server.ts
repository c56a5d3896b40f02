import { error } from '@sveltejs/kit';
import { formatAnswer } from '$lib/quiz/grade';
import { db } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { getAttempt } from '$lib/server/attempts';
import { formatDateTime } from '$lib/server/dates';
import { findTeacherAttempt } from '$lib/server/gradebook';
import { findUserById } from '$lib/server/classes';
import { displayName } from '$lib/server/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireTeacher(event);
	const owned = findTeacherAttempt(db, event.params.attemptId, user.id);
	const attempt = owned && getAttempt(db, owned.id);
	if (!owned || !attempt) error(404, 'There is no attempt at this address.');
	const student = findUserById(db, attempt.userId);
	return {
		klass: { id: owned.classId, name: owned.className },
		student: {
			id: attempt.userId,
			name: student ? displayName(student) : 'Former student'
		},
		attempt: {
			lessonTitle: attempt.lessonTitle,
			started: formatDateTime(attempt.startedAt),
			finished: attempt.finishedAt ? formatDateTime(attempt.finishedAt) : null,
			score: attempt.score,
			correctCount: attempt.correctCount,
			questionCount: attempt.questionCount
		},
		// The teacher sees every question exactly as it was asked, with its key.
		items: attempt.items.map((item) => ({
			position: item.position,
			type: item.question.type,
			prompt: item.question.prompt,
			options: item.question.type === 'true_false' ? [] : item.question.options,
			key: formatAnswer(item.question),
			explanation: item.question.explanation,
			sentence: item.question.source?.sentence ?? '',
			answer: item.answer
				? { given: item.answer.given, correct: item.answer.correct, score: item.answer.score }
				: null
		}))
	};
};
