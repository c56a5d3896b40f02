/**
 * Accounts a teacher makes for her class: students added from a pasted list of names, and a
 * student's password reset. Each gets a one-time password, shown once to the teacher (only its
 * hash is stored) and replaced by the student at their next sign-in. A teacher acts only on
 * the students of her own class: callers pass a class `requireClassTeacher` gave them.
 */
import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { readNameList, NAME_LIST_MAX } from '$lib/people/name-list';
import { loginNameBase } from '$lib/people/login-names';
import { checkUsername, sameName } from '$lib/people/names';
import type { Tx } from './db/connection';
import { classMembers, sessions, users } from './db/schema';
import { hashPassword } from './auth/password';
import { isMember, listRoster } from './classes';

export { NAME_LIST_MAX };

/** Letters and digits nobody confuses when copying from paper (no 0/o, 1/l/i). */
const OTP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function randomIndex(n: number): number {
	const limit = 256 - (256 % n);
	const byte = new Uint8Array(1);
	do crypto.getRandomValues(byte);
	while (byte[0] >= limit);
	return byte[0] % n;
}

/** A one-time password such as "k7mq-x4pt": eight random characters, about 40 bits. */
export function oneTimePassword(random: (n: number) => number = randomIndex): string {
	let out = '';
	for (let i = 0; i < 8; i++) {
		if (i === 4) out += '-';
		out += OTP_ALPHABET[random(OTP_ALPHABET.length)];
	}
	return out;
}

/** What a teacher hands a student: shown once, right after it is made. */
export interface LoginCard {
	name: string;
	username: string;
	password: string;
}

function usernameTaken(db: Tx, username: string): boolean {
	return !!db.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
}

/**
 * A free username from the name: its Latin base and two random digits ("aigerim.s42"), more
 * digits when those are taken. `reserved` holds names given earlier in the same batch.
 */
export function freeUsername(
	db: Tx,
	displayName: string,
	reserved: Set<string>,
	random: (n: number) => number = randomIndex
): string {
	const base = loginNameBase(displayName);
	for (let digits = 2; digits <= 6; digits++) {
		for (let i = 0; i < 20; i++) {
			let suffix = String(1 + random(9));
			while (suffix.length < digits) suffix += String(random(10));
			const candidate = base + suffix;
			const checked = checkUsername(candidate);
			if (!checked.ok) continue;
			if (!reserved.has(checked.value) && !usernameTaken(db, checked.value)) return checked.value;
		}
	}
	throw new Error(`No free username for ${base}.`);
}

export type BulkAddResult =
	{ ok: true; cards: LoginCard[]; blankLines: number } | { ok: false; problems: string[] };

/**
 * Makes a student account for each name on the pasted list and puts it in the class. Nothing
 * is made when any line has a problem (a name that is no name, the same name twice, a name
 * already in the class, more than NAME_LIST_MAX names): every problem is named by its line.
 */
export async function addStudentsFromList(
	db: Tx,
	classId: string,
	text: string
): Promise<BulkAddResult> {
	const list = readNameList(text);
	if (!list.ok) return list;
	const roster = listRoster(db, classId);
	const problems = list.names.flatMap(({ line, name }) => {
		const same = roster.find((s) => s.displayName && sameName(s.displayName, name));
		return same ? [m.t_line_in_class({ line, name, username: same.username })] : [];
	});
	if (problems.length) return { ok: false, problems };

	// Hashing is slow on purpose: done before the transaction, which must not wait.
	const passwords = list.names.map(() => oneTimePassword());
	const hashes = await Promise.all(passwords.map(hashPassword));
	const cards = db.transaction((tx) => {
		const reserved = new Set<string>();
		return list.names.map(({ name }, i): LoginCard => {
			const username = freeUsername(tx, name, reserved);
			reserved.add(username);
			const id = crypto.randomUUID();
			tx.insert(users)
				.values({
					id,
					username,
					displayName: name,
					role: 'student',
					passwordHash: hashes[i],
					mustChangePassword: true
				})
				.run();
			tx.insert(classMembers).values({ classId, studentId: id }).run();
			return { name, username, password: passwords[i] };
		});
	});
	return { ok: true, cards, blankLines: list.blankLines };
}

/** A student of this class (name and username), or undefined for anyone else. */
export function classStudent(db: Tx, classId: string, studentId: string) {
	if (!isMember(db, classId, studentId)) return undefined;
	return db
		.select({ id: users.id, username: users.username, displayName: users.displayName })
		.from(users)
		.where(eq(users.id, studentId))
		.get();
}

/**
 * Gives a student of this class a new one-time password and signs them out everywhere; they
 * choose their own at the next sign-in. Undefined when the student is not in the class.
 */
export async function resetStudentPassword(
	db: Tx,
	classId: string,
	studentId: string
): Promise<LoginCard | undefined> {
	const student = classStudent(db, classId, studentId);
	if (!student) return undefined;
	const password = oneTimePassword();
	const passwordHash = await hashPassword(password);
	db.transaction((tx) => {
		tx.update(users)
			.set({ passwordHash, mustChangePassword: true })
			.where(eq(users.id, student.id))
			.run();
		tx.delete(sessions).where(eq(sessions.userId, student.id)).run();
	});
	return {
		name: student.displayName || student.username,
		username: student.username,
		password
	};
}
