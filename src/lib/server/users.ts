import { eq } from 'drizzle-orm';
import type { Tx } from './db/connection';
import { users } from './db/schema';
import { hashPassword, verifyPassword } from './auth/password';
import type { SessionUser } from './auth/session';

export type Role = 'student' | 'teacher';

function newId(): string {
	return crypto.randomUUID();
}

export function findUserByUsername(db: Tx, username: string) {
	return db.select().from(users).where(eq(users.username, username)).get();
}

/** Creates the account, or returns null when the username is taken. */
export async function createUser(
	db: Tx,
	input: { username: string; password: string; role: Role; displayName?: string }
): Promise<SessionUser | null> {
	const passwordHash = await hashPassword(input.password);
	return insertUser(db, { ...input, passwordHash });
}

/** Writes an account whose password is already hashed; null when the username is taken. */
export function insertUser(
	db: Tx,
	input: {
		username: string;
		passwordHash: string;
		role: Role;
		displayName?: string;
		admin?: boolean;
		mustChangePassword?: boolean;
	}
): SessionUser | null {
	const user = {
		id: newId(),
		username: input.username,
		displayName: input.displayName ?? '',
		role: input.role,
		admin: input.admin ?? false,
		mustChangePassword: input.mustChangePassword ?? false,
		passwordHash: input.passwordHash
	};
	const result = db.insert(users).values(user).onConflictDoNothing().run();
	if (result.changes === 0) return null;
	return {
		id: user.id,
		username: user.username,
		displayName: user.displayName,
		role: user.role,
		admin: user.admin,
		mustChangePassword: user.mustChangePassword
	};
}

// A fixed hash checked when the username is unknown, so timing does not reveal which names exist.
let decoyHash: Promise<string> | undefined;

export async function checkCredentials(
	db: Tx,
	username: string,
	password: string
): Promise<SessionUser | null> {
	const row = findUserByUsername(db, username);
	if (!row) {
		decoyHash ??= hashPassword('decoy-password-for-timing');
		await verifyPassword(await decoyHash, password);
		return null;
	}
	if (!(await verifyPassword(row.passwordHash, password))) return null;
	return {
		id: row.id,
		username: row.username,
		displayName: row.displayName,
		role: row.role,
		admin: row.admin,
		mustChangePassword: row.mustChangePassword
	};
}

export function displayName(user: { username: string; displayName: string }): string {
	return user.displayName || user.username;
}
