import { gradebookCsv } from '$lib/quiz/export/csv';
import { db } from '$lib/server/db';
import { requireClassTeacher } from '$lib/server/auth/class-guard';
import { gradebookExport, getGradebook } from '$lib/server/gradebook';
import { attachmentHeaders, fileSlug } from '$lib/server/exports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { klass } = requireClassTeacher(event, event.params.id);
	const csv = gradebookCsv(gradebookExport(getGradebook(db, klass.id)));
	return new Response(csv, {
		headers: attachmentHeaders(`${fileSlug(klass.name)}-grades.csv`, 'text/csv; charset=utf-8')
	});
};
