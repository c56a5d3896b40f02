import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { passwordWeakness } from '$lib/server/auth/password';
import { registerSchema } from '$lib/server/auth/schemas';
import { homeFor, safeRedirectTarget, startSession } from '$lib/server/auth/sign-in';
import { createUser } from '$lib/server/users';
import { registerTeacher } from '$lib/server/invitations';
import type { Actions, PageServerLoad } from './$types';

const TEACHER_NEEDS_INVITATION =
	'A teacher account needs an invitation code from an administrator. Enter it under “Invitation code”.';
const INVALID_INVITATION =
	'This invitation code is not valid: it may be mistyped, used already or revoked. Ask your administrator for a new one.';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, homeFor(locals.user.role));
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const parsed = await parseForm(request, registerSchema);
		if (!parsed.ok) return fail(400, { message: parsed.message, fields: parsed.fields });
		const { username, password, role, displayName, invite } = parsed.data;
		const fields = { username, role, displayName, invite };

		if (role === 'teacher' && !invite) {
			return fail(400, { message: TEACHER_NEEDS_INVITATION, fields });
		}
		const weakness = passwordWeakness(password, username);
		if (weakness) return fail(400, { message: weakness, fields });

		const taken = `The username “${username}” is taken. Choose another.`;
		let user;
		if (role === 'teacher') {
			const result = await registerTeacher(db, { username, password, displayName }, invite);
			if (!result.ok) {
				return fail(400, {
					message: result.reason === 'taken' ? taken : INVALID_INVITATION,
					fields: result.reason === 'taken' ? fields : { ...fields, invite: '' }
				});
			}
			user = result.user;
		} else {
			user = await createUser(db, { username, password, role, displayName });
			if (!user) return fail(400, { message: taken, fields });
		}
		startSession(db, cookies, url, user.id);
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), homeFor(role)));
	}
};
