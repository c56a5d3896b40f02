import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { drawQuiz } from '$lib/quiz/draw';
import { gradeResponse, type GradeResult } from '$lib/quiz/grade';
import type { Question, Response } from '$lib/quiz/types';
import type { Db, Tx } from './db/connection';
import { inTransaction, perConnection, prepared } from './db/client';
import {
	answers,
	assignments,
	attemptMarks,
	attemptQuestions,
	attempts,
	classes,
	lessons
} from './db/schema';
import { recordReviewOutcome } from './review';
import type { Reveal } from './assignments';
import { bankFor } from './bank-versions';

export const DEFAULT_QUIZ_LENGTH = 10;
/** The most questions a quiz a student starts asks, however large the bank (an assignment sets its own, up to 50). */
export const MAX_QUIZ_LENGTH = 25;
const USUAL_LENGTHS = [5, 10, 15, 20];

/** The lengths to offer for a bank whose longest quiz has `longest` questions. */
export function quizLengthChoices(longest: number) {
	const most = Math.min(longest, MAX_QUIZ_LENGTH);
	const lengths = USUAL_LENGTHS.filter((n) => n < most);
	if (most > 0) lengths.push(most);
	return { lengths, defaultLength: Math.min(DEFAULT_QUIZ_LENGTH, most), longest: most };
}

export interface StartAttemptInput {
	userId: string;
	lessonId: number;
	count: number;
	assignmentId?: string | null;
	/** Restrict the draw to these question ids (retrying the missed ones). */
	only?: string[];
	kind?: 'quiz' | 'retry';
	/** Whose version of the bank to draw from (see bank-versions); null or absent: the lesson's. */
	bankOwner?: string | null;
}

// Drawn once per bank: the cached bank is a new array whenever the bank changes.
const longestByBank = new WeakMap<object, number>();

/** The longest quiz the lesson's bank gives (questions that would give each other away excluded). */
export function longestQuiz(db: Tx, lessonId: number, bankOwner: string | null = null): number {
	const bank = bankFor(db, lessonId, bankOwner);
	let longest = longestByBank.get(bank);
	if (longest === undefined) {
		const questions = bank.map((b) => b.question);
		longest = drawQuiz(questions, questions.length, 'longest').length;
		longestByBank.set(bank, longest);
	}
	return longest;
}

const insertAttempt = prepared((db) =>
	db
		.insert(attempts)
		.values({
			id: sql.placeholder('id'),
			userId: sql.placeholder('userId'),
			lessonId: sql.placeholder('lessonId'),
			assignmentId: sql.placeholder('assignmentId'),
			seed: sql.placeholder('seed'),
			kind: sql.placeholder('kind'),
			questionCount: sql.placeholder('questionCount'),
			bankOwnerId: sql.placeholder('bankOwnerId')
		})
		.prepare()
);

const insertAsked = prepared((db) =>
	db
		.insert(attemptQuestions)
		.values({
			attemptId: sql.placeholder('attemptId'),
			position: sql.placeholder('position'),
			questionId: sql.placeholder('questionId'),
			questionVersion: sql.placeholder('questionVersion'),
			snapshot: sql.placeholder('snapshot')
		})
		.prepare()
);

/**
 * Draws a quiz from the lesson's bank and stores it with its seed and a snapshot of every
 * question as asked. Returns the attempt id, or null when there is nothing to ask.
 */
export function startAttempt(db: Db, input: StartAttemptInput): string | null {
	// Every quiz starts here: statements compiled once (see `prepared`), as for answers.
	return inTransaction(db, () => {
		const bank = bankFor(db, input.lessonId, input.bankOwner ?? null);
		const versions = new Map(bank.map((b) => [b.question.id, b.version]));
		const seed = crypto.randomUUID();
		const drawn = drawQuiz(
			bank.map((b) => b.question),
			input.count,
			seed,
			{ only: input.only }
		);
		if (drawn.length === 0) return null;
		const id = crypto.randomUUID();
		insertAttempt(db).run({
			id,
			userId: input.userId,
			lessonId: input.lessonId,
			assignmentId: input.assignmentId ?? null,
			seed,
			kind: input.kind ?? 'quiz',
			questionCount: drawn.length,
			bankOwnerId: input.bankOwner ?? null
		});
		const ask = insertAsked(db);
		drawn.forEach((q, position) =>
			ask.run({
				attemptId: id,
				position,
				questionId: q.id,
				questionVersion: versions.get(q.id) ?? 1,
				snapshot: q
			})
		);
		return id;
	});
}

export interface AttemptQuestion {
	position: number;
	question: Question;
	answer: { given: string; correct: boolean; score: number; response: Response } | null;
}

export interface AttemptView {
	id: string;
	userId: string;
	lessonId: number;
	lessonSlug: string;
	lessonTitle: string;
	assignmentId: string | null;
	kind: 'quiz' | 'retry';
	/** Whose version of the bank it was drawn from (null: the lesson's own). */
	bankOwnerId: string | null;
	startedAt: Date;
	finishedAt: Date | null;
	score: number | null;
	correctCount: number;
	questionCount: number;
	reveal: Reveal;
	dueAt: Date | null;
	items: AttemptQuestion[];
}

// An attempt's questions are stored once, when it starts, and never change: each attempt's are
// parsed once and kept for its next pages (the most recent attempts, a bounded number).
const ASKED_KEPT = 1000;
const askedCache = perConnection(
	() => new Map<string, { position: number; question: Question }[]>()
);

const askedRows = prepared((db) =>
	db
		.select({ position: attemptQuestions.position, question: attemptQuestions.snapshot })
		.from(attemptQuestions)
		.where(eq(attemptQuestions.attemptId, sql.placeholder('attemptId')))
		.orderBy(asc(attemptQuestions.position))
		.prepare()
);

function askedQuestions(db: Db, attemptId: string) {
	const askedByAttempt = askedCache(db);
	let asked = askedByAttempt.get(attemptId);
	if (asked) {
		askedByAttempt.delete(attemptId); // most recently used goes last
	} else {
		asked = askedRows(db).all({ attemptId });
		if (askedByAttempt.size >= ASKED_KEPT) {
			askedByAttempt.delete(askedByAttempt.keys().next().value!);
		}
	}
	askedByAttempt.set(attemptId, asked);
	return asked;
}

const attemptById = prepared((db) =>
	db
		.select({
			id: attempts.id,
			userId: attempts.userId,
			lessonId: attempts.lessonId,
			lessonSlug: lessons.slug,
			lessonTitle: lessons.title,
			assignmentId: attempts.assignmentId,
			kind: attempts.kind,
			bankOwnerId: attempts.bankOwnerId,
			startedAt: attempts.startedAt,
			finishedAt: attempts.finishedAt,
			score: attempts.score,
			correctCount: attempts.correctCount,
			questionCount: attempts.questionCount,
			reveal: assignments.reveal,
			dueAt: assignments.dueAt
		})
		.from(attempts)
		.innerJoin(lessons, eq(lessons.id, attempts.lessonId))
		.leftJoin(assignments, eq(assignments.id, attempts.assignmentId))
		.where(eq(attempts.id, sql.placeholder('attemptId')))
		.prepare()
);

const answersOf = prepared((db) =>
	db
		.select({
			position: answers.position,
			given: answers.given,
			correct: answers.correct,
			score: answers.score,
			response: answers.response
		})
		.from(answers)
		.where(eq(answers.attemptId, sql.placeholder('attemptId')))
		.prepare()
);

/** An attempt with its questions as asked and the answers so far. */
export function getAttempt(db: Db, attemptId: string): AttemptView | null {
	// Every quiz page shows this: statements compiled once (see `prepared`).
	const a = attemptById(db).get({ attemptId });
	if (!a) return null;
	const answered = new Map(
		answersOf(db)
			.all({ attemptId })
			.map(({ position, ...x }) => [position, x])
	);
	return {
		...a,
		// A quiz of the student's own (no assignment) shows each answer's verdict at once.
		reveal: a.reveal ?? 'each',
		items: askedQuestions(db, attemptId).map(({ position, question }) => ({
			position,
			question,
			answer: answered.get(position) ?? null
		}))
	};
}

export interface AnswerOutcome {
	status: 'recorded' | 'already-answered';
	grade: GradeResult;
	finished: boolean;
	/** The attempt as stored once the answer is in: the page shows it without reading it again. */
	attempt: AttemptView;
}

/**
 * Grades and stores one answer to `item`, a question of `attempt`. The caller reads the attempt
 * (getAttempt) and calls this with no await in between, so the view is what the database holds.
 * The primary key (attempt, position) makes a repeated submission (double click, back button,
 * replay) a no-op that returns the first answer's grade. The last answer also finishes the
 * attempt, in the same transaction.
 */
export function recordAnswer(
	db: Db,
	attempt: AttemptView,
	item: AttemptQuestion,
	response: Response | undefined,
	now = new Date()
): AnswerOutcome {
	const { question, position } = item;
	if (item.answer) {
		const grade = gradeResponse(question, item.answer.response);
		return { status: 'already-answered', grade, finished: attempt.finishedAt !== null, attempt };
	}
	// Other typed names in the quiz: an answer close to one of them gets no typo credit.
	const avoid =
		question.type === 'fill_blank'
			? attempt.items.flatMap((i) =>
					i.position !== position && i.question.type === 'fill_blank' ? [i.question.answer] : []
				)
			: [];
	const grade = gradeResponse(question, response, { avoid });
	const stored = response ?? '';

	return inTransaction(db, () => {
		const inserted = insertAnswer(db).run({
			attemptId: attempt.id,
			position,
			questionId: question.id,
			response: stored,
			given: grade.given,
			correct: grade.correct,
			score: grade.score,
			answeredAt: now
		});
		if (inserted.changes === 0) {
			// Answered since the view was read (another connection): the first answer counts.
			const fresh = getAttempt(db, attempt.id)!;
			const first = fresh.items.find((i) => i.position === position)!;
			return recordAnswer(db, fresh, first, undefined, now);
		}
		recordReviewOutcome(db, attempt.userId, question.id, grade.correct, now);
		const answer = {
			given: grade.given,
			correct: grade.correct,
			score: grade.score,
			response: stored
		};
		const items = attempt.items.map((i) => (i.position === position ? { ...i, answer } : i));
		const totals = finishIfComplete(db, attempt.id, now);
		const after: AttemptView = totals ? { ...attempt, ...totals, items } : { ...attempt, items };
		return { status: 'recorded', grade, finished: totals !== null, attempt: after };
	});
}

const insertAnswer = prepared((db) =>
	db
		.insert(answers)
		.values({
			attemptId: sql.placeholder('attemptId'),
			position: sql.placeholder('position'),
			questionId: sql.placeholder('questionId'),
			response: sql.placeholder('response'),
			given: sql.placeholder('given'),
			correct: sql.placeholder('correct'),
			score: sql.placeholder('score'),
			answeredAt: sql.placeholder('answeredAt')
		})
		.onConflictDoNothing()
		.prepare()
);

const attemptTotals = prepared((db) =>
	db
		.select({
			answered: sql<number>`count(${answers.position})`,
			correct: sql<number>`coalesce(sum(${answers.correct}), 0)`,
			score: sql<number>`coalesce(sum(${answers.score}), 0)`,
			questionCount: attempts.questionCount,
			finishedAt: attempts.finishedAt
		})
		.from(attempts)
		.leftJoin(answers, eq(answers.attemptId, attempts.id))
		.where(eq(attempts.id, sql.placeholder('attemptId')))
		.prepare()
);

// `set` takes no placeholder of a column's own type: the values go in as stored (ms).
const finishAttempt = prepared((db) =>
	db
		.update(attempts)
		.set({
			finishedAt: sql`${sql.placeholder('finishedAtMs')}`,
			correctCount: sql`${sql.placeholder('correctCount')}`,
			score: sql`${sql.placeholder('score')}`
		})
		.where(eq(attempts.id, sql.placeholder('attemptId')))
		.prepare()
);

/** Finishes the attempt when every question is answered: its end time and score, else null. */
function finishIfComplete(
	db: Db,
	attemptId: string,
	now: Date
): Pick<AttemptView, 'finishedAt' | 'correctCount' | 'score'> | null {
	const totals = attemptTotals(db).get({ attemptId })!;
	if (totals.finishedAt !== null || totals.answered < totals.questionCount) return null;
	const score = totals.score / totals.questionCount;
	finishAttempt(db).run({
		finishedAtMs: now.getTime(),
		correctCount: totals.correct,
		score,
		attemptId
	});
	return { finishedAt: now, correctCount: totals.correct, score };
}

/** The student's unfinished attempt at a lesson's own quiz (not an assignment), to resume. */
export function findOpenAttempt(db: Tx, userId: string, lessonId: number): string | null {
	return (
		db
			.select({ id: attempts.id })
			.from(attempts)
			.where(
				and(
					eq(attempts.userId, userId),
					eq(attempts.lessonId, lessonId),
					isNull(attempts.finishedAt),
					isNull(attempts.assignmentId),
					eq(attempts.kind, 'quiz')
				)
			)
			.orderBy(desc(attempts.startedAt))
			.get()?.id ?? null
	);
}

export interface HistoryEntry {
	id: string;
	lessonId: number;
	assignmentId: string | null;
	reveal: Reveal;
	dueAt: Date | null;
	lessonSlug: string;
	lessonTitle: string;
	kind: 'quiz' | 'retry';
	/** The class the attempt counts for; null: practice (or its assignment was deleted). */
	className: string | null;
	startedAt: Date;
	finishedAt: Date;
	/** The score that counts: a teacher's override when there is one (see marks). */
	score: number;
	overridden: boolean;
	correctCount: number;
	questionCount: number;
}

/** Finished attempts, oldest first. */
export function listFinishedAttempts(db: Tx, userId: string): HistoryEntry[] {
	return db
		.select({
			id: attempts.id,
			lessonId: attempts.lessonId,
			assignmentId: attempts.assignmentId,
			reveal: sql<Reveal>`coalesce(${assignments.reveal}, 'each')`,
			dueAt: assignments.dueAt,
			lessonSlug: lessons.slug,
			lessonTitle: lessons.title,
			kind: attempts.kind,
			className: classes.name,
			startedAt: attempts.startedAt,
			finishedAt: attempts.finishedAt,
			score: sql<number>`coalesce(${attemptMarks.score}, ${attempts.score})`,
			overridden: sql<boolean>`${attemptMarks.score} is not null`.mapWith(Boolean),
			correctCount: attempts.correctCount,
			questionCount: attempts.questionCount
		})
		.from(attempts)
		.innerJoin(lessons, eq(attempts.lessonId, lessons.id))
		.leftJoin(assignments, eq(attempts.assignmentId, assignments.id))
		.leftJoin(classes, eq(assignments.classId, classes.id))
		.leftJoin(attemptMarks, eq(attemptMarks.attemptId, attempts.id))
		.where(and(eq(attempts.userId, userId), isNotNull(attempts.finishedAt)))
		.orderBy(asc(attempts.finishedAt))
		.all() as HistoryEntry[];
}

export interface LessonProgress {
	best: number;
	last: number;
	attempts: number;
}

/** Best and last score per lesson slug, from full quizzes (retries of missed ones excluded). */
export function progressByLesson(
	entries: (HistoryEntry & { shown?: boolean })[]
): Map<string, LessonProgress> {
	const progress = new Map<string, LessonProgress>();
	for (const e of entries) {
		// A score not shown yet (answers after the due date) counts once it is.
		if (e.kind !== 'quiz' || e.shown === false) continue;
		const p = progress.get(e.lessonSlug);
		progress.set(e.lessonSlug, {
			best: Math.max(p?.best ?? 0, e.score),
			last: e.score,
			attempts: (p?.attempts ?? 0) + 1
		});
	}
	return progress;
}
