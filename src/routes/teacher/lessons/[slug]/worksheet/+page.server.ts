import { db } from '$lib/server/db';
import { requireTeacherLesson } from '$lib/server/auth/lesson-guard';
import { bankOwnerFor } from '$lib/server/bank-versions';
import { worksheetQuestions } from '$lib/server/worksheet';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, lesson } = requireTeacherLesson(event, event.params.slug);
	return {
		lesson: { slug: lesson.slug, title: lesson.title },
		questions: worksheetQuestions(db, lesson.id, bankOwnerFor(lesson, user))
	};
};
