import type { Cookies } from '@sveltejs/kit';
import type { Tx } from '../db/connection';
import { setSessionCookie } from './cookies';
import { createSession, generateSessionToken } from './session';

export function startSession(db: Tx, cookies: Cookies, url: URL, userId: string) {
	const token = generateSessionToken();
	const session = createSession(db, token, userId);
	setSessionCookie(cookies, url, token, session.expiresAt);
}

const SAME_SITE = 'http://sabaq.invalid';

/**
 * Only same-site paths: never let a redirectTo parameter send people elsewhere. The value is
 * resolved as a browser would resolve the Location header (which drops tabs and newlines, so
 * "/\t/evil.example" means "//evil.example") and comes back percent-encoded, so that control
 * characters or non-ASCII letters cannot make the header invalid.
 */
export function safeRedirectTarget(value: string | null, fallback: string): string {
	if (!value || !value.startsWith('/')) return fallback;
	let url: URL;
	try {
		url = new URL(value, SAME_SITE);
	} catch {
		return fallback;
	}
	if (url.origin !== SAME_SITE) return fallback;
	return url.pathname + url.search + url.hash;
}

export function homeFor(role: 'student' | 'teacher') {
	return role === 'teacher' ? '/teacher' : '/';
}
