import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formatAnswer } from '$lib/quiz/grade';
import { db } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { getAttempt } from '$lib/server/attempts';
import { formatDateTime } from '$lib/server/dates';
import { findTeacherAttempt } from '$lib/server/gradebook';
import { findUserById } from '$lib/server/classes';
import { parseForm } from '$lib/server/forms';
import { done, invalid, refused } from '$lib/server/form-result';
import {
	clearOverride,
	commentSchema,
	getMark,
	overrideSchema,
	overrideScore,
	saveComment
} from '$lib/server/marks';
import { displayName } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = () => m.t_no_attempt_here();

/** The attempt, when it was made for an assignment of one of this teacher's classes; else 404. */
function ownedAttempt(event: { locals: App.Locals; url: URL; params: { attemptId: string } }) {
	const user = requireTeacher(event);
	const owned = findTeacherAttempt(db, event.params.attemptId, user.id);
	if (!owned) error(404, NOT_FOUND());
	return { user, owned };
}

const NOT_FINISHED = () => m.t_not_finished_mark();

export const load: PageServerLoad = (event) => {
	const { owned } = ownedAttempt(event);
	const attempt = getAttempt(db, owned.id);
	if (!attempt) error(404, NOT_FOUND());
	const student = findUserById(db, attempt.userId);
	const mark = getMark(db, attempt.id);
	return {
		klass: { id: owned.classId, name: owned.className },
		student: {
			id: attempt.userId,
			name: student ? displayName(student) : m.t_former_student()
		},
		attempt: {
			lessonTitle: attempt.lessonTitle,
			started: formatDateTime(attempt.startedAt),
			finished: attempt.finishedAt ? formatDateTime(attempt.finishedAt) : null,
			score: attempt.score,
			correctCount: attempt.correctCount,
			questionCount: attempt.questionCount
		},
		mark: mark && {
			comment: mark.comment,
			score: mark.score,
			reason: mark.reason,
			updated: formatDateTime(mark.updatedAt)
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

export const actions: Actions = {
	comment: async (event) => {
		const { user, owned } = ownedAttempt(event);
		const parsed = await parseForm(event.request, commentSchema);
		if (!parsed.ok) {
			return refused(parsed, 'comment');
		}
		if (!owned.finishedAt) return invalid(400, { action: 'comment', message: NOT_FINISHED() });
		saveComment(db, owned.id, user.id, parsed.data.comment);
		return done({
			action: 'comment',
			success: parsed.data.comment ? m.t_comment_saved() : m.t_comment_removed()
		});
	},
	override: async (event) => {
		const { user, owned } = ownedAttempt(event);
		const parsed = await parseForm(event.request, overrideSchema);
		if (!parsed.ok) {
			return refused(parsed, 'override');
		}
		if (!owned.finishedAt) return invalid(400, { action: 'override', message: NOT_FINISHED() });
		overrideScore(db, owned.id, user.id, parsed.data.score, parsed.data.reason);
		return done({
			action: 'override',
			success: m.t_override_saved()
		});
	},
	restore: (event) => {
		const { user, owned } = ownedAttempt(event);
		if ((getMark(db, owned.id)?.score ?? null) === null) {
			return invalid(400, { action: 'override', message: m.t_not_overridden() });
		}
		clearOverride(db, owned.id, user.id);
		return done({ action: 'override', success: m.t_override_removed() });
	}
};
