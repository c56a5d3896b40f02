import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { formatDateTime } from '$lib/server/dates';
import { MAX_SOURCE_BYTES } from '$lib/content/validate';
import { parseForm } from '$lib/server/forms';
import {
	createImportJob,
	deleteImport,
	IMPORT_FORM_OUT_OF_DATE,
	importJobId,
	importJobOwner,
	importFormSchema,
	listImports,
	readImportText,
	scheduleImport
} from '$lib/server/imports';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireTeacher(event);
	return {
		// The import this form starts: the same form sent twice starts it once.
		importId: crypto.randomUUID(),
		imports: listImports(db, user.id).map((s) => ({
			id: s.id,
			title: s.title,
			created: formatDateTime(s.createdAt),
			lessons: s.lessons
		}))
	};
};

const deleteSchema = v.object({
	sourceId: v.pipe(
		v.optional(v.string(), ''),
		v.regex(/^\d+$/, 'Choose a text to delete.'),
		v.transform(Number)
	)
});

export const actions: Actions = {
	import: async (event) => {
		const user = requireTeacher(event);
		// A refused import gives the whole pasted text back, so nothing is lost on a second try.
		const parsed = await parseForm(event.request, importFormSchema, MAX_SOURCE_BYTES);
		if (!parsed.ok) {
			return fail(400, { action: 'import', message: parsed.message, fields: parsed.fields });
		}
		const fields = { title: parsed.data.title, text: parsed.data.text };
		const text = await readImportText(parsed.data);
		if (!text.ok) return fail(400, { action: 'import', message: text.message, fields });
		// The same form sent again with the same text (a double click, a resend from history) shows
		// the import it started. No await between this check and storing the job: two copies
		// cannot both start.
		const jobId = parsed.data.importId
			? importJobId(parsed.data.importId, parsed.data.title, text.text)
			: crypto.randomUUID();
		const owner = importJobOwner(db, jobId);
		if (owner && owner !== user.id) {
			return fail(400, { action: 'import', message: IMPORT_FORM_OUT_OF_DATE, fields });
		}
		if (!owner) {
			createImportJob(db, user.id, jobId);
			scheduleImport(db, jobId, { ownerId: user.id, text: text.text, title: parsed.data.title });
		}
		redirect(303, `/teacher/import/${jobId}`);
	},
	delete: async (event) => {
		const user = requireTeacher(event);
		const parsed = await parseForm(event.request, deleteSchema);
		if (!parsed.ok) return fail(400, { action: 'delete', message: parsed.message, fields: {} });
		if (!deleteImport(db, user.id, parsed.data.sourceId)) {
			return fail(400, {
				action: 'delete',
				message: 'That text is not one of your imports.',
				fields: {}
			});
		}
		return { action: 'delete', success: 'The text and its lessons were deleted.' };
	}
};
