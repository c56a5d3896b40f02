import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { invalidField, refused } from '$lib/server/form-result';
import { requireUser } from '$lib/server/auth/guards';
import { setDisplayName } from '$lib/server/auth/first-sign-in';
import { homeFor, safeRedirectTarget } from '$lib/server/auth/sign-in';
import { checkDisplayName, DISPLAY_NAME_MAX } from '$lib/people/names';
import { localizeCoreMessage } from '$lib/server/core-messages';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { displayName: user.displayName, username: user.username };
};

const nameSchema = v.object({
	displayName: v.pipe(
		v.string(() => m.name_required()),
		v.maxLength(500, () => m.name_too_long({ max: DISPLAY_NAME_MAX }))
	)
});

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const parsed = await parseForm(event.request, nameSchema);
		if (!parsed.ok) return refused(parsed);
		const name = checkDisplayName(parsed.data.displayName);
		if (!name.ok) {
			return invalidField(400, 'displayName', {
				message: localizeCoreMessage(name.message),
				fields: { displayName: parsed.data.displayName }
			});
		}
		setDisplayName(db, user.id, name.value);
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo'), homeFor(user.role)));
	}
};
