import { and, eq, ne } from 'drizzle-orm';
import * as v from 'valibot';
import type { Tx } from '../db/connection';
import { sessions, users } from '../db/schema';
import { checkCredentials } from '../users';
import { hashPassword, passwordWeakness, PASSWORD_MAX_LENGTH } from './password';
import { invalidateUserSessions, type SessionUser } from './session';
import { signInKey, signInThrottle, throttledMessage } from './throttle';

const password = (label: string) =>
	v.pipe(
		v.string(`${label} is required.`),
		v.minLength(1, `${label} is required.`),
		v.maxLength(
			PASSWORD_MAX_LENGTH,
			`Use at most ${PASSWORD_MAX_LENGTH} characters for a password.`
		)
	);

export const passwordChangeSchema = v.object({
	current: password('Your current password'),
	password: password('A new password'),
	confirm: password('The new password, typed again,')
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
): Promise<{ ok: true } | { ok: false; status: 400 | 429; message: string }> {
	if (input.password !== input.confirm) {
		return { ok: false, status: 400, message: 'The two new passwords differ. Type them again.' };
	}
	const weakness = passwordWeakness(input.password, user.username);
	if (weakness) return { ok: false, status: 400, message: weakness };
	const key = signInKey(user.username, address);
	const wait = signInThrottle.begin(key);
	if (wait > 0) return { ok: false, status: 429, message: throttledMessage(user.username, wait) };
	if (!(await checkCredentials(db, user.username, input.current))) {
		return { ok: false, status: 400, message: 'Your current password is not right.' };
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
