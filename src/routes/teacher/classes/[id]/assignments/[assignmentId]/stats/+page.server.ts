import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { requireClassTeacher } from '$lib/server/auth/class-guard';
import { getAssignmentInClass } from '$lib/server/assignments';
import { getLessonPage } from '$lib/server/lessons';
import { lessonStats } from '$lib/server/question-stats';
import { assignmentBankOwner } from '$lib/server/bank-versions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, klass } = requireClassTeacher(event, event.params.id);
	const found = getAssignmentInClass(db, klass.id, event.params.assignmentId);
	if (!found) error(404, m.t_no_assignment_here());
	const page = getLessonPage(db, found.lessonSlug, user);
	return {
		klass: { id: klass.id, name: klass.name },
		lesson: { slug: found.lessonSlug, title: found.lessonTitle },
		stats: lessonStats(
			db,
			found.assignment.lessonId,
			{ assignmentId: found.assignment.id },
			assignmentBankOwner(db, found.assignment.id)
		),
		text: page ? { sentences: page.body.sentences, paragraphs: page.body.paragraphs.length } : null
	};
};
