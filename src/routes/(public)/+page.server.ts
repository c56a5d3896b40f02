import { db } from '$lib/server/db';
import { listAssignmentsForStudent } from '$lib/server/assignments';
import { listFinishedAttempts, progressByLesson } from '$lib/server/attempts';
import { discloseHistory, studentRule } from '$lib/server/disclosure';
import { listLessons, shelvesBySource } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const lessons = listLessons(db, locals.user);
	if (locals.user?.role !== 'student')
		return { shelves: shelvesBySource(lessons), assignments: [] };
	const progress = progressByLesson(
		discloseHistory(studentRule(db, locals.user.id), listFinishedAttempts(db, locals.user.id))
	);
	return {
		shelves: shelvesBySource(
			lessons.map((l) => ({ ...l, progress: progress.get(l.slug) ?? null }))
		),
		assignments: listAssignmentsForStudent(db, locals.user.id)
	};
};
