import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from './db/connection';
import { invitations, users } from './db/schema';
import { hashPassword } from './auth/password';
import type { SessionUser } from './auth/session';
import { findUserByUsername, insertUser } from './users';

/**
 * Teacher accounts need an invitation. The first administrator registers as a teacher with the
 * setup code: SETUP_CODE from the environment, or one made and printed when the server starts
 * with no administrator. Administrators then create one invitation code per teacher.
 */

/** Code letters: no look-alikes (as join codes). Four groups of four: about 73 bits. */
const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3479';

function randomCode(): string {
	const groups: string[] = [];
	const bytes = new Uint8Array(1);
	for (let g = 0; g < 4; g++) {
		let group = '';
		while (group.length < 4) {
			crypto.getRandomValues(bytes);
			// Rejection sampling keeps every letter equally likely.
			if (bytes[0] < 256 - (256 % CODE_ALPHABET.length))
				group += CODE_ALPHABET[bytes[0] % CODE_ALPHABET.length];
		}
		groups.push(group);
	}
	return groups.join('-');
}

/** What people type: any case, spaces and dashes ignored. */
export function normalizeCode(code: string): string {
	return code.toUpperCase().replace(/[\s-]+/g, '');
}

/** What is stored for a code: the SHA-256 of its normalized form, never the code. */
export function codeHash(code: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(normalizeCode(code))));
}

// ---------------------------------------------------------------- setup code

// Per database: the code lives in this process until the first administrator uses it.
const setupCodes = new WeakMap<object, string>();

export function hasAdministrator(db: Tx): boolean {
	return !!db.select({ id: users.id }).from(users).where(eq(users.admin, true)).get();
}

/**
 * At start: when the database has no administrator yet, the code that makes the first one (from
 * `fromEnv`, else a new one). Returns the code and whether it was made here (to print), or null.
 */
export function prepareSetupCode(
	db: Db,
	fromEnv: string | undefined
): { code: string; generated: boolean } | null {
	if (hasAdministrator(db)) return null;
	const given = fromEnv?.trim();
	const code = given || randomCode();
	setupCodes.set(db.$client, code);
	return { code, generated: !given };
}

// ---------------------------------------------------------------- registration

export type TeacherRegistration =
	{ ok: true; user: SessionUser } | { ok: false; reason: 'taken' | 'invitation' };

/**
 * Creates a teacher account with an invitation code, or the first administrator with the setup
 * code. The code is checked and spent in the same transaction as the account is written, so a
 * code makes one account only.
 */
export async function registerTeacher(
	db: Db,
	input: { username: string; password: string; displayName: string },
	code: string
): Promise<TeacherRegistration> {
	const passwordHash = await hashPassword(input.password);
	const hash = codeHash(code);
	return db.transaction((tx): TeacherRegistration => {
		// A taken name is said first: the code stays unspent for the next try.
		if (findUserByUsername(tx, input.username)) return { ok: false, reason: 'taken' };
		const setup = setupCodes.get(db.$client);
		const isSetup =
			!!setup && normalizeCode(code) === normalizeCode(setup) && !hasAdministrator(tx);
		const invitation = isSetup
			? undefined
			: tx
					.select({ id: invitations.id })
					.from(invitations)
					.where(
						and(
							eq(invitations.codeHash, hash),
							isNull(invitations.usedBy),
							isNull(invitations.usedAt),
							isNull(invitations.revokedAt)
						)
					)
					.get();
		if (!isSetup && !invitation) return { ok: false, reason: 'invitation' };
		const user = insertUser(tx, {
			...input,
			passwordHash,
			role: 'teacher',
			admin: isSetup
		});
		if (!user) return { ok: false, reason: 'taken' };
		if (isSetup) setupCodes.delete(db.$client);
		if (invitation) {
			tx.update(invitations)
				.set({ usedBy: user.id, usedAt: new Date() })
				.where(eq(invitations.id, invitation.id))
				.run();
		}
		return { ok: true, user };
	});
}

// ---------------------------------------------------------------- administration

/** A new invitation; its code is shown once (only its hash is stored). */
export function createInvitation(db: Tx, adminId: string, note: string) {
	const code = randomCode();
	const id = crypto.randomUUID();
	db.insert(invitations)
		.values({ id, codeHash: codeHash(code), note, createdBy: adminId })
		.run();
	return { id, code };
}

/** Revokes an unused invitation; false when there is none such. */
export function revokeInvitation(db: Tx, invitationId: string): boolean {
	return (
		db
			.update(invitations)
			.set({ revokedAt: new Date() })
			.where(
				and(
					eq(invitations.id, invitationId),
					isNull(invitations.usedAt),
					isNull(invitations.revokedAt)
				)
			)
			.run().changes > 0
	);
}

export type InvitationStatus = 'open' | 'used' | 'revoked';

export interface InvitationItem {
	id: string;
	note: string;
	createdAt: Date;
	status: InvitationStatus;
	usedBy: string | null;
	usedAt: Date | null;
}

export function listInvitations(db: Tx): InvitationItem[] {
	return db
		.select({
			id: invitations.id,
			note: invitations.note,
			createdAt: invitations.createdAt,
			usedAt: invitations.usedAt,
			revokedAt: invitations.revokedAt,
			usedBy: sql<
				string | null
			>`(select coalesce(nullif(u.display_name, ''), u.username) from users u where u.id = invitations.used_by)`
		})
		.from(invitations)
		.orderBy(desc(invitations.createdAt))
		.all()
		.map((r) => ({
			id: r.id,
			note: r.note,
			createdAt: r.createdAt,
			status: r.usedAt ? 'used' : r.revokedAt ? 'revoked' : 'open',
			usedBy: r.usedBy,
			usedAt: r.usedAt
		}));
}

export interface TeacherItem {
	id: string;
	username: string;
	displayName: string;
	admin: boolean;
	createdAt: Date;
	classCount: number;
}

export function listTeachers(db: Tx): TeacherItem[] {
	return db
		.select({
			id: users.id,
			username: users.username,
			displayName: users.displayName,
			admin: users.admin,
			createdAt: users.createdAt,
			// Qualified by hand: a one-table select leaves column names bare (see classes.ts).
			classCount: sql<number>`(select count(*) from classes c where c.teacher_id = users.id)`
		})
		.from(users)
		.where(eq(users.role, 'teacher'))
		.orderBy(desc(users.admin), asc(users.username))
		.all();
}
