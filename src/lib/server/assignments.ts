import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import type { GradeStatus } from '$lib/quiz/export/csv';
import type { Tx } from './db/connection';
import {
	assignments,
	attempts,
	classes,
	classMembers,
	lessons,
	type AssignmentRow
} from './db/schema';
import { formatDueDate, parseLocalDateTime } from './dates';
import { attemptReveals } from './disclosure';

/** When a student sees the answers: after each question, after submitting, after the due date. */
export type Reveal = AssignmentRow['reveal'];
export type AssignmentStatus = GradeStatus;

export const REVEAL_LABELS: Record<Reveal, string> = {
	each: 'After each question',
	submit: 'After the quiz is submitted',
	due: 'After the due date'
};

function wholeNumber(label: string, min: number, max: number, fallback: string) {
	const message = `${label} must be a whole number from ${min} to ${max}.`;
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
		v.pipe(v.string('Choose a lesson.'), v.regex(/^\d+$/, 'Choose a lesson.'), v.transform(Number)),
		''
	),
	dueAt: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.check(
				(s) => s === '' || parseLocalDateTime(s) !== null,
				'Enter the due date as a date and time, or leave it empty.'
			),
			v.transform((s) => (s === '' ? null : parseLocalDateTime(s)))
		)
	),
	questionCount: wholeNumber('Number of questions', 1, 50, '10'),
	attemptsAllowed: wholeNumber('Attempts allowed', 0, 20, '0'),
	reveal: v.optional(
		v.picklist(['each', 'submit', 'due'], 'Choose when answers are revealed.'),
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
	score: number | null;
	startedAt: Date;
}

export interface StudentProgress {
	attemptsUsed: number;
	best: number | null;
	status: AssignmentStatus;
	/** An unfinished attempt to continue, newest first. */
	openAttemptId: string | null;
	lastFinishedAt: Date | null;
}

/** Summarises one student's attempts at one assignment. */
export function summariseAttempts(
	dueAt: Date | null,
	facts: AttemptFact[],
	now: Date = new Date()
): StudentProgress {
	const finished = facts.filter((f) => f.finishedAt !== null);
	// A score not shown yet is null (see disclosure): it is no one's best until it is.
	const scores = finished.flatMap((f) => (f.score === null ? [] : [f.score]));
	const open = facts
		.filter((f) => f.finishedAt === null)
		.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
	const finishedAts = finished.map((f) => f.finishedAt as Date);
	return {
		attemptsUsed: facts.length,
		best: scores.length ? Math.max(...scores) : null,
		status: assignmentStatus(dueAt, finishedAts, now),
		openAttemptId: open?.id ?? null,
		lastFinishedAt: finishedAts.length
			? new Date(Math.max(...finishedAts.map((d) => d.getTime())))
			: null
	};
}

/** Quiz attempts (not retries of missed questions) made for these assignments. */
export function attemptFacts(db: Tx, assignmentIds: string[], userId?: string) {
	if (!assignmentIds.length) return [];
	return db
		.select({
			id: attempts.id,
			userId: attempts.userId,
			assignmentId: attempts.assignmentId,
			finishedAt: attempts.finishedAt,
			score: attempts.score,
			startedAt: attempts.startedAt
		})
		.from(attempts)
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

function assignmentsFor(db: Tx, studentId: string, assignmentId?: string) {
	return db
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
				eq(classMembers.studentId, studentId),
				eq(classes.archived, false),
				assignmentId ? eq(assignments.id, assignmentId) : undefined
			)
		)
		.all();
}

function toStudentAssignments(
	db: Tx,
	studentId: string,
	rows: ReturnType<typeof assignmentsFor>,
	now: Date
): StudentAssignment[] {
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
				return { ...f, score: null };
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
