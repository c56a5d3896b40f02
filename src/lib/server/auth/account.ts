import { and, eq, ne } from 'drizzle-orm';
import * as v from 'valibot';
import type { Tx } from '../db/connection';
import { sessions, users } from '../db/schema';
import { checkCredentials } from '../users';
import { hashPassword, passwordWeakness, PASSWORD_MAX_LENGTH } from './password';
import { invalidateUserSessions, type SessionUser } from './session';
import { signInKey, signInThrottle, throttledMessage } from './throttle';
import { m } from '$lib/paraglide/messages';
import { localizeCoreMessage } from '../core-messages';

/** A password field; `required` is read when the form is checked, in the request's language. */
const password = (required: () => string) =>
	v.pipe(
		v.string(required),
		v.minLength(1, required),
		v.maxLength(PASSWORD_MAX_LENGTH, () => m.password_max({ count: PASSWORD_MAX_LENGTH }))
	);

export const passwordChangeSchema = v.object({
	current: password(m.s_current_password_required),
	password: password(m.s_new_password_required),
	confirm: password(m.s_confirm_password_required)
});

export type PasswordChange = v.InferOutput<typeof passwordChangeSchema>;

/**
 * Changes a signed-in user's password after checking the current one (throttled as sign-in is,
 * so a borrowed session cannot guess it), and signs out every other session of the account.
 */
export async function changePassword(
	db: Tx,
	user: SessionUser,
	keepSessionId: string,
	address: string,
	input: PasswordChange
): Promise<
	{ ok: true } | { ok: false; status: 400 | 429; message: string; field?: keyof PasswordChange }
> {
	if (input.password !== input.confirm) {
		return { ok: false, status: 400, message: m.s_new_passwords_differ(), field: 'confirm' };
	}
	const weakness = passwordWeakness(input.password, user.username);
	if (weakness) {
		return { ok: false, status: 400, message: localizeCoreMessage(weakness), field: 'password' };
	}
	const key = signInKey(user.username, address);
	const wait = signInThrottle.begin(key);
	if (wait > 0) return { ok: false, status: 429, message: throttledMessage(user.username, wait) };
	if (!(await checkCredentials(db, user.username, input.current))) {
		return { ok: false, status: 400, message: m.s_current_password_wrong(), field: 'current' };
	}
	signInThrottle.succeeded(key);
	const passwordHash = await hashPassword(input.password);
	db.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
	db.delete(sessions)
		.where(and(eq(sessions.userId, user.id), ne(sessions.id, keepSessionId)))
		.run();
	return { ok: true };
}

/** Ends every session of the account, on every device, this one included. */
export function signOutEverywhere(db: Tx, userId: string): void {
	invalidateUserSessions(db, userId);
}

/** How many devices are signed in to the account now. */
export function countSessions(db: Tx, userId: string, now = Date.now()): number {
	return db
		.select({ id: sessions.id, expiresAt: sessions.expiresAt })
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.all()
		.filter((s) => s.expiresAt.getTime() > now).length;
}
