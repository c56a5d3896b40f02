import { error, redirect } from '@sveltejs/kit';
import { invalid } from '$lib/server/form-result';
import { db } from '$lib/server/db';
import { requireStudent } from '$lib/server/auth/guards';
import { getAssignmentForStudent } from '$lib/server/assignments';
import { startAttempt } from '$lib/server/attempts';
import { assignmentBankOwner } from '$lib/server/bank-versions';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = () => m.s_no_assignment_for_you();
const REVEAL = { each: m.s_reveal_each, submit: m.s_reveal_submit, due: m.s_reveal_due };

export const load: PageServerLoad = (event) => {
	const user = requireStudent(event);
	const a = getAssignmentForStudent(db, user.id, event.params.id);
	if (!a) error(404, NOT_FOUND());
	return {
		assignment: {
			id: a.id,
			className: a.className,
			lessonTitle: a.lessonTitle,
			lessonSlug: a.lessonSlug,
			dueText: a.dueText,
			questionCount: a.questionCount,
			attemptsAllowed: a.attemptsAllowed,
			attemptsUsed: a.attemptsUsed,
			best: a.best,
			scoreHidden: a.scoreHidden,
			status: a.status,
			reveal: REVEAL[a.reveal](),
			openAttemptId: a.openAttemptId,
			canStart: a.canStart
		}
	};
};

export const actions: Actions = {
	start: (event) => {
		const user = requireStudent(event);
		const a = getAssignmentForStudent(db, user.id, event.params.id);
		if (!a) error(404, NOT_FOUND());
		if (a.openAttemptId) redirect(303, `/attempts/${a.openAttemptId}`);
		if (!a.canStart) {
			return invalid(400, {
				message: m.s_all_attempts_used_n({ count: a.attemptsAllowed })
			});
		}
		const attemptId = startAttempt(db, {
			userId: user.id,
			lessonId: a.lessonId,
			count: a.questionCount,
			assignmentId: a.id,
			// Drawn from the class teacher's version of the bank, kept with the attempt.
			bankOwner: assignmentBankOwner(db, a.id)
		});
		if (!attemptId) {
			return invalid(400, {
				message: m.s_no_questions_tell_teacher()
			});
		}
		redirect(303, `/attempts/${attemptId}`);
	}
};
