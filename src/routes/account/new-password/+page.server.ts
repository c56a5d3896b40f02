import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { invalid, invalidField } from '$lib/server/form-result';
import { requireUser } from '$lib/server/auth/guards';
import { newPasswordSchema, setOwnPassword } from '$lib/server/auth/first-sign-in';
import { homeFor, safeRedirectTarget } from '$lib/server/auth/sign-in';
import type { Actions, PageServerLoad } from './$types';

const target = (url: URL, role: 'student' | 'teacher') =>
	safeRedirectTarget(url.searchParams.get('redirectTo'), homeFor(role));

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	// Only someone signed in with a one-time password has to choose one here.
	if (!user.mustChangePassword) redirect(303, target(event.url, user.role));
	return { username: user.username };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		if (!user.mustChangePassword) redirect(303, target(event.url, user.role));
		const parsed = await parseForm(event.request, newPasswordSchema);
		if (!parsed.ok) return invalid(400, { message: parsed.message, errors: parsed.errors });
		const result = await setOwnPassword(db, user, event.locals.session!.id, parsed.data);
		if (!result.ok) return invalidField(400, result.field, { message: result.message });
		redirect(303, target(event.url, user.role));
	}
};
