import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { adoptLocaleChoice } from '$lib/server/i18n';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { invalid, refused } from '$lib/server/form-result';
import { loginSchema } from '$lib/server/auth/schemas';
import { homeFor, safeRedirectTarget, startSession } from '$lib/server/auth/sign-in';
import { signInKey, signInThrottle, throttledMessage } from '$lib/server/auth/throttle';
import { checkCredentials } from '$lib/server/users';
import { afterSignIn } from '$lib/server/auth/first-sign-in';
import { joinFromLink, joinLinkCode } from '$lib/server/join';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, homeFor(locals.user.role));
	// Came from a class's join link: the page says signing in joins that class.
	return { joinCode: joinLinkCode(safeRedirectTarget(url.searchParams.get('redirectTo'), '/')) };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = await parseForm(request, loginSchema);
		if (!parsed.ok) return refused(parsed);
		const { username, password } = parsed.data;
		const fields = { username };

		// Counted before the password is checked; forgiven below when it was right.
		const throttleKey = signInKey(username, getClientAddress());
		const wait = signInThrottle.begin(throttleKey);
		if (wait > 0) {
			return invalid(429, { message: throttledMessage(username, wait), fields });
		}

		const user = await checkCredentials(db, username, password);
		if (!user) return invalid(400, { message: m.wrong_credentials(), fields });
		signInThrottle.succeeded(throttleKey);
		startSession(db, cookies, url, user.id);
		adoptLocaleChoice(db, user.id, cookies);
		const target = safeRedirectTarget(url.searchParams.get('redirectTo'), homeFor(user.role));
		joinFromLink(db, user, getClientAddress(), target);
		redirect(303, afterSignIn(user, target));
	}
};
