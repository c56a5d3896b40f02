/**
 * The interface language of each request, decided once here (account → cookie → Accept-Language
 * → English, see $lib/i18n/locale) and kept on the request's locals, where Paraglide's getLocale()
 * reads it through SvelteKit's own request store: every message rendered or returned while
 * answering the request is in that language. A second AsyncLocalStorage entered on every request
 * would add its cost to every promise; ours is entered only by `withLocale` (tests, scripts).
 * Cheaper than paraglideMiddleware, which re-parses the request for every strategy.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Cookies, Handle } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { eq } from 'drizzle-orm';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { chooseLocale, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from '$lib/i18n/locale';
import type { Tx } from './db/connection';
import { users } from './db/schema';
import { VISITOR_VARY } from './page-cache';

type LocaleStore = { locale?: Locale };
const outsideRequests = new AsyncLocalStorage<LocaleStore>();
// One store object per language: getLocale() runs for every message, so it allocates nothing.
const stores = Object.fromEntries(LOCALES.map((l) => [l, { locale: l }])) as Record<
	Locale,
	LocaleStore
>;

/** The request's language; undefined outside a request (Paraglide then uses its base locale). */
function requestStore(): LocaleStore | undefined {
	const own = outsideRequests.getStore();
	if (own) return own;
	try {
		const locale = getRequestEvent().locals.locale;
		return locale ? stores[locale] : undefined;
	} catch {
		return undefined; // not answering a request: a script or a test
	}
}

overwriteServerAsyncLocalStorage({
	getStore: requestStore,
	run: (store: LocaleStore, work: () => unknown) => outsideRequests.run(store, work)
} as never);

/** Runs `work` with messages in `locale` (tests, scripts). */
export function withLocale<T>(locale: Locale, work: () => T): T {
	return outsideRequests.run({ locale }, work);
}

export function savedLocale(db: Tx, userId: string): string | null {
	return (
		db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get()?.locale ??
		null
	);
}

export function saveLocale(db: Tx, userId: string, locale: Locale) {
	db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/**
 * At sign-in or registration: a language chosen with the switcher before (the cookie) becomes the
 * account's, unless the account already has one.
 */
export function adoptLocaleChoice(db: Tx, userId: string, cookies: Cookies) {
	const chosen = cookies.get(LOCALE_COOKIE);
	if (isLocale(chosen) && !savedLocale(db, userId)) saveLocale(db, userId, chosen);
}

export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale) {
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 400
	});
}

export const localeHandle: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	const locale = chooseLocale({
		// Read with the session (one compiled query), not asked for again on every request.
		saved: user?.locale ?? null,
		cookie: event.cookies.get(LOCALE_COOKIE),
		acceptLanguage: event.request.headers.get('accept-language')
	});
	event.locals.locale = locale;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%sabaq.lang%', locale)
	});
	// The same address answers in several languages: caches must tell them apart.
	if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
		response.headers.set('Vary', VISITOR_VARY);
		// The static error page (src/error.html) is no rendered page: give it its lang here.
		if (response.status >= 400) return withErrorPageLang(response, locale);
	}
	return response;
};

async function withErrorPageLang(response: Response, locale: Locale): Promise<Response> {
	const html = await response.text();
	if (!html.includes('%sabaq.lang%')) return new Response(html, response);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(html.replace('%sabaq.lang%', locale), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
