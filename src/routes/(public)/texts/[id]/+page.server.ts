import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { listFinishedAttempts, progressByLesson } from '$lib/server/attempts';
import { discloseHistory, studentRule } from '$lib/server/disclosure';
import { canSeeLesson, lessonsOfSource } from '$lib/server/lessons';
import { clip, pageParam, textPage } from '$lib/server/shelves';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const lessons = /^\d+$/.test(params.id) ? lessonsOfSource(db, Number(params.id)) : [];
	if (!lessons.length || !canSeeLesson(db, lessons[0], locals.user)) {
		error(404, m.no_text_here());
	}
	const page = textPage(lessons, pageParam(url.searchParams.get('page')));
	const progress =
		locals.user?.role === 'student'
			? progressByLesson(
					discloseHistory(studentRule(db, locals.user.id), listFinishedAttempts(db, locals.user.id))
				)
			: new Map();
	return {
		sourceId: lessons[0].sourceId,
		title: clip(lessons[0].sourceTitle, 150),
		total: lessons.length,
		...page,
		lessons: page.lessons.map((l) => ({ ...l, progress: progress.get(l.slug) ?? null }))
	};
};
