import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connection';
import { statement } from '../db/client';
import { sessions } from '../db/schema';

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

export function validateSessionToken(db: Db, token: string, now = new Date()): SessionValidation {
	const sessionId = sessionIdFromToken(token);
	// Every signed-in request runs this: one compiled statement, no query builder.
	const row = statement(
		db,
		`select s.user_id as userId, s.expires_at as expiresAt,
		        u.username, u.display_name as displayName, u.role, u.admin
		 from sessions s join users u on u.id = s.user_id where s.id = ?`
	).get(sessionId) as
		| {
				userId: string;
				expiresAt: number;
				username: string;
				displayName: string;
				role: SessionUser['role'];
				admin: number;
		  }
		| undefined;
	if (!row) return { session: null, user: null, fresh: false };

	const session: Session = {
		id: sessionId,
		userId: row.userId,
		expiresAt: new Date(row.expiresAt)
	};
	const user: SessionUser = {
		id: row.userId,
		username: row.username,
		displayName: row.displayName,
		role: row.role,
		admin: row.admin === 1
	};
	if (now.getTime() >= row.expiresAt) {
		db.delete(sessions).where(eq(sessions.id, session.id)).run();
		return { session: null, user: null, fresh: false };
	}
	let fresh = false;
	if (now.getTime() >= row.expiresAt - RENEW_WITHIN_MS) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		db.update(sessions)
			.set({ expiresAt: session.expiresAt })
			.where(eq(sessions.id, session.id))
			.run();
		fresh = true;
	}
	return { session, user, fresh };
}

export function invalidateSession(db: Tx, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(db: Tx, userId: string): void {
	db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
