/**
 * What a person must do right after signing in: choose their own password when they signed in
 * with a one-time password a teacher made (enforced on every request until done). A student
 * account without a name (made before names were required) is asked for one on the home page.
 */
import type { Handle } from '@sveltejs/kit';
import { and, eq, ne } from 'drizzle-orm';
import * as v from 'valibot';
import type { Tx } from '../db/connection';
import { sessions, users } from '../db/schema';
import { hashPassword, passwordWeakness, PASSWORD_MAX_LENGTH, verifyPassword } from './password';
import type { SessionUser } from './session';
import { m } from '$lib/paraglide/messages';
import { localizeCoreMessage } from '../core-messages';

export const NEW_PASSWORD_PATH = '/account/new-password';
export const NAME_PATH = '/account/name';

/** Open to a person who has yet to choose a password: that page, signing out, the language. */
const OPEN_BEFORE_NEW_PASSWORD = new Set([NEW_PASSWORD_PATH, '/logout', '/language', '/healthz']);

/** Where a person goes after signing in, on the way to `target`. */
export function afterSignIn(user: SessionUser, target: string): string {
	if (!user.mustChangePassword) return target;
	return `${NEW_PASSWORD_PATH}?redirectTo=${encodeURIComponent(target)}`;
}

/** Until the one-time password is replaced, every other page leads to the new-password page. */
export const firstSignInGate: Handle = ({ event, resolve }) => {
	const user = event.locals.user;
	if (!user?.mustChangePassword || OPEN_BEFORE_NEW_PASSWORD.has(event.url.pathname)) {
		return resolve(event);
	}
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		return new Response(m.s_choose_password_first(), {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	const back = encodeURIComponent(event.url.pathname + event.url.search);
	return new Response(null, {
		status: 303,
		headers: { location: `${NEW_PASSWORD_PATH}?redirectTo=${back}` }
	});
};

/** A password field; `required` is read when the form is checked, in the request's language. */
const password = (required: () => string) =>
	v.pipe(
		v.string(required),
		v.minLength(1, required),
		v.maxLength(PASSWORD_MAX_LENGTH, () => m.password_max({ count: PASSWORD_MAX_LENGTH }))
	);

export const newPasswordSchema = v.object({
	password: password(m.s_new_password_required),
	confirm: password(m.s_confirm_password_required)
});

/**
 * Replaces a one-time password with the person's own. The one-time password itself is refused,
 * and every other session of the account (one the teacher may have opened) is signed out.
 */
export async function setOwnPassword(
	db: Tx,
	user: SessionUser,
	keepSessionId: string,
	input: v.InferOutput<typeof newPasswordSchema>
): Promise<{ ok: true } | { ok: false; message: string; field: 'password' | 'confirm' }> {
	if (input.password !== input.confirm) {
		return { ok: false, message: m.s_passwords_differ(), field: 'confirm' };
	}
	const weakness = passwordWeakness(input.password, user.username);
	if (weakness) return { ok: false, message: localizeCoreMessage(weakness), field: 'password' };
	const row = db.select().from(users).where(eq(users.id, user.id)).get();
	if (row && (await verifyPassword(row.passwordHash, input.password))) {
		return {
			ok: false,
			message: m.s_not_the_one_time_password(),
			field: 'password'
		};
	}
	const passwordHash = await hashPassword(input.password);
	db.update(users)
		.set({ passwordHash, mustChangePassword: false })
		.where(eq(users.id, user.id))
		.run();
	db.delete(sessions)
		.where(and(eq(sessions.userId, user.id), ne(sessions.id, keepSessionId)))
		.run();
	return { ok: true };
}

export function setDisplayName(db: Tx, userId: string, displayName: string): void {
	db.update(users).set({ displayName }).where(eq(users.id, userId)).run();
}
