import { m } from '$lib/paraglide/messages';
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { createClass, listClassesForTeacher } from '$lib/server/classes';
import { parseForm, textField } from '$lib/server/forms';
import { refused } from '$lib/server/form-result';
import { listLessons } from '$lib/server/lessons';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireTeacher(event);
	const classes = listClassesForTeacher(db, user.id);
	const lessons = listLessons(db, user).map((l) => ({
		slug: l.slug,
		title: l.title,
		sourceTitle: l.sourceTitle,
		questionCount: l.questionCount,
		imported: l.ownerId !== null
	}));
	return {
		active: classes.filter((c) => !c.archived),
		archived: classes.filter((c) => c.archived),
		lessons
	};
};

const classSchema = v.object({ name: v.optional(textField(m.class_name, 1, 80), '') });

export const actions: Actions = {
	createClass: async (event) => {
		const user = requireTeacher(event);
		const parsed = await parseForm(event.request, classSchema);
		if (!parsed.ok) return refused(parsed);
		const created = createClass(db, user.id, parsed.data.name);
		redirect(303, `/teacher/classes/${created.id}`);
	}
};
