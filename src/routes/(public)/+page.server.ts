import { db } from '$lib/server/db';
import { listAssignmentsForStudent } from '$lib/server/assignments';
import { listFinishedAttempts, progressByLesson } from '$lib/server/attempts';
import { discloseHistory, studentRule } from '$lib/server/disclosure';
import { listLessons, shelvesBySource } from '$lib/server/lessons';
import { homeShelves, pageParam } from '$lib/server/shelves';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const lessons = listLessons(db, locals.user);
	// Imported texts come a few at a time (?texts=N), each with its first lessons only.
	const page = pageParam(url.searchParams.get('texts'));
	if (locals.user?.role !== 'student')
		return { ...homeShelves(shelvesBySource(lessons), page), assignments: [] };
	const progress = progressByLesson(
		discloseHistory(studentRule(db, locals.user.id), listFinishedAttempts(db, locals.user.id))
	);
	return {
		...homeShelves(
			shelvesBySource(lessons.map((l) => ({ ...l, progress: progress.get(l.slug) ?? null }))),
			page
		),
		assignments: listAssignmentsForStudent(db, locals.user.id)
	};
};
