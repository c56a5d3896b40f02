import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { saveLocale, setLocaleCookie } from '$lib/server/i18n';
import { isLocale } from '$lib/i18n/locale';
import { readFormData } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	redirect(303, '/');
};

/** Only an address on this site: a path, never `//host` or a full URL. */
function returnPath(value: FormDataEntryValue | null): string {
	const path = typeof value === 'string' ? value : '';
	return /^\/(?![/\\])/.test(path) ? path : '/';
}

/** The language switcher in the header: kept on the account when signed in, in a cookie always. */
export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		// An unreadable body changes nothing and goes home.
		const form = await readFormData(request);
		const locale = form?.get('locale') ?? null;
		const back = returnPath(form?.get('return') ?? null);
		if (isLocale(locale)) {
			if (locals.user) saveLocale(db, locals.user.id, locale);
			setLocaleCookie(cookies, url, locale);
		}
		redirect(303, back);
	}
};
