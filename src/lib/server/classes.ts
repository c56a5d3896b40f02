import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Tx } from './db/connection';
import { classes, classMembers, users, type ClassRow } from './db/schema';

/** Join-code letters: no look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 6 beside G, 8/B). */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3479';
export const JOIN_CODE_LENGTH = 6;

/** A random join code; `random` returns an integer in [0, n) (injectable for tests). */
export function generateJoinCode(random: (n: number) => number = randomIndex): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++)
		code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
	return code;
}

function randomIndex(n: number): number {
	// Rejection sampling keeps every letter equally likely.
	const limit = 256 - (256 % n);
	const byte = new Uint8Array(1);
	do crypto.getRandomValues(byte);
	while (byte[0] >= limit);
	return byte[0] % n;
}

/** What people type: any case, spaces and dashes ignored. */
export function normalizeJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]+/g, '');
}

function codeTaken(db: Tx, code: string): boolean {
	return !!db.select({ id: classes.id }).from(classes).where(eq(classes.joinCode, code)).get();
}

/** A join code no class uses yet. */
export function uniqueJoinCode(db: Tx, random?: (n: number) => number): string {
	for (let i = 0; i < 50; i++) {
		const code = generateJoinCode(random);
		if (!codeTaken(db, code)) return code;
	}
	throw new Error('Could not find a free join code.');
}

export function createClass(db: Tx, teacherId: string, name: string): ClassRow {
	return db
		.insert(classes)
		.values({ id: crypto.randomUUID(), teacherId, name, joinCode: uniqueJoinCode(db) })
		.returning()
		.get();
}

/** The class when it belongs to this teacher; undefined otherwise (foreign ids look missing). */
export function getClassForTeacher(db: Tx, classId: string, teacherId: string) {
	return db
		.select()
		.from(classes)
		.where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
		.get();
}

export function renameClass(db: Tx, classId: string, name: string) {
	db.update(classes).set({ name }).where(eq(classes.id, classId)).run();
}

export function setClassArchived(db: Tx, classId: string, archived: boolean) {
	db.update(classes).set({ archived }).where(eq(classes.id, classId)).run();
}

export function regenerateJoinCode(db: Tx, classId: string): string {
	const joinCode = uniqueJoinCode(db);
	db.update(classes).set({ joinCode }).where(eq(classes.id, classId)).run();
	return joinCode;
}

export interface ClassListItem {
	id: string;
	name: string;
	joinCode: string;
	archived: boolean;
	studentCount: number;
	assignmentCount: number;
}

export function listClassesForTeacher(db: Tx, teacherId: string): ClassListItem[] {
	return db
		.select({
			id: classes.id,
			name: classes.name,
			joinCode: classes.joinCode,
			archived: classes.archived,
			// Qualified by hand: in a one-table select Drizzle leaves column names bare, and a bare
			// "id" inside the subquery would mean the subquery's own table.
			studentCount: sql<number>`(select count(*) from class_members m where m.class_id = classes.id)`,
			assignmentCount: sql<number>`(select count(*) from assignments a where a.class_id = classes.id)`
		})
		.from(classes)
		.where(eq(classes.teacherId, teacherId))
		.orderBy(asc(classes.name), asc(classes.createdAt))
		.all();
}

export interface RosterEntry {
	id: string;
	username: string;
	displayName: string;
	joinedAt: Date;
}

export function listRoster(db: Tx, classId: string): RosterEntry[] {
	return db
		.select({
			id: users.id,
			username: users.username,
			displayName: users.displayName,
			joinedAt: classMembers.joinedAt
		})
		.from(classMembers)
		.innerJoin(users, eq(classMembers.studentId, users.id))
		.where(eq(classMembers.classId, classId))
		.orderBy(asc(users.displayName), asc(users.username))
		.all();
}

export function isMember(db: Tx, classId: string, studentId: string): boolean {
	return !!db
		.select({ n: count() })
		.from(classMembers)
		.where(and(eq(classMembers.classId, classId), eq(classMembers.studentId, studentId)))
		.get()?.n;
}

/** Removes a student from the class; their attempts stay in the database. */
export function removeStudent(db: Tx, classId: string, studentId: string): boolean {
	const result = db
		.delete(classMembers)
		.where(and(eq(classMembers.classId, classId), eq(classMembers.studentId, studentId)))
		.run();
	return result.changes > 0;
}

export type JoinResult =
	| { ok: true; classId: string; className: string }
	| { ok: false; reason: 'unknown' | 'member' | 'throttled'; message: string };

/** One answer for a code that names no class and for an archived class's: guessing learns nothing. */
export const NO_CLASS_FOR_CODE =
	'No class takes new students with this code. Check it with your teacher and try again.';

/** A student joins the class with this code (any case, spaces ignored). */
export function joinClass(db: Tx, studentId: string, rawCode: string): JoinResult {
	const code = normalizeJoinCode(rawCode);
	const found = db.select().from(classes).where(eq(classes.joinCode, code)).get();
	if (!found || found.archived) return { ok: false, reason: 'unknown', message: NO_CLASS_FOR_CODE };
	const inserted = db
		.insert(classMembers)
		.values({ classId: found.id, studentId })
		.onConflictDoNothing()
		.run();
	if (inserted.changes === 0) {
		// The class is in the student's own list: nothing more to tell.
		return { ok: false, reason: 'member', message: 'You are already in this class.' };
	}
	return { ok: true, classId: found.id, className: found.name };
}

/** The classes a student belongs to, archived ones included (marked). */
export function listClassesForStudent(db: Tx, studentId: string) {
	return db
		.select({
			id: classes.id,
			name: classes.name,
			archived: classes.archived,
			teacher: sql<string>`coalesce(nullif(${users.displayName}, ''), ${users.username})`
		})
		.from(classMembers)
		.innerJoin(classes, eq(classMembers.classId, classes.id))
		.innerJoin(users, eq(classes.teacherId, users.id))
		.where(eq(classMembers.studentId, studentId))
		.orderBy(asc(classes.name))
		.all();
}

export function findUserById(db: Tx, userId: string) {
	return db
		.select({ id: users.id, username: users.username, displayName: users.displayName })
		.from(users)
		.where(eq(users.id, userId))
		.get();
}
