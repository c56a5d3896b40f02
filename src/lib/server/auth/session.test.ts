import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createReadOnlyDatabase, createTestDatabase } from '../db/test-db';
import { sessions, users } from '../db/schema';
import {
	SESSION_LIFETIME_MS,
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionIdFromToken,
	validateSessionToken
} from './session';

const DAY = 86_400_000;

describe('sessions', () => {
	let db: ReturnType<typeof createTestDatabase>['db'];

	beforeEach(() => {
		db = createTestDatabase().db;
		db.insert(users)
			.values({ id: 'u1', username: 'aigerim', passwordHash: 'x', role: 'student' })
			.run();
	});

	it('stores only the SHA-256 of the token', () => {
		const token = generateSessionToken();
		createSession(db, token, 'u1');
		const rows = db.select().from(sessions).all();
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(sessionIdFromToken(token));
		expect(rows[0].id).not.toContain(token);
		expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
	});

	it('tokens are random and long', () => {
		const a = generateSessionToken();
		expect(a.length).toBeGreaterThanOrEqual(32);
		expect(generateSessionToken()).not.toBe(a);
	});

	it('validates a fresh session and returns its user', () => {
		const token = generateSessionToken();
		const now = new Date('2026-01-01T00:00:00Z');
		createSession(db, token, 'u1', now);
		const result = validateSessionToken(db, token, new Date(now.getTime() + DAY));
		expect(result.user?.username).toBe('aigerim');
		expect(result.fresh).toBe(false);
	});

	it('brings the account’s chosen interface language with the user, none until one is chosen', () => {
		const token = generateSessionToken();
		createSession(db, token, 'u1');
		expect(validateSessionToken(db, token).user?.locale).toBeNull();
		db.update(users).set({ locale: 'kk' }).where(eq(users.id, 'u1')).run();
		expect(validateSessionToken(db, token).user?.locale).toBe('kk');
	});

	it('refuses an unknown token', () => {
		expect(validateSessionToken(db, 'nope').session).toBeNull();
	});

	it('expires after 30 days and deletes the row', () => {
		const token = generateSessionToken();
		const now = new Date('2026-01-01T00:00:00Z');
		createSession(db, token, 'u1', now);
		const later = new Date(now.getTime() + SESSION_LIFETIME_MS + 1);
		expect(validateSessionToken(db, token, later).session).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('renews a session used in its last 15 days (sliding expiry)', () => {
		const token = generateSessionToken();
		const now = new Date('2026-01-01T00:00:00Z');
		createSession(db, token, 'u1', now);
		const day20 = new Date(now.getTime() + 20 * DAY);
		const result = validateSessionToken(db, token, day20);
		expect(result.fresh).toBe(true);
		expect(result.session?.expiresAt.getTime()).toBe(day20.getTime() + SESSION_LIFETIME_MS);
		const stored = db.select().from(sessions).where(eq(sessions.userId, 'u1')).get();
		expect(stored?.expiresAt.getTime()).toBe(day20.getTime() + SESSION_LIFETIME_MS);
		// Still valid past the original 30 days thanks to the renewal.
		const day40 = new Date(now.getTime() + 40 * DAY);
		expect(validateSessionToken(db, token, day40).user?.id).toBe('u1');
	});

	it('sign-out invalidates one session; invalidating a user ends them all', () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		const sa = createSession(db, a, 'u1');
		createSession(db, b, 'u1');
		invalidateSession(db, sa.id);
		expect(validateSessionToken(db, a).session).toBeNull();
		expect(validateSessionToken(db, b).session).not.toBeNull();
		invalidateUserSessions(db, 'u1');
		expect(validateSessionToken(db, b).session).toBeNull();
	});

	it('on a database that cannot be written: still signs in, without renewing or deleting', () => {
		const renewing = generateSessionToken();
		const expired = generateSessionToken();
		const now = new Date('2026-01-01T00:00:00Z');
		const readOnly = createReadOnlyDatabase((db) => {
			db.insert(users)
				.values({ id: 'u1', username: 'aigerim', passwordHash: 'x', role: 'student' })
				.run();
			createSession(db, renewing, 'u1', now);
			createSession(db, expired, 'u1', new Date(now.getTime() - 31 * DAY));
		});
		try {
			const day20 = new Date(now.getTime() + 20 * DAY);
			const result = validateSessionToken(readOnly.db, renewing, day20);
			expect(result.user?.username).toBe('aigerim');
			expect(result.fresh).toBe(false);
			expect(result.session?.expiresAt.getTime()).toBe(now.getTime() + SESSION_LIFETIME_MS);
			expect(validateSessionToken(readOnly.db, expired, now).session).toBeNull();
			expect(readOnly.db.select().from(sessions).all()).toHaveLength(2);
		} finally {
			readOnly.remove();
		}
	});
});
