import { db } from '$lib/server/db';
import { requireStudent } from '$lib/server/auth/guards';
import { listFinishedAttempts, progressByLesson } from '$lib/server/attempts';
import { discloseHistory, studentRule } from '$lib/server/disclosure';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireStudent(event);
	const entries = discloseHistory(studentRule(db, user.id), listFinishedAttempts(db, user.id));
	const perLesson = [...progressByLesson(entries)].map(([slug, p]) => ({
		slug,
		title: entries.find((e) => e.lessonSlug === slug)!.lessonTitle,
		...p
	}));
	return {
		entries: entries.toReversed(),
		perLesson,
		chart: entries.filter((e) => e.shown)
	};
};
