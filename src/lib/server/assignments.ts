import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import type { GradeStatus } from '$lib/quiz/export/csv';
import type { Tx } from './db/connection';
import { prepared } from './db/client';
import {
	assignments,
	attemptMarks,
	attempts,
	classes,
	classMembers,
	lessons,
	type AssignmentRow
} from './db/schema';
import { dueRelative, formatDueDate, parseLocalDateTime, type DueRelative } from './dates';
import { attemptReveals } from './disclosure';

/** When a student sees the answers: after each question, after submitting, after the due date. */
export type Reveal = AssignmentRow['reveal'];
export type AssignmentStatus = GradeStatus;

/** Read in the request's language each time a label is looked up. */
export const REVEAL_LABELS: Record<Reveal, string> = {
	get each() {
		return m.t_reveal_each();
	},
	get submit() {
		return m.t_reveal_submit();
	},
	get due() {
		return m.t_reveal_due();
	}
};

function wholeNumber(label: () => string, min: number, max: number, fallback: string) {
	const message = () => m.t_whole_number({ label: label(), min, max });
	return v.optional(
		v.pipe(
			v.string(message),
			v.trim(),
			v.transform((s) => (s === '' ? fallback : s)),
			v.regex(/^\d+$/, message),
			v.transform(Number),
			v.minValue(min, message),
			v.maxValue(max, message)
		),
		fallback
	);
}

/** The assignment form: lesson, due date (datetime-local, optional), count, attempts, reveal. */
export const assignmentFormSchema = v.object({
	lessonId: v.optional(
		v.pipe(
			v.string(() => m.t_choose_lesson()),
			v.regex(/^\d+$/, () => m.t_choose_lesson()),
			v.transform(Number)
		),
		''
	),
	dueAt: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.check(
				(s) => s === '' || parseLocalDateTime(s) !== null,
				() => m.t_due_format()
			),
			v.transform((s) => (s === '' ? null : parseLocalDateTime(s)))
		)
	),
	questionCount: wholeNumber(m.number_of_questions, 1, 50, '10'),
	attemptsAllowed: wholeNumber(m.t_attempts_allowed, 0, 20, '0'),
	reveal: v.optional(
		v.picklist(['each', 'submit', 'due'], () => m.t_choose_reveal()),
		'each'
	)
});

/** The form's dueAt is undefined when the field is empty or missing. */

export interface AssignmentInput {
	lessonId: number;
	dueAt: Date | null;
	questionCount: number;
	attemptsAllowed: number;
	reveal: Reveal;
}

export function createAssignment(db: Tx, classId: string, input: AssignmentInput): AssignmentRow {
	return db
		.insert(assignments)
		.values({ id: crypto.randomUUID(), classId, ...input })
		.returning()
		.get();
}

export function updateAssignment(db: Tx, assignmentId: string, input: AssignmentInput) {
	db.update(assignments).set(input).where(eq(assignments.id, assignmentId)).run();
}

/** Deletes the assignment; attempts made for it stay (as practice) in students' history. */
export function deleteAssignment(db: Tx, assignmentId: string) {
	db.delete(assignments).where(eq(assignments.id, assignmentId)).run();
}

/** The assignment with its lesson, when it belongs to this class. */
export function getAssignmentInClass(db: Tx, classId: string, assignmentId: string) {
	return db
		.select({
			assignment: assignments,
			lessonSlug: lessons.slug,
			lessonTitle: lessons.title
		})
		.from(assignments)
		.innerJoin(lessons, eq(assignments.lessonId, lessons.id))
		.where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId)))
		.get();
}

export interface ClassAssignment extends AssignmentRow {
	lessonSlug: string;
	lessonTitle: string;
}

/** A class's assignments, soonest due first (no due date last). */
export function listAssignmentsForClass(db: Tx, classId: string): ClassAssignment[] {
	const rows = db
		.select({ assignment: assignments, lessonSlug: lessons.slug, lessonTitle: lessons.title })
		.from(assignments)
		.innerJoin(lessons, eq(assignments.lessonId, lessons.id))
		.where(eq(assignments.classId, classId))
		.orderBy(asc(assignments.createdAt))
		.all()
		.map((r) => ({ ...r.assignment, lessonSlug: r.lessonSlug, lessonTitle: r.lessonTitle }));
	return rows.sort(
		(a, b) =>
			(a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
			a.createdAt.getTime() - b.createdAt.getTime()
	);
}

/**
 * done: a finished attempt at or before the due date (or any, without a due date);
 * late: finished, but only after the due date; missing: nothing finished and the due date has
 * passed; pending: otherwise.
 */
export function assignmentStatus(
	dueAt: Date | null,
	finishedAts: Date[],
	now: Date = new Date()
): AssignmentStatus {
	if (finishedAts.length) {
		if (!dueAt) return 'done';
		return finishedAts.some((f) => f.getTime() <= dueAt.getTime()) ? 'done' : 'late';
	}
	return dueAt && now.getTime() > dueAt.getTime() ? 'missing' : 'pending';
}

export interface AttemptFact {
	id: string;
	assignmentId: string | null;
	finishedAt: Date | null;
	/** The score that counts: the teacher's override when there is one. */
	score: number | null;
	startedAt: Date;
	/** The score as graded, when a teacher overrode it (else absent or null). */
	gradedScore?: number | null;
	overridden?: boolean;
}

export interface StudentProgress {
	attemptsUsed: number;
	best: number | null;
	status: AssignmentStatus;
	/** An unfinished attempt to continue, newest first. */
	openAttemptId: string | null;
	lastFinishedAt: Date | null;
	/** The best score is a teacher's override; `bestGraded` is that attempt's own score. */
	bestOverridden: boolean;
	bestGraded: number | null;
}

/** Summarises one student's attempts at one assignment. */
export function summariseAttempts(
	dueAt: Date | null,
	facts: AttemptFact[],
	now: Date = new Date()
): StudentProgress {
	const finished = facts.filter((f) => f.finishedAt !== null);
	// A score not shown yet is null (see disclosure): it is no one's best until it is.
	const scored = finished.filter((f) => f.score !== null);
	// Of equal scores the attempt's own is the best: an override shows only when it decides.
	const bestFact = scored.reduce<AttemptFact | null>(
		(best, f) =>
			!best ||
			f.score! > best.score! ||
			(f.score === best.score && best.overridden && !f.overridden)
				? f
				: best,
		null
	);
	const open = facts
		.filter((f) => f.finishedAt === null)
		.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
	const finishedAts = finished.map((f) => f.finishedAt as Date);
	return {
		attemptsUsed: facts.length,
		best: bestFact?.score ?? null,
		bestOverridden: !!bestFact?.overridden,
		bestGraded: bestFact?.overridden ? (bestFact.gradedScore ?? null) : (bestFact?.score ?? null),
		status: assignmentStatus(dueAt, finishedAts, now),
		openAttemptId: open?.id ?? null,
		lastFinishedAt: finishedAts.length
			? new Date(Math.max(...finishedAts.map((d) => d.getTime())))
			: null
	};
}

/**
 * Quiz attempts (not retries of missed questions) made for these assignments, each with the
 * score that counts (a teacher's override, see marks) and the score it was graded with.
 */
export function attemptFacts(db: Tx, assignmentIds: string[], userId?: string) {
	if (!assignmentIds.length) return [];
	return db
		.select({
			id: attempts.id,
			userId: attempts.userId,
			assignmentId: attempts.assignmentId,
			finishedAt: attempts.finishedAt,
			score: sql<number | null>`coalesce(${attemptMarks.score}, ${attempts.score})`,
			gradedScore: attempts.score,
			overridden: sql<boolean>`${attemptMarks.score} is not null`.mapWith(Boolean),
			startedAt: attempts.startedAt
		})
		.from(attempts)
		.leftJoin(attemptMarks, eq(attemptMarks.attemptId, attempts.id))
		.where(
			and(
				inArray(attempts.assignmentId, assignmentIds),
				eq(attempts.kind, 'quiz'),
				userId ? eq(attempts.userId, userId) : undefined
			)
		)
		.orderBy(desc(attempts.startedAt))
		.all();
}

export interface StudentAssignment extends StudentProgress {
	id: string;
	classId: string;
	className: string;
	lessonId: number;
	lessonTitle: string;
	lessonSlug: string;
	dueAt: Date | null;
	/** The due date as the server formats it ('' without one): same text with or without JS. */
	dueText: string;
	/** How far off the due date is, while the work is still to do (null when done or undated). */
	dueSoon: DueRelative | null;
	questionCount: number;
	attemptsAllowed: number;
	reveal: Reveal;
	/** Attempts left; null when unlimited. */
	attemptsLeft: number | null;
	/** A start (or continue) button makes sense. */
	canStart: boolean;
	/** A finished attempt's score is not shown yet (answers after the due date). */
	scoreHidden: boolean;
}

/**
 * A student's assignments in active classes, one of them when `assignmentId` is given. Compiled
 * once (see `prepared`): every practice answer's page asks for the assignments on its lesson.
 */
const studentAssignmentRows = (oneAssignment: boolean) =>
	prepared((db) =>
		db
			.select({
				assignment: assignments,
				className: classes.name,
				lessonTitle: lessons.title,
				lessonSlug: lessons.slug
			})
			.from(classMembers)
			.innerJoin(classes, eq(classMembers.classId, classes.id))
			.innerJoin(assignments, eq(assignments.classId, classes.id))
			.innerJoin(lessons, eq(assignments.lessonId, lessons.id))
			.where(
				and(
					eq(classMembers.studentId, sql.placeholder('studentId')),
					eq(classes.archived, false),
					oneAssignment ? eq(assignments.id, sql.placeholder('assignmentId')) : undefined
				)
			)
			.prepare()
	);
const allAssignmentRows = studentAssignmentRows(false);
const oneAssignmentRows = studentAssignmentRows(true);

function assignmentsFor(db: Tx, studentId: string, assignmentId?: string) {
	return assignmentId === undefined
		? allAssignmentRows(db).all({ studentId })
		: oneAssignmentRows(db).all({ studentId, assignmentId });
}

function toStudentAssignments(
	db: Tx,
	studentId: string,
	rows: ReturnType<typeof assignmentsFor>,
	now: Date
): StudentAssignment[] {
	// Most students who practise have no assignment: no need to read attempts then.
	if (rows.length === 0) return [];
	const facts = attemptFacts(
		db,
		rows.map((r) => r.assignment.id),
		studentId
	);
	return rows.map(({ assignment: a, className, lessonTitle, lessonSlug }) => {
		let scoreHidden = false;
		const own = facts
			.filter((f) => f.assignmentId === a.id)
			.map((f) => {
				if (f.finishedAt === null || attemptReveals({ ...a, finishedAt: f.finishedAt }, now))
					return f;
				scoreHidden = true;
				return { ...f, score: null, gradedScore: null, overridden: false };
			});
		const progress = summariseAttempts(a.dueAt, own, now);
		const attemptsLeft =
			a.attemptsAllowed === 0 ? null : Math.max(0, a.attemptsAllowed - progress.attemptsUsed);
		return {
			...progress,
			id: a.id,
			classId: a.classId,
			className,
			lessonId: a.lessonId,
			lessonTitle,
			lessonSlug,
			dueAt: a.dueAt,
			dueText: formatDueDate(a.dueAt),
			dueSoon:
				progress.status === 'pending' || progress.status === 'missing'
					? dueRelative(a.dueAt, now)
					: null,
			questionCount: a.questionCount,
			attemptsAllowed: a.attemptsAllowed,
			reveal: a.reveal,
			attemptsLeft,
			canStart: progress.openAttemptId !== null || attemptsLeft === null || attemptsLeft > 0,
			scoreHidden
		};
	});
}

const STATUS_ORDER: Record<AssignmentStatus, number> = { missing: 0, pending: 1, late: 2, done: 3 };

/**
 * A student's assignments in their active classes: what is still to do first (missing, then
 * pending by due date), then what is done.
 */
export function listAssignmentsForStudent(
	db: Tx,
	studentId: string,
	now: Date = new Date()
): StudentAssignment[] {
	return toStudentAssignments(db, studentId, assignmentsFor(db, studentId), now).sort(
		(a, b) =>
			STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
			(a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
			a.lessonTitle.localeCompare(b.lessonTitle)
	);
}

/** One assignment as this student sees it; undefined when they are not in its (active) class. */
export function getAssignmentForStudent(
	db: Tx,
	studentId: string,
	assignmentId: string,
	now: Date = new Date()
): StudentAssignment | undefined {
	return toStudentAssignments(db, studentId, assignmentsFor(db, studentId, assignmentId), now)[0];
}

/** Still to do and still open to the student: not finished yet, with an attempt left. */
export function isOpenForStudent(a: StudentAssignment): boolean {
	return a.canStart && (a.status === 'pending' || a.status === 'missing' || !!a.openAttemptId);
}

/**
 * The assignments on this lesson the student has still to do: where the lesson page and its
 * practice quiz send them first (practice is not counted). Soonest due first.
 */
export function openAssignmentsOnLesson(
	db: Tx,
	studentId: string,
	lessonId: number,
	now: Date = new Date()
): StudentAssignment[] {
	return listAssignmentsForStudent(db, studentId, now).filter(
		(a) => a.lessonId === lessonId && isOpenForStudent(a)
	);
}

/** What a page needs to offer an open assignment (see AssignedQuiz). */
export function openAssignmentCall(a: StudentAssignment) {
	return {
		id: a.id,
		className: a.className,
		dueAt: a.dueAt?.toISOString() ?? null,
		dueText: a.dueAt ? a.dueText : null,
		dueSoon: a.dueSoon?.text ?? null,
		continuing: a.openAttemptId !== null
	};
}

/** The class an assignment was set by, for the pages of its attempts. */
export function assignmentClass(db: Tx, assignmentId: string) {
	return db
		.select({ classId: classes.id, className: classes.name, dueAt: assignments.dueAt })
		.from(assignments)
		.innerJoin(classes, eq(assignments.classId, classes.id))
		.where(eq(assignments.id, assignmentId))
		.get();
}
