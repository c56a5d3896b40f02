import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { adoptLocaleChoice } from '$lib/server/i18n';
import { localizeCoreMessage } from '$lib/server/core-messages';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { invalidField, refused } from '$lib/server/form-result';
import { passwordWeakness } from '$lib/server/auth/password';
import { nameForRole, registerSchema } from '$lib/server/auth/schemas';
import { joinFromLink, joinLinkCode } from '$lib/server/join';
import { homeFor, safeRedirectTarget, startSession } from '$lib/server/auth/sign-in';
import { createUser } from '$lib/server/users';
import { registerTeacher } from '$lib/server/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, homeFor(locals.user.role));
	// Came from a class's join link: the page says the new account joins that class.
	return { joinCode: joinLinkCode(safeRedirectTarget(url.searchParams.get('redirectTo'), '/')) };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = await parseForm(request, registerSchema);
		if (!parsed.ok) return refused(parsed);
		const { username, password, role, invite } = parsed.data;
		const fields = { username, role, displayName: parsed.data.displayName, invite };
		const name = nameForRole(role, parsed.data.displayName);
		if (!name.ok) {
			return invalidField(400, 'displayName', {
				message: localizeCoreMessage(name.message),
				fields
			});
		}
		const displayName = name.value;

		if (role === 'teacher' && !invite) {
			return invalidField(400, 'invite', { message: m.teacher_needs_invitation(), fields });
		}
		const weakness = passwordWeakness(password, username);
		if (weakness) {
			return invalidField(400, 'password', { message: localizeCoreMessage(weakness), fields });
		}

		const taken = m.username_taken({ username });
		let user;
		if (role === 'teacher') {
			const result = await registerTeacher(db, { username, password, displayName }, invite);
			if (!result.ok) {
				return invalidField(400, result.reason === 'taken' ? 'username' : 'invite', {
					message: result.reason === 'taken' ? taken : m.invalid_invitation(),
					fields: result.reason === 'taken' ? fields : { ...fields, invite: '' }
				});
			}
			user = result.user;
		} else {
			user = await createUser(db, { username, password, role, displayName });
			if (!user) return invalidField(400, 'username', { message: taken, fields });
		}
		startSession(db, cookies, url, user.id);
		adoptLocaleChoice(db, user.id, cookies);
		const target = safeRedirectTarget(url.searchParams.get('redirectTo'), homeFor(role));
		joinFromLink(db, user, getClientAddress(), target);
		redirect(303, target);
	}
};
