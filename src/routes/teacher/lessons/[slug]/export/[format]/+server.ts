import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireTeacherLesson } from '$lib/server/auth/lesson-guard';
import {
	attachmentHeaders,
	EXPORT_FORMATS,
	enabledBank,
	isExportFormat,
	renderExport
} from '$lib/server/exports';
import { bankOwnerFor } from '$lib/server/bank-versions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { user, lesson } = requireTeacherLesson(event, event.params.slug);
	const format = event.params.format;
	if (!isExportFormat(format)) error(404, 'Exports come as gift, moodle-xml, qti or json.');
	const bank = enabledBank(
		db,
		lesson.id,
		`${lesson.sourceTitle}: ${lesson.title}`,
		bankOwnerFor(lesson, user)
	);
	const { suffix, type } = EXPORT_FORMATS[format];
	const body = renderExport(bank, format);
	return new Response(typeof body === 'string' ? body : new Blob([body as BlobPart]), {
		headers: attachmentHeaders(`${lesson.slug}${suffix}`, type)
	});
};
