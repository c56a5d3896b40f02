import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { formatDateTime } from '$lib/server/dates';
import { MAX_SOURCE_BYTES } from '$lib/content/validate';
import { parseForm } from '$lib/server/forms';
import { done, invalid, refused } from '$lib/server/form-result';
import { importRefusal, importShare } from '$lib/server/import-queue';
import {
	deleteImport,
	IMPORT_FORM_OUT_OF_DATE,
	importJobId,
	importJobOwner,
	importFormSchema,
	listImports,
	readImportText,
	startImport
} from '$lib/server/imports';
import {
	renameImportedLesson,
	renameImportedText,
	renameLessonSchema,
	renameTextSchema
} from '$lib/server/import-titles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireTeacher(event);
	return {
		// The import this form starts: the same form sent twice starts it once.
		importId: crypto.randomUUID(),
		share: importShare(db, user.id),
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
		v.regex(/^\d+$/, () => m.t_choose_text_delete()),
		v.transform(Number)
	)
});

export const actions: Actions = {
	import: async (event) => {
		const user = requireTeacher(event);
		// A refused import gives the whole pasted text back, so nothing is lost on a second try.
		const parsed = await parseForm(event.request, importFormSchema, MAX_SOURCE_BYTES);
		if (!parsed.ok) {
			return refused(parsed, 'import');
		}
		const fields = { title: parsed.data.title, text: parsed.data.text };
		const text = await readImportText(parsed.data);
		if (!text.ok) return invalid(400, { action: 'import', message: text.message, fields });
		// The same form sent again with the same text (a double click, a resend from history) shows
		// the import it started. No await between this check and storing the job: two copies
		// cannot both start.
		const jobId = parsed.data.importId
			? importJobId(parsed.data.importId, parsed.data.title, text.text)
			: crypto.randomUUID();
		const owner = importJobOwner(db, jobId);
		if (owner && owner !== user.id) {
			return invalid(400, { action: 'import', message: IMPORT_FORM_OUT_OF_DATE(), fields });
		}
		if (!owner) {
			// Too many imports of hers on their way, or more text than her share: refused, text kept.
			const refused = importRefusal(db, user.id, Buffer.byteLength(text.text));
			if (refused) return invalid(429, { action: 'import', message: refused, fields });
			const input = { ownerId: user.id, text: text.text, title: parsed.data.title };
			const started = startImport(db, jobId, input);
			if (!started.ok) return invalid(503, { action: 'import', message: started.message, fields });
		}
		redirect(303, `/teacher/import/${jobId}`);
	},
	delete: async (event) => {
		const user = requireTeacher(event);
		const parsed = await parseForm(event.request, deleteSchema);
		if (!parsed.ok) return invalid(400, { action: 'delete', message: parsed.message, fields: {} });
		if (!deleteImport(db, user.id, parsed.data.sourceId)) {
			return invalid(400, {
				action: 'delete',
				message: m.t_not_your_import(),
				fields: {}
			});
		}
		return done({ action: 'delete', success: m.t_text_deleted() });
	},
	renameText: async (event) => {
		const user = requireTeacher(event);
		const parsed = await parseForm(event.request, renameTextSchema);
		if (!parsed.ok) return invalid(400, { action: 'rename', message: parsed.message, fields: {} });
		const { sourceId, title } = parsed.data;
		if (!renameImportedText(db, user.id, sourceId, title)) {
			return invalid(400, {
				action: 'rename',
				message: m.t_not_your_import(),
				fields: {}
			});
		}
		return done({ action: 'rename', success: m.t_text_renamed({ title }) });
	},
	renameLesson: async (event) => {
		const user = requireTeacher(event);
		const parsed = await parseForm(event.request, renameLessonSchema);
		if (!parsed.ok) return invalid(400, { action: 'rename', message: parsed.message, fields: {} });
		const { slug, title } = parsed.data;
		if (!renameImportedLesson(db, user.id, slug, title)) {
			return invalid(400, {
				action: 'rename',
				message: m.t_lesson_not_yours(),
				fields: {}
			});
		}
		return done({ action: 'rename', success: m.t_lesson_renamed({ title }) });
	}
};
