import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from './db/connection';
import { prepared } from './db/client';
import { assignments, attempts, classes, classMembers, lessons, sources } from './db/schema';
import type { Reveal } from './assignments';

/**
 * What a student may see of a question, and when: the one rule that every student route asks
 * (quiz answers, results, retries, practice, review, history, assignments).
 *
 * An attempt shows its keys, explanations, verdicts and score when its own setting allows it
 * (after each question; once submitted; once submitted and due) and when no assignment of the
 * student's still holds back the answers of its lesson. While an assignment holds a lesson back,
 * every other way to its keys is closed too: a practice quiz, a quiz of the student's own,
 * spaced review of its questions.
 */

export interface Disclosable {
	reveal: Reveal;
	finishedAt: Date | null;
	dueAt: Date | null;
}

/** The attempt's own setting alone: may its answers be shown now? */
export function attemptReveals(attempt: Disclosable, now = new Date()): boolean {
	if (attempt.reveal === 'each') return true;
	if (attempt.finishedAt === null) return false;
	return attempt.reveal === 'submit' || !attempt.dueAt || now >= attempt.dueAt;
}

export interface StudentRule {
	now: Date;
	/** Lesson id -> the assignments that hold its answers back from this student now. */
	heldBy: Map<number, Set<string>>;
	/** Assignments of the classes the student is in now (archived classes excluded). */
	memberAssignments: Set<string>;
}

const fact = {
	id: assignments.id,
	lessonId: assignments.lessonId,
	reveal: assignments.reveal,
	dueAt: assignments.dueAt
};

/** Assignments of the student's active classes (on one lesson, with `byLesson`). */
const memberFacts = (byLesson: boolean) =>
	prepared((db) =>
		db
			.select(fact)
			.from(classMembers)
			.innerJoin(classes, and(eq(classes.id, classMembers.classId), eq(classes.archived, false)))
			.innerJoin(assignments, eq(assignments.classId, classes.id))
			.where(
				and(
					eq(classMembers.studentId, sql.placeholder('studentId')),
					byLesson ? eq(assignments.lessonId, sql.placeholder('lessonId')) : undefined
				)
			)
			.prepare()
	);

/** The student's quizzes of assignments, of any class, then or now. */
const triedFacts = (byLesson: boolean) =>
	prepared((db) =>
		db
			.select({ ...fact, finishedAt: attempts.finishedAt })
			.from(attempts)
			.innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
			.where(
				and(
					eq(attempts.userId, sql.placeholder('studentId')),
					eq(attempts.kind, 'quiz'),
					byLesson ? eq(assignments.lessonId, sql.placeholder('lessonId')) : undefined
				)
			)
			.prepare()
	);

const memberOfAll = memberFacts(false);
const memberOfLesson = memberFacts(true);
const triedOfAll = triedFacts(false);
const triedOfLesson = triedFacts(true);

/** Reads what the rule needs about one student (for one lesson, when `lessonId` is given). */
export function studentRule(
	db: Db,
	studentId: string,
	now = new Date(),
	lessonId?: number
): StudentRule {
	const [member, tried] =
		lessonId === undefined
			? [memberOfAll(db).all({ studentId }), triedOfAll(db).all({ studentId })]
			: [
					memberOfLesson(db).all({ studentId, lessonId }),
					triedOfLesson(db).all({ studentId, lessonId })
				];

	const memberAssignments = new Set(member.map((a) => a.id));
	const facts = new Map<string, (typeof member)[number]>();
	for (const a of [...member, ...tried]) facts.set(a.id, a);
	const heldBy = new Map<number, Set<string>>();
	for (const a of facts.values()) {
		if (a.reveal === 'each') continue;
		const taken = tried.filter((t) => t.id === a.id);
		const dueAt = a.dueAt;
		let held: boolean;
		if (memberAssignments.has(a.id)) {
			// Open, or not yet taken and not yet past the moment its answers come out.
			const open = taken.some((f) => f.finishedAt === null);
			const finished = taken.some((f) => f.finishedAt !== null);
			held = open || (a.reveal === 'due' && dueAt ? now < dueAt : !finished);
		} else {
			// No longer in the class: only what their finished attempts still hide stays hidden.
			held = taken.some(
				(f) =>
					f.finishedAt !== null &&
					!attemptReveals({ reveal: a.reveal, finishedAt: f.finishedAt, dueAt }, now)
			);
		}
		if (!held) continue;
		let set = heldBy.get(a.lessonId);
		if (!set) heldBy.set(a.lessonId, (set = new Set()));
		set.add(a.id);
	}
	return { now, heldBy, memberAssignments };
}

/** Does an assignment (other than `own`) hold back the answers of this lesson? */
export function lessonHeld(rule: StudentRule, lessonId: number, own: string | null = null) {
	const by = rule.heldBy.get(lessonId);
	return !!by && [...by].some((id) => id !== own);
}

/** The lessons whose answers are held back now. */
export function heldLessons(rule: StudentRule): number[] {
	return [...rule.heldBy.keys()];
}

interface AttemptLike extends Disclosable {
	lessonId: number;
	assignmentId: string | null;
}

/** Keys, explanations, verdicts and score of this attempt: may the student see them now? */
export function attemptDisclosed(rule: StudentRule, attempt: AttemptLike): boolean {
	return (
		attemptReveals(attempt, rule.now) && !lessonHeld(rule, attempt.lessonId, attempt.assignmentId)
	);
}

/** The verdict and key right after an answer, before the quiz is finished? */
export function answerDisclosed(rule: StudentRule, attempt: AttemptLike): boolean {
	return attempt.reveal === 'each' && !lessonHeld(rule, attempt.lessonId, attempt.assignmentId);
}

export type AnswerPermission = { ok: true } | { ok: false; message: string };

/**
 * May the student still answer this attempt? Not when it was set by a class they have left, nor
 * when its lesson is an imported text they can no longer see.
 */
export function mayAnswer(
	db: Db,
	rule: StudentRule,
	studentId: string,
	attempt: AttemptLike
): AnswerPermission {
	if (attempt.assignmentId && !rule.memberAssignments.has(attempt.assignmentId)) {
		return {
			ok: false,
			message:
				'This quiz was set by a class you are no longer in, so it cannot be continued. ' +
				'Your answers so far are kept.'
		};
	}
	if (!lessonVisibleTo(db, studentId, attempt.lessonId)) {
		return {
			ok: false,
			message: 'This lesson is no longer shared with you, so its quiz cannot be continued.'
		};
	}
	return { ok: true };
}

/** A bundled lesson, or an import of a teacher whose (active) class the student is in. */
export function lessonVisibleTo(db: Db, studentId: string, lessonId: number): boolean {
	return !!visibleLesson(db).get({ lessonId, studentId });
}

const visibleLesson = prepared((db) =>
	db
		.select({ id: lessons.id })
		.from(lessons)
		.innerJoin(sources, eq(sources.id, lessons.sourceId))
		.where(
			and(
				eq(lessons.id, sql.placeholder('lessonId')),
				or(
					isNull(sources.ownerId),
					inArray(
						sources.ownerId,
						db
							.select({ teacherId: classes.teacherId })
							.from(classMembers)
							.innerJoin(classes, eq(classes.id, classMembers.classId))
							.where(
								and(
									eq(classMembers.studentId, sql.placeholder('studentId')),
									eq(classes.archived, false)
								)
							)
					)
				)
			)
		)
		.prepare()
);

/** The practice quiz (graded with keys, nothing stored) of a lesson: open to this student now? */
export function practiceAllowed(rule: StudentRule, lessonId: number): boolean {
	return !lessonHeld(rule, lessonId);
}

export const PRACTICE_HELD_MESSAGE =
	'Your class has an assignment on this lesson whose answers are not shown yet, so practice ' +
	'with answers opens once they are. Take the assignment from your home page.';

/**
 * Finished attempts as the student may see them: a score the results page still hides is left
 * out (score and count 0, `shown` false), so no list, chart or best score gives it away.
 */
export function discloseHistory<E extends AttemptLike & { score: number; correctCount: number }>(
	rule: StudentRule,
	entries: E[]
): (E & { shown: boolean })[] {
	return entries.map((e) =>
		attemptDisclosed(rule, e)
			? { ...e, shown: true }
			: {
					...e,
					score: 0,
					correctCount: 0,
					...('overridden' in e && { overridden: false }),
					shown: false
				}
	);
}
