import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/auth/guards';
import {
	changePassword,
	countSessions,
	passwordChangeSchema,
	signOutEverywhere
} from '$lib/server/auth/account';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { sessions: countSessions(db, user.id) };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = await parseForm(event.request, passwordChangeSchema);
		if (!parsed.ok) return fail(400, { message: parsed.message });
		const session = event.locals.session!;
		const address = event.getClientAddress();
		const result = await changePassword(db, user, session.id, address, parsed.data);
		if (!result.ok) return fail(result.status, { message: result.message });
		return { changed: true };
	},
	signOutEverywhere: async (event) => {
		const user = requireUser(event);
		signOutEverywhere(db, user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/login');
	}
};
