import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms';
import { invalid, refused } from '$lib/server/form-result';
import { defaultValues, gameOrigin, startGame } from '$lib/server/live/start';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireTeacher(event);
	const origin = gameOrigin(db, user, event.url);
	return { origin, values: defaultValues(origin) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireTeacher(event);
		const origin = gameOrigin(db, user, event.url);
		const { form, message } = await readForm(event.request);
		if (!form) return invalid(400, { message, fields: defaultValues(origin) });
		const result = startGame(db, user, origin, form);
		if (!result.ok) return refused(result);
		redirect(303, `/teacher/live/${result.game.id}`);
	}
};
