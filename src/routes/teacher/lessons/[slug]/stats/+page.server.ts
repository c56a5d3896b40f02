import { db } from '$lib/server/db';
import { requireTeacherLesson } from '$lib/server/auth/lesson-guard';
import { getLessonPage } from '$lib/server/lessons';
import { lessonStats } from '$lib/server/question-stats';
import { bankOwnerFor } from '$lib/server/bank-versions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, lesson } = requireTeacherLesson(event, event.params.slug);
	const page = getLessonPage(db, lesson.slug, user);
	return {
		lesson: { slug: lesson.slug, title: lesson.title },
		stats: lessonStats(
			db,
			lesson.id,
			{ lessonId: lesson.id, teacherId: user.id },
			bankOwnerFor(lesson, user)
		),
		text: page ? { sentences: page.body.sentences, paragraphs: page.body.paragraphs.length } : null
	};
};
