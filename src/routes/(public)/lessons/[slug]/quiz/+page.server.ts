import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireStudent } from '$lib/server/auth/guards';
import {
	DEFAULT_QUIZ_LENGTH,
	MAX_QUIZ_LENGTH,
	findOpenAttempt,
	longestQuiz,
	quizLengthChoices
} from '$lib/server/attempts';
import { startSelfPractice } from '$lib/server/self-practice';
import { parseForm } from '$lib/server/forms';
import { invalid } from '$lib/server/form-result';
import { openAssignmentCall, openAssignmentsOnLesson } from '$lib/server/assignments';
import { getVisibleLesson } from '$lib/server/lessons';
import { gradePractice, practiceQuestions } from '$lib/server/practice';
import { bankOwnerFor } from '$lib/server/bank-versions';
import { PRACTICE_HELD_MESSAGE, practiceAllowed, studentRule } from '$lib/server/disclosure';
import type { Actions, PageServerLoad } from './$types';

const countField = v.optional(
	v.pipe(
		v.string(),
		v.toNumber(() => m.choose_how_many()),
		v.integer(() => m.choose_how_many()),
		v.minValue(1, () => m.choose_at_least_one()),
		v.maxValue(MAX_QUIZ_LENGTH, () => m.choose_at_most({ max: MAX_QUIZ_LENGTH }))
	),
	String(DEFAULT_QUIZ_LENGTH)
);
const startSchema = v.object({ count: countField });
const seedField = v.pipe(
	v.string(() => m.quiz_unreadable()),
	v.regex(/^[a-z0-9-]{1,64}$/, () => m.quiz_unreadable())
);

function visibleLesson(slug: string, user: App.Locals['user']) {
	const lesson = getVisibleLesson(db, slug, user);
	if (!lesson) error(404, m.no_lesson_here());
	return lesson;
}

/** A teacher practises on her own version of the bank; visitors on the lesson's. */
function practiceOwner(lesson: { ownerId: string | null }, user: App.Locals['user']) {
	return user?.role === 'teacher' ? bankOwnerFor(lesson, user) : null;
}

export const load: PageServerLoad = ({ params, locals }) => {
	const lesson = visibleLesson(params.slug, locals.user);
	const info = { slug: lesson.slug, title: lesson.title, questionCount: lesson.questionCount };
	if (locals.user?.role === 'student') {
		return {
			mode: 'student' as const,
			lesson: info,
			openAttempt: findOpenAttempt(db, locals.user.id, lesson.id),
			// Practice is not counted: an assignment on this lesson comes first.
			assigned: openAssignmentsOnLesson(db, locals.user.id, lesson.id).map(openAssignmentCall),
			...quizLengthChoices(longestQuiz(db, lesson.id))
		};
	}
	// Visitors and teachers practise: nothing is saved.
	const seed = crypto.randomUUID();
	const count = DEFAULT_QUIZ_LENGTH;
	return {
		mode: 'practice' as const,
		lesson: info,
		seed,
		count,
		questions: practiceQuestions(db, lesson.id, count, seed, practiceOwner(lesson, locals.user))
	};
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireStudent(event);
		const lesson = visibleLesson(event.params.slug, user);
		const parsed = await parseForm(event.request, startSchema);
		if (!parsed.ok) return invalid(400, { message: parsed.message, errors: parsed.errors });
		// Replaces the student's unfinished quiz on this lesson; refused past the limits.
		const started = startSelfPractice(db, {
			userId: user.id,
			lessonId: lesson.id,
			count: parsed.data.count,
			kind: 'quiz',
			nothingToAsk: m.lesson_no_questions_yet()
		});
		if (!started.ok) {
			return invalid(started.status, { message: started.message, open: started.open ?? [] });
		}
		redirect(303, `/attempts/${started.attemptId}`);
	},

	practice: async (event) => {
		const user = event.locals.user;
		const lesson = visibleLesson(event.params.slug, user);
		if (
			user?.role === 'student' &&
			!practiceAllowed(studentRule(db, user.id, new Date(), lesson.id), lesson.id)
		) {
			return invalid(403, { message: PRACTICE_HELD_MESSAGE });
		}
		const parsed = await parseForm(
			event.request,
			v.looseObject({ seed: seedField, count: countField })
		);
		if (!parsed.ok) return invalid(400, { message: parsed.message, errors: parsed.errors });
		const result = gradePractice(
			db,
			lesson,
			parsed.data.count,
			parsed.data.seed,
			parsed.form,
			practiceOwner(lesson, user)
		);
		return { practice: result };
	}
};
