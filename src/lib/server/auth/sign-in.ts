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
 * "/\t/evil.example" means "//evil.example") and comes back normalised and percent-encoded, so
 * that control characters or non-ASCII letters cannot make the header invalid. A path that
 * normalises to two leading slashes ("/.//evil.example", "/a/..//evil.example") would name
 * another host: its leading slashes become one.
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
	const target = url.pathname.replace(/^\/+/, '/') + url.search + url.hash;
	// The answer, read back as a browser would, must still be a path of this site.
	return new URL(target, SAME_SITE).origin === SAME_SITE ? target : fallback;
}

export function homeFor(role: 'student' | 'teacher') {
	return role === 'teacher' ? '/teacher' : '/';
}
