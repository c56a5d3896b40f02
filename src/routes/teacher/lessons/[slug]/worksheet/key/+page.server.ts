import { db } from '$lib/server/db';
import { requireTeacherLesson } from '$lib/server/auth/lesson-guard';
import { bankOwnerFor } from '$lib/server/bank-versions';
import { worksheetKey } from '$lib/server/worksheet';
import type { PageServerLoad } from './$types';

// The answers: a teacher page (requireTeacherLesson), never linked from a student's page.
export const load: PageServerLoad = (event) => {
	const { user, lesson } = requireTeacherLesson(event, event.params.slug);
	return {
		lesson: { slug: lesson.slug, title: lesson.title },
		answers: worksheetKey(db, lesson.id, bankOwnerFor(lesson, user))
	};
};
