import { db } from '$lib/server/db';
import { listLessons } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const lessons = listLessons(db, locals.user);
	return { lessons };
};
