import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { openAssignmentCall, openAssignmentsOnLesson } from '$lib/server/assignments';
import { getLessonPage } from '$lib/server/lessons';
import { liveGameOffer } from '$lib/server/live/start';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const lesson = getLessonPage(db, params.slug, locals.user);
	if (!lesson) error(404, m.no_lesson_here());
	// A student with this lesson assigned is led to the assignment's quiz before practice.
	const assigned =
		locals.user?.role === 'student'
			? openAssignmentsOnLesson(db, locals.user.id, lesson.id).map(openAssignmentCall)
			: [];
	return {
		lesson,
		assigned,
		student: locals.user?.role === 'student',
		// A teacher may run the lesson as a live class game; nobody else is offered it.
		live: locals.user?.role === 'teacher' ? liveGameOffer(db, lesson, locals.user) : null
	};
};
