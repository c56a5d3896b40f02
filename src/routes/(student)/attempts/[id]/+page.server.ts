import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { getAttempt, recordAnswer, type AttemptView } from '$lib/server/attempts';
import { handOverAttempt, takeAnsweredAttempt } from '$lib/server/answered-attempt';
import { startSelfPractice } from '$lib/server/self-practice';
import { attemptProgress, currentQuestion, resultItems } from '$lib/server/attempt-views';
import { answerDisclosed, attemptDisclosed, mayAnswer, studentRule } from '$lib/server/disclosure';
import { feedbackFor, withoutKey } from '$lib/server/feedback';
import { parseForm } from '$lib/server/forms';
import { invalid } from '$lib/server/form-result';
import { parseFormResponse } from '$lib/quiz/grade';
import {
	assignmentClass,
	openAssignmentCall,
	openAssignmentsOnLesson
} from '$lib/server/assignments';
import { getMark } from '$lib/server/marks';
import { formatDueDate } from '$lib/server/dates';
import type { Actions, PageServerLoad } from './$types';

/** The attempt, if it is the signed-in user's own; anything else is a 404. */
function ownAttempt(id: string, userId: string): AttemptView {
	const attempt = getAttempt(db, id);
	if (!attempt || attempt.userId !== userId) error(404, m.no_attempt_here());
	return attempt;
}

const answerSchema = v.looseObject({
	position: v.pipe(
		v.string(() => m.question_unreadable()),
		// Digits only: Number('') is 0, so an empty field would otherwise answer the first question.
		v.regex(/^\d+$/, () => m.question_unreadable()),
		v.toNumber(() => m.question_unreadable()),
		v.integer(() => m.question_unreadable()),
		v.minValue(0, () => m.question_unreadable())
	)
});

/**
 * Whom the attempt counts for: its class, or nobody (practice), then with the assignments on
 * the same lesson the student still has to do, so practice leads to them.
 */
function attemptContext(attempt: AttemptView, studentId: string, now: Date) {
	if (attempt.assignmentId) {
		const set = assignmentClass(db, attempt.assignmentId);
		if (set) {
			return {
				kind: 'assignment' as const,
				className: set.className,
				dueAt: set.dueAt?.toISOString() ?? null,
				dueText: set.dueAt ? formatDueDate(set.dueAt) : null,
				open: []
			};
		}
	}
	return {
		kind: 'practice' as const,
		className: null,
		dueAt: null,
		dueText: null,
		open: openAssignmentsOnLesson(db, studentId, attempt.lessonId, now).map(openAssignmentCall)
	};
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	// After an answer, the action hands over the attempt as it stored it.
	const attempt =
		takeAnsweredAttempt(event.locals, event.params.id) ?? ownAttempt(event.params.id, user.id);
	const now = new Date();
	const base = {
		context: attemptContext(attempt, user.id, now),
		attempt: {
			id: attempt.id,
			lessonSlug: attempt.lessonSlug,
			lessonTitle: attempt.lessonTitle,
			kind: attempt.kind,
			dueAt: attempt.dueAt
		},
		progress: attemptProgress(attempt)
	};
	const rule = studentRule(db, user.id, now, attempt.lessonId);
	if (!attempt.finishedAt) {
		const permission = mayAnswer(db, rule, user.id, attempt);
		if (!permission.ok) error(403, permission.message);
		return { ...base, state: 'question' as const, current: currentQuestion(attempt) };
	}
	const revealed = attemptDisclosed(rule, attempt);
	// The teacher's comment and score come with the result, never before it.
	const mark = revealed ? getMark(db, attempt.id) : null;
	return {
		...base,
		state: 'results' as const,
		revealed,
		score: revealed ? (attempt.score ?? 0) : 0,
		correctCount: revealed ? attempt.correctCount : 0,
		durationMs: attempt.finishedAt.getTime() - attempt.startedAt.getTime(),
		items: resultItems(attempt, revealed),
		missed: revealed ? attempt.items.filter((i) => !i.answer?.correct).length : 0,
		mark: mark && {
			comment: mark.comment,
			score: mark.score,
			reason: mark.reason
		}
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const user = requireUser(event);
		const parsed = await parseForm(event.request, answerSchema);
		// Nothing awaits from here on: the attempt read and the answer written form one step.
		const attempt = ownAttempt(event.params.id, user.id);
		if (!parsed.ok) return invalid(400, { message: parsed.message });
		const item = attempt.items.find((i) => i.position === parsed.data.position);
		if (!item) return invalid(400, { message: m.not_in_this_quiz() });
		const rule = studentRule(db, user.id, new Date(), attempt.lessonId);
		const permission = mayAnswer(db, rule, user.id, attempt);
		if (!permission.ok) return invalid(403, { message: permission.message });

		const response = parseFormResponse(item.question, parsed.form);
		// An empty answer is refused, unless it repeats a question already answered.
		if (response === undefined && !item.answer) {
			return invalid(400, { message: m.choose_or_type_answer() });
		}
		const outcome = recordAnswer(db, attempt, item, response);
		handOverAttempt(event.locals, outcome.attempt);
		const reveal = answerDisclosed(rule, attempt);
		const feedback = feedbackFor(item.question, outcome.grade, attempt.lessonSlug, item.position);
		return {
			feedback: reveal ? feedback : withoutKey(feedback),
			reveal,
			finished: outcome.finished,
			repeated: outcome.status === 'already-answered'
		};
	},

	retry: async (event) => {
		const user = requireUser(event);
		const attempt = ownAttempt(event.params.id, user.id);
		const rule = studentRule(db, user.id, new Date(), attempt.lessonId);
		if (!attempt.finishedAt || !attemptDisclosed(rule, attempt)) {
			return invalid(400, { message: m.retry_when_finished() });
		}
		const missed = attempt.items.filter((i) => !i.answer?.correct).map((i) => i.question.id);
		if (missed.length === 0) return invalid(400, { message: m.all_right() });
		// A practice of its own: replaces an unfinished retry on this lesson, refused past the limits.
		const started = startSelfPractice(db, {
			userId: user.id,
			lessonId: attempt.lessonId,
			count: missed.length,
			only: missed,
			kind: 'retry',
			bankOwner: attempt.bankOwnerId,
			nothingToAsk: m.questions_gone()
		});
		if (!started.ok) {
			return invalid(started.status, { message: started.message, open: started.open ?? [] });
		}
		redirect(303, `/attempts/${started.attemptId}`);
	}
};
