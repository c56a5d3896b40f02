import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { passwordWeakness } from '$lib/server/auth/password';
import { registerSchema } from '$lib/server/auth/schemas';
import { homeFor, safeRedirectTarget, startSession } from '$lib/server/auth/sign-in';
import { createUser } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, homeFor(locals.user.role));
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const parsed = await parseForm(request, registerSchema);
		if (!parsed.ok) return fail(400, { message: parsed.message, fields: parsed.fields });
		const { username, password, role, displayName } = parsed.data;
		const fields = { username, role, displayName };

		const weakness = passwordWeakness(password, username);
		if (weakness) return fail(400, { message: weakness, fields });

		const user = await createUser(db, { username, password, role, displayName });
		if (!user) {
			return fail(400, { message: `The username “${username}” is taken. Choose another.`, fields });
		}
		startSession(db, cookies, url, user.id);
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), homeFor(role)));
	}
};
