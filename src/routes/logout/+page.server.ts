import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) invalidateSession(db, locals.session.id);
		deleteSessionCookie(cookies, url);
		redirect(303, '/');
	}
};
