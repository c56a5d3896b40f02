import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { db } from '$lib/server/db';
import { runMigrations } from '$lib/server/db/connection';
import { seedBundledContent } from '$lib/server/seed';
import { discardInterruptedImports } from '$lib/server/imports';
import { announceSetupCode } from '$lib/server/setup';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { cachedPage, isCacheable, publishPages, rememberPage } from '$lib/server/page-cache';

export const init: ServerInit = async () => {
	if (building) return;
	runMigrations(db);
	seedBundledContent(db);
	discardInterruptedImports(db);
	announceSetupCode(db);
	publishPages(db);
};

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
	return cachedPage(db, event.url) ?? rememberPage(db, event.url, await resolve(event));
};

// The page cache sits inside securityHeaders' wrapping so cached pages keep those headers.
export const handle = sequence(authenticate, anonymousPages, securityHeaders);
