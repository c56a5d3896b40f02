import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { getImportJob } from '$lib/server/imports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireTeacher(event);
	const job = getImportJob(db, event.params.jobId, user.id);
	if (!job) error(404, 'There is no import at this address.');
	return { job };
};
