import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireStudent } from '$lib/server/auth/guards';
import {
	DEFAULT_QUIZ_LENGTH,
	MAX_QUIZ_LENGTH,
	findOpenAttempt,
	longestQuiz,
	quizLengthChoices,
	startAttempt
} from '$lib/server/attempts';
import { parseForm } from '$lib/server/forms';
import { getVisibleLesson } from '$lib/server/lessons';
import { gradePractice, practiceQuestions } from '$lib/server/practice';
import { bankOwnerFor } from '$lib/server/bank-versions';
import { PRACTICE_HELD_MESSAGE, practiceAllowed, studentRule } from '$lib/server/disclosure';
import type { Actions, PageServerLoad } from './$types';

const countField = v.optional(
	v.pipe(
		v.string(),
		v.toNumber('Choose how many questions.'),
		v.integer('Choose how many questions.'),
		v.minValue(1, 'Choose at least one question.'),
		v.maxValue(MAX_QUIZ_LENGTH, `Choose at most ${MAX_QUIZ_LENGTH} questions.`)
	),
	String(DEFAULT_QUIZ_LENGTH)
);
const startSchema = v.object({ count: countField });
const seedField = v.pipe(
	v.string('The quiz could not be read. Start it again.'),
	v.regex(/^[a-z0-9-]{1,64}$/, 'The quiz could not be read. Start it again.')
);

function visibleLesson(slug: string, user: App.Locals['user']) {
	const lesson = getVisibleLesson(db, slug, user);
	if (!lesson) error(404, 'There is no lesson at this address.');
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
		if (!parsed.ok) return fail(400, { message: parsed.message });
		const attemptId = startAttempt(db, {
			userId: user.id,
			lessonId: lesson.id,
			count: parsed.data.count
		});
		if (!attemptId) return fail(400, { message: 'This lesson has no questions yet.' });
		redirect(303, `/attempts/${attemptId}`);
	},

	practice: async (event) => {
		const user = event.locals.user;
		const lesson = visibleLesson(event.params.slug, user);
		if (
			user?.role === 'student' &&
			!practiceAllowed(studentRule(db, user.id, new Date(), lesson.id), lesson.id)
		) {
			return fail(403, { message: PRACTICE_HELD_MESSAGE });
		}
		const parsed = await parseForm(
			event.request,
			v.looseObject({ seed: seedField, count: countField })
		);
		if (!parsed.ok) return fail(400, { message: parsed.message });
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
