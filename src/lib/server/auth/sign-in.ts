import type { Cookies } from '@sveltejs/kit';
import type { Tx } from '../db/connection';
import { setSessionCookie } from './cookies';
import { createSession, generateSessionToken } from './session';

export function startSession(db: Tx, cookies: Cookies, url: URL, userId: string) {
	const token = generateSessionToken();
	const session = createSession(db, token, userId);
	setSessionCookie(cookies, url, token, session.expiresAt);
}

/** Only same-site paths: never let a redirectTo parameter send people elsewhere. */
export function safeRedirectTarget(value: string | null, fallback: string): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
		return fallback;
	return value;
}

export function homeFor(role: 'student' | 'teacher') {
	return role === 'teacher' ? '/teacher' : '/';
}
