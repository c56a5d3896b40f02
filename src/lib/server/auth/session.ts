import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/connection';
import { prepared } from '../db/client';
import { sessions, users } from '../db/schema';
import { writeFailureOf } from '../db/write-errors';

export const SESSION_COOKIE = 'sabaq_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Sliding expiry: a session used in its last 15 days is extended to a full 30 again. */
const RENEW_WITHIN_MS = 15 * DAY_MS;

export interface SessionUser {
	id: string;
	username: string;
	displayName: string;
	role: 'student' | 'teacher';
	/** An administrator: invites teachers, changes the bundled bank. */
	admin: boolean;
	/** Signed in with a one-time password a teacher made: must choose a new one first. */
	mustChangePassword?: boolean;
	/** The interface language the account chose (null: none chosen; see $lib/i18n/locale). */
	locale?: string | null;
}
export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}
export type SessionValidation =
	| { session: Session; user: SessionUser; fresh: boolean }
	| { session: null; user: null; fresh: false };

export function generateSessionToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The database stores only this hash: a leaked table does not leak usable tokens. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(db: Tx, token: string, userId: string, now = new Date()): Session {
	const session: Session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS)
	};
	db.insert(sessions).values(session).run();
	return session;
}

// Every signed-in request runs this: compiled once (see `prepared`).
const sessionWithUser = prepared((db) =>
	db
		.select({
			userId: sessions.userId,
			expiresAt: sessions.expiresAt,
			username: users.username,
			displayName: users.displayName,
			role: users.role,
			admin: users.admin,
			mustChangePassword: users.mustChangePassword,
			locale: users.locale
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('sessionId')))
		.prepare()
);

export function validateSessionToken(db: Db, token: string, now = new Date()): SessionValidation {
	const sessionId = sessionIdFromToken(token);
	const row = sessionWithUser(db).get({ sessionId });
	if (!row) return { session: null, user: null, fresh: false };

	const session: Session = { id: sessionId, userId: row.userId, expiresAt: row.expiresAt };
	const user: SessionUser = {
		id: row.userId,
		username: row.username,
		displayName: row.displayName,
		role: row.role,
		admin: row.admin,
		mustChangePassword: row.mustChangePassword,
		locale: row.locale
	};
	if (now.getTime() >= row.expiresAt.getTime()) {
		unlessUnwritable(() => db.delete(sessions).where(eq(sessions.id, session.id)).run());
		return { session: null, user: null, fresh: false };
	}
	let fresh = false;
	if (now.getTime() >= row.expiresAt.getTime() - RENEW_WITHIN_MS) {
		const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		fresh = unlessUnwritable(() =>
			db.update(sessions).set({ expiresAt }).where(eq(sessions.id, session.id)).run()
		);
		if (fresh) session.expiresAt = expiresAt;
	}
	return { session, user, fresh };
}

/**
 * Runs a write that reading a session only tidies up with: on a database that cannot be written (a
 * full disk) the session is still read, just not renewed. False when the write was refused.
 */
function unlessUnwritable(write: () => unknown): boolean {
	try {
		write();
		return true;
	} catch (error) {
		if (!writeFailureOf(error)) throw error;
		return false;
	}
}

export function invalidateSession(db: Tx, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(db: Tx, userId: string): void {
	db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
