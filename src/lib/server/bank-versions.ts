import type { Db, Tx } from './db/connection';
import { prepared } from './db/client';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import {
	assignments,
	classes,
	lessons,
	questions,
	sources,
	users,
	type QuestionRow
} from './db/schema';
import { lessonBank, type BankQuestion } from './banks';

/**
 * Whose version of a lesson's bank. A teacher who edits, adds or disables questions of a bundled
 * lesson changes her own copy (copy on write): her classes and her practice use it, other
 * teachers and visitors keep the original, and attempts keep the questions they were drawn with.
 * Only an administrator changes the bundled bank itself; a teacher's own import is hers to change.
 *
 * The owner is null for the lesson's own bank, else the teacher whose copy it is.
 */
export function bankOwnerFor(
	lesson: { ownerId: string | null },
	teacher: { id: string; admin: boolean }
): string | null {
	return lesson.ownerId === null && !teacher.admin ? teacher.id : null;
}

/** The bank version an assignment draws from: that of its class's teacher. */
export function assignmentBankOwner(db: Db, assignmentId: string): string | null {
	const row = assignmentTeacher(db).get({ assignmentId });
	if (!row) return null;
	return bankOwnerFor({ ownerId: row.lessonOwner }, { id: row.teacherId, admin: row.admin });
}

const assignmentTeacher = prepared((db) =>
	db
		.select({ teacherId: classes.teacherId, admin: users.admin, lessonOwner: sources.ownerId })
		.from(assignments)
		.innerJoin(classes, eq(classes.id, assignments.classId))
		.innerJoin(users, eq(users.id, classes.teacherId))
		.innerJoin(lessons, eq(lessons.id, assignments.lessonId))
		.innerJoin(sources, eq(sources.id, lessons.sourceId))
		.where(eq(assignments.id, sql.placeholder('assignmentId')))
		.prepare()
);

function ownsQuestions(db: Tx, lessonId: number, owner: string): boolean {
	return !!ownQuestion(db).get({ lessonId, owner });
}

const ownQuestion = prepared((db) =>
	db
		.select({ id: questions.id })
		.from(questions)
		.where(
			and(
				eq(questions.lessonId, sql.placeholder('lessonId')),
				eq(questions.ownerId, sql.placeholder('owner'))
			)
		)
		.limit(1)
		.prepare()
);

/**
 * Every question of the owner's version of the bank, disabled ones included, in bank order: the
 * lesson's own questions, each replaced by the owner's copy where she has one, then hers.
 */
export function versionRows(db: Tx, lessonId: number, owner: string | null): QuestionRow[] {
	const rows = db
		.select()
		.from(questions)
		.where(
			and(
				eq(questions.lessonId, lessonId),
				owner === null
					? isNull(questions.ownerId)
					: or(isNull(questions.ownerId), eq(questions.ownerId, owner))
			)
		)
		.orderBy(asc(questions.position), asc(questions.id))
		.all();
	if (owner === null) return rows;
	const replaced = new Set(
		rows.flatMap((r) => (r.ownerId === owner && r.baseId ? [r.baseId] : []))
	);
	return rows.filter((r) => !(r.ownerId === null && replaced.has(r.id)));
}

/** The enabled questions of the owner's version of the bank: what her quizzes draw from. */
export function bankFor(db: Tx, lessonId: number, owner: string | null): readonly BankQuestion[] {
	// Without a copy of her own, a teacher's version is the lesson's bank (and its cache).
	if (owner === null || !ownsQuestions(db, lessonId, owner)) return lessonBank(db, lessonId);
	return versionRows(db, lessonId, owner)
		.filter((r) => r.enabled)
		.map((r) => ({ question: r.data, version: r.version }));
}
