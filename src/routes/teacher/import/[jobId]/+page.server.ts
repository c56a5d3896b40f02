import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeCoreMessage } from '$lib/server/core-messages';
import { db } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { getImportJob } from '$lib/server/imports';
import { importsAhead, waitingMessage } from '$lib/server/import-queue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireTeacher(event);
	const job = getImportJob(db, event.params.jobId, user.id);
	if (!job) error(404, m.t_no_import_here());
	// A job that waits for its turn says how many imports are before it.
	const ahead = job.status === 'running' ? importsAhead(job.id) : null;
	// Progress and outcome are stored in English (old rows too): shown in the page's language.
	const message = ahead === null ? job.message : waitingMessage(ahead);
	return { job: { ...job, message: localizeCoreMessage(message) } };
};
