import { and, desc, eq, exists, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from './db/connection';
import { inTransaction, perConnection, prepared } from './db/client';
import { answers, attempts, lessons } from './db/schema';
import { startAttempt, type StartAttemptInput } from './attempts';

/**
 * Quizzes a student starts on their own (a lesson's quiz, a retry of missed questions), as opposed
 * to an assignment's. They are bounded three ways:
 * - starting one on a lesson replaces the student's unfinished one of the same kind there when no
 *   question of it has been answered (an answer is never thrown away: that one stays to finish);
 * - at most MAX_OPEN_PRACTICE unfinished ones in all (the oldest unanswered ones make room);
 * - at most `practiceStartLimit()` started in PRACTICE_WINDOW_MS;
 * and unfinished ones with no start or answer for ABANDONED_AFTER_MS are deleted. A finished
 * attempt, and any attempt of an assignment, is never deleted.
 */
export const MAX_OPEN_PRACTICE = 10;
export const PRACTICE_WINDOW_MS = 10 * 60_000;
export const ABANDONED_AFTER_MS = 7 * 24 * 60 * 60_000;

/**
 * Starts allowed per student in PRACTICE_WINDOW_MS: PRACTICE_START_LIMIT from the environment
 * (0 turns the limit off, as the benchmarks do), else 20. Read on every use.
 */
export function practiceStartLimit(env: Record<string, string | undefined> = process.env): number {
	const n = Number(env.PRACTICE_START_LIMIT);
	return env.PRACTICE_START_LIMIT && Number.isInteger(n) && n >= 0 ? n : 20;
}

export type PracticeStart =
	| { ok: true; attemptId: string; replaced: boolean }
	| {
			ok: false;
			status: 400 | 409 | 429;
			message: string;
			/** Refused at the cap: the unfinished quizzes, to go on with one. */
			open?: { id: string; title: string; kind: 'quiz' | 'retry' }[];
	  };

// Start times per student within the window. In memory, per database: a restart forgets them,
// which only lifts the wait early.
const startsByUser = perConnection(() => new Map<string, number[]>());

function recentStarts(db: Db, userId: string, now: number): number[] {
	const all = startsByUser(db);
	const since = now - PRACTICE_WINDOW_MS;
	const recent = (all.get(userId) ?? []).filter((t) => t > since);
	if (recent.length) all.set(userId, recent);
	else all.delete(userId);
	if (all.size > 10_000) {
		for (const [id, times] of all) if (times[times.length - 1] <= since) all.delete(id);
	}
	return recent;
}

function waitText(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

interface OpenPractice {
	id: string;
	lessonId: number;
	kind: 'quiz' | 'retry';
	title: string;
	/** Whether any of its questions has been answered. */
	answered: boolean;
}

const openRows = prepared((db) =>
	db
		.select({
			id: attempts.id,
			lessonId: attempts.lessonId,
			kind: attempts.kind,
			title: lessons.title,
			answered: sql<number>`exists (select 1 from ${answers} where ${answers.attemptId} = ${attempts.id})`
		})
		.from(attempts)
		.innerJoin(lessons, eq(lessons.id, attempts.lessonId))
		.where(
			and(
				eq(attempts.userId, sql.placeholder('userId')),
				isNull(attempts.finishedAt),
				isNull(attempts.assignmentId)
			)
		)
		.orderBy(desc(attempts.startedAt), sql`${attempts}.rowid desc`)
		.prepare()
);

/** The student's unfinished quizzes of their own, newest first. */
export function openPractice(db: Db, userId: string): OpenPractice[] {
	return openRows(db)
		.all({ userId })
		.map((r) => ({ ...r, answered: r.answered === 1 }));
}

const dropOpen = prepared((db) =>
	db
		.delete(attempts)
		.where(and(eq(attempts.id, sql.placeholder('id')), isNull(attempts.finishedAt)))
		.prepare()
);

/** Unfinished quizzes of students' own (one student's with `byUser`) idle since `cutoff`. */
const dropAbandoned = (byUser: boolean) =>
	prepared((db) => {
		// A placeholder in a comparison is bound as given, not as the column stores it: ms here.
		const cutoff = sql.placeholder('cutoffMs');
		const idle = db
			.select({ id: attempts.id })
			.from(attempts)
			.where(
				and(
					byUser ? eq(attempts.userId, sql.placeholder('userId')) : undefined,
					isNull(attempts.finishedAt),
					isNull(attempts.assignmentId),
					lt(attempts.startedAt, cutoff),
					sql`not ${exists(
						db
							.select({ one: sql`1` })
							.from(answers)
							.where(and(eq(answers.attemptId, attempts.id), gte(answers.answeredAt, cutoff)))
					)}`
				)
			);
		return db.delete(attempts).where(inArray(attempts.id, idle)).prepare();
	});
const dropAbandonedOfUser = dropAbandoned(true);
const dropAbandonedOfAll = dropAbandoned(false);

class NothingToAsk extends Error {}

/**
 * Starts a quiz of the student's own: replaces their unfinished one of the same kind on the same
 * lesson, or is refused (with a message) past the limits above, or with `nothingToAsk` when the
 * draw is empty (what the student had is then kept).
 */
export function startSelfPractice(
	db: Db,
	input: Omit<StartAttemptInput, 'assignmentId'> & { kind: 'quiz' | 'retry'; nothingToAsk: string },
	now = new Date()
): PracticeStart {
	const at = now.getTime();
	const recent = recentStarts(db, input.userId, at);
	const limit = practiceStartLimit();
	if (limit > 0 && recent.length >= limit) {
		const wait = recent[recent.length - limit] + PRACTICE_WINDOW_MS - at;
		return {
			ok: false,
			status: 429,
			message:
				`You have started ${recent.length} quizzes in the last ` +
				`${PRACTICE_WINDOW_MS / 60_000} minutes. Wait ${waitText(wait)} before starting ` +
				`another; you can go on with the ones you have started.`
		};
	}
	discardAbandonedPractice(db, now, input.userId);
	const { nothingToAsk, ...draw } = input;
	let outcome: PracticeStart;
	try {
		outcome = inTransaction(db, (): PracticeStart => {
			const open = openPractice(db, input.userId);
			const replaced = open.filter(
				(o) => o.lessonId === input.lessonId && o.kind === input.kind && !o.answered
			);
			// Past the cap the oldest unanswered ones make room: nothing is lost with them.
			const over = open.length - replaced.length - (MAX_OPEN_PRACTICE - 1);
			const spare = open.filter((o) => !o.answered && !replaced.includes(o)).reverse();
			if (over > spare.length) {
				const titles = [...new Set(open.map((o) => `“${o.title}”`))];
				return {
					ok: false,
					status: 409,
					message:
						`You have ${open.length} unfinished quizzes, the most you can have at once ` +
						`(${titles.join(', ')}). Finish one of them before starting another.`,
					open: open.map(({ id, title, kind }) => ({ id, title, kind }))
				};
			}
			const drop = dropOpen(db);
			for (const o of [...replaced, ...spare.slice(0, Math.max(0, over))]) drop.run({ id: o.id });
			const attemptId = startAttempt(db, { ...draw, assignmentId: null });
			// Rolls the replacement back.
			if (!attemptId) throw new NothingToAsk();
			return { ok: true, attemptId, replaced: replaced.length > 0 };
		});
	} catch (error) {
		if (error instanceof NothingToAsk) return { ok: false, status: 400, message: nothingToAsk };
		throw error;
	}
	if (outcome.ok) startsByUser(db).set(input.userId, [...recent, at]);
	return outcome;
}

/**
 * Deletes unfinished quizzes of students' own with no answer and no start in ABANDONED_AFTER_MS
 * (one student's when `userId` is given), with their questions and answers. Never a finished
 * attempt, never an assignment's. Returns how many were deleted.
 */
export function discardAbandonedPractice(db: Db, now = new Date(), userId?: string): number {
	const cutoffMs = now.getTime() - ABANDONED_AFTER_MS;
	const result = userId
		? dropAbandonedOfUser(db).run({ userId, cutoffMs })
		: dropAbandonedOfAll(db).run({ cutoffMs });
	return result.changes;
}
