import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { done, invalid } from '$lib/server/form-result';
import { m } from '$lib/paraglide/messages';
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
		if (!parsed.ok) return invalid(400, { message: parsed.message, errors: parsed.errors });
		const session = event.locals.session!;
		const address = event.getClientAddress();
		const result = await changePassword(db, user, session.id, address, parsed.data);
		if (!result.ok) {
			const { status, message, field } = result;
			return invalid(status, { message, errors: field ? { [field]: message } : {} });
		}
		return done({ success: m.s_password_changed() });
	},
	signOutEverywhere: async (event) => {
		const user = requireUser(event);
		signOutEverywhere(db, user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/login');
	}
};
