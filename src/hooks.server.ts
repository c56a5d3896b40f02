import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { db } from '$lib/server/db';
import { startUp } from '$lib/server/startup';
import { cannotSave, handleCannotSaveError } from '$lib/server/cannot-save';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { firstSignInGate } from '$lib/server/auth/first-sign-in';
import { cachedPage, isCacheable, rememberPage } from '$lib/server/page-cache';
import { localeHandle } from '$lib/server/i18n';

export const init: ServerInit = async () => {
	if (building) return;
	// On a database that cannot be written this starts a read-only service and says so.
	startUp(db);
};

// A write the database refuses (a full disk, a read-only file) answers 503 with a clear message.
export const handleError: HandleServerError = handleCannotSaveError;

const authenticate: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user, fresh } = validateSessionToken(db, token);
	if (session && fresh) setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	if (!session) deleteSessionCookie(event.cookies, event.url);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

/** Pages that are the same for every visitor come from memory (see page-cache). */
const anonymousPages: Handle = async ({ event, resolve }) => {
	if (!isCacheable(event.request, event.url, event.locals.user !== null)) return resolve(event);
	const locale = event.locals.locale;
	return (
		cachedPage(db, locale, event.url) ?? rememberPage(db, locale, event.url, await resolve(event))
	);
};

// The page cache sits inside securityHeaders' wrapping so cached pages keep those headers.
// firstSignInGate: a one-time password from a teacher leads to choosing one's own first.
export const handle = sequence(
	cannotSave,
	authenticate,
	// The interface language, decided once after sign-in is known (the account's choice first).
	localeHandle,
	anonymousPages,
	securityHeaders,
	firstSignInGate
);
