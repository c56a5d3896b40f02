import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { getAttempt, recordAnswer, startAttempt, type AttemptView } from '$lib/server/attempts';
import { attemptProgress, currentQuestion, resultItems } from '$lib/server/attempt-views';
import { answerDisclosed, attemptDisclosed, mayAnswer, studentRule } from '$lib/server/disclosure';
import { feedbackFor, withoutKey } from '$lib/server/feedback';
import { parseForm } from '$lib/server/forms';
import { parseFormResponse } from '$lib/quiz/grade';
import type { Actions, PageServerLoad } from './$types';

/** The attempt, if it is the signed-in user's own; anything else is a 404. */
function ownAttempt(id: string, userId: string): AttemptView {
	const attempt = getAttempt(db, id);
	if (!attempt || attempt.userId !== userId)
		error(404, 'There is no quiz attempt at this address.');
	return attempt;
}

const answerSchema = v.looseObject({
	position: v.pipe(
		v.string('The question could not be read. Reload the page.'),
		// Digits only: Number('') is 0, so an empty field would otherwise answer the first question.
		v.regex(/^\d+$/, 'The question could not be read. Reload the page.'),
		v.toNumber('The question could not be read. Reload the page.'),
		v.integer('The question could not be read. Reload the page.'),
		v.minValue(0, 'The question could not be read. Reload the page.')
	)
});

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	// After an answer, the action hands over the attempt as it stored it.
	const answered = event.locals.answeredAttempt;
	const attempt =
		answered?.id === event.params.id ? answered : ownAttempt(event.params.id, user.id);
	const now = new Date();
	const base = {
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
	return {
		...base,
		state: 'results' as const,
		revealed,
		score: revealed ? (attempt.score ?? 0) : 0,
		correctCount: revealed ? attempt.correctCount : 0,
		durationMs: attempt.finishedAt.getTime() - attempt.startedAt.getTime(),
		items: resultItems(attempt, revealed),
		missed: revealed ? attempt.items.filter((i) => !i.answer?.correct).length : 0
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const user = requireUser(event);
		const parsed = await parseForm(event.request, answerSchema);
		// Nothing awaits from here on: the attempt read and the answer written form one step.
		const attempt = ownAttempt(event.params.id, user.id);
		if (!parsed.ok) return fail(400, { message: parsed.message });
		const item = attempt.items.find((i) => i.position === parsed.data.position);
		if (!item) return fail(400, { message: 'That question is not part of this quiz.' });
		const rule = studentRule(db, user.id, new Date(), attempt.lessonId);
		const permission = mayAnswer(db, rule, user.id, attempt);
		if (!permission.ok) return fail(403, { message: permission.message });

		const response = parseFormResponse(item.question, parsed.form);
		// An empty answer is refused, unless it repeats a question already answered.
		if (response === undefined && !item.answer) {
			return fail(400, { message: 'Choose or type an answer, then check it.' });
		}
		const outcome = recordAnswer(db, attempt, item, response);
		event.locals.answeredAttempt = outcome.attempt;
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
			return fail(400, { message: 'You can retry once the quiz is finished and marked.' });
		}
		const missed = attempt.items.filter((i) => !i.answer?.correct).map((i) => i.question.id);
		if (missed.length === 0) return fail(400, { message: 'You got every question right.' });
		const id = startAttempt(db, {
			userId: user.id,
			lessonId: attempt.lessonId,
			count: missed.length,
			only: missed,
			kind: 'retry',
			bankOwner: attempt.bankOwnerId
		});
		if (!id) {
			return fail(400, { message: 'Those questions are no longer in the lesson’s quiz.' });
		}
		redirect(303, `/attempts/${id}`);
	}
};
