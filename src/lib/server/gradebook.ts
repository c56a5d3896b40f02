import { and, desc, eq } from 'drizzle-orm';
import type { GradebookInput } from '$lib/quiz/export/csv';
import {
	attemptFacts,
	listAssignmentsForClass,
	summariseAttempts,
	type AssignmentStatus,
	type AttemptFact,
	type ClassAssignment
} from './assignments';
import { listRoster, type RosterEntry } from './classes';
import type { Tx } from './db/connection';
import { assignments, attemptMarks, attempts, classes, lessons } from './db/schema';

export interface GradeCell {
	/** Best finished score 0..1; null when nothing was finished. */
	best: number | null;
	status: AssignmentStatus;
	/** Attempts started (finished or not). */
	attempts: number;
	/** The best score is a teacher's override of an attempt graded `graded`. */
	overridden: boolean;
	graded: number | null;
}

export interface Gradebook {
	assignments: ClassAssignment[];
	students: RosterEntry[];
	/** studentId -> assignmentId -> cell. */
	cells: Record<string, Record<string, GradeCell>>;
}

/** Students by assignments, from every quiz attempt made for those assignments. */
export function buildGradebook(
	assignmentList: ClassAssignment[],
	students: RosterEntry[],
	facts: (AttemptFact & { userId: string })[],
	now: Date = new Date()
): Gradebook {
	const byKey = new Map<string, AttemptFact[]>();
	for (const f of facts) {
		const key = `${f.userId}\u0000${f.assignmentId}`;
		byKey.set(key, [...(byKey.get(key) ?? []), f]);
	}
	const cells: Gradebook['cells'] = {};
	for (const s of students) {
		const row: Record<string, GradeCell> = {};
		for (const a of assignmentList) {
			const p = summariseAttempts(a.dueAt, byKey.get(`${s.id}\u0000${a.id}`) ?? [], now);
			row[a.id] = {
				best: p.best,
				status: p.status,
				attempts: p.attemptsUsed,
				overridden: p.bestOverridden,
				graded: p.bestOverridden ? p.bestGraded : null
			};
		}
		cells[s.id] = row;
	}
	return { assignments: assignmentList, students, cells };
}

export function getGradebook(db: Tx, classId: string, now: Date = new Date()): Gradebook {
	const list = listAssignmentsForClass(db, classId);
	const students = listRoster(db, classId);
	const facts = attemptFacts(
		db,
		list.map((a) => a.id)
	);
	return buildGradebook(list, students, facts, now);
}

/** Per assignment: how many students finished it, and their average best score. */
export function assignmentSummary(book: Gradebook, assignmentId: string) {
	const bests = book.students
		.map((s) => book.cells[s.id]?.[assignmentId]?.best)
		.filter((b): b is number => typeof b === 'number');
	return {
		submitted: bests.length,
		average: bests.length ? bests.reduce((a, b) => a + b, 0) / bests.length : null
	};
}

/** The students of the class who have not started this assignment (no attempt at all). */
export function notStarted(book: Gradebook, assignmentId: string): RosterEntry[] {
	return book.students.filter((s) => (book.cells[s.id]?.[assignmentId]?.attempts ?? 0) === 0);
}

/** What the CSV exporter takes: best scores in percent, an overridden one with its graded one. */
export function gradebookExport(book: Gradebook): GradebookInput {
	const cells: GradebookInput['cells'] = {};
	for (const [studentId, row] of Object.entries(book.cells)) {
		cells[studentId] = Object.fromEntries(
			Object.entries(row).map(([id, c]) => [
				id,
				{
					...c,
					best: c.best === null ? null : c.best * 100,
					graded: c.graded === null ? null : c.graded * 100
				}
			])
		);
	}
	return {
		assignments: book.assignments.map((a) => ({ id: a.id, title: a.lessonTitle })),
		students: book.students.map((s) => ({
			id: s.id,
			username: s.username,
			displayName: s.displayName
		})),
		cells
	};
}

/** A student's attempts at this class's assignments, newest first. */
export function studentAttemptsInClass(db: Tx, classId: string, studentId: string) {
	return db
		.select({
			id: attempts.id,
			assignmentId: attempts.assignmentId,
			lessonTitle: lessons.title,
			kind: attempts.kind,
			startedAt: attempts.startedAt,
			finishedAt: attempts.finishedAt,
			score: attempts.score,
			overriddenScore: attemptMarks.score,
			comment: attemptMarks.comment,
			correctCount: attempts.correctCount,
			questionCount: attempts.questionCount,
			dueAt: assignments.dueAt
		})
		.from(attempts)
		.innerJoin(assignments, eq(attempts.assignmentId, assignments.id))
		.innerJoin(lessons, eq(attempts.lessonId, lessons.id))
		.leftJoin(attemptMarks, eq(attemptMarks.attemptId, attempts.id))
		.where(and(eq(assignments.classId, classId), eq(attempts.userId, studentId)))
		.orderBy(desc(attempts.startedAt))
		.all();
}

/**
 * The attempt when it was made for an assignment in one of this teacher's classes; undefined
 * otherwise (practice attempts stay private to the student).
 */
export function findTeacherAttempt(db: Tx, attemptId: string, teacherId: string) {
	return db
		.select({
			id: attempts.id,
			userId: attempts.userId,
			finishedAt: attempts.finishedAt,
			classId: classes.id,
			className: classes.name
		})
		.from(attempts)
		.innerJoin(assignments, eq(attempts.assignmentId, assignments.id))
		.innerJoin(classes, eq(assignments.classId, classes.id))
		.where(and(eq(attempts.id, attemptId), eq(classes.teacherId, teacherId)))
		.get();
}
