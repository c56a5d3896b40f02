import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getLessonPage } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const lesson = getLessonPage(db, params.slug, locals.user);
	if (!lesson) error(404, 'There is no lesson at this address.');
	return { lesson };
};
