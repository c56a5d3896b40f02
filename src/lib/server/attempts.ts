import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { drawQuiz } from '$lib/quiz/draw';
import { gradeResponse, type GradeResult } from '$lib/quiz/grade';
import type { Question, Response } from '$lib/quiz/types';
import type { Db, Tx } from './db/connection';
import { inTransaction, perConnection, statement } from './db/client';
import { assignments, attempts, lessons } from './db/schema';
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

/**
 * Draws a quiz from the lesson's bank and stores it with its seed and a snapshot of every
 * question as asked. Returns the attempt id, or null when there is nothing to ask.
 */
export function startAttempt(db: Db, input: StartAttemptInput): string | null {
	// Every quiz starts here: compiled statements, as for answers (the query builder rebuilt its SQL
	// on every call).
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
		statement(
			db,
			`insert into attempts (id, user_id, lesson_id, assignment_id, seed, kind, question_count,
			                       bank_owner_id)
			 values (?, ?, ?, ?, ?, ?, ?, ?)`
		).run(
			id,
			input.userId,
			input.lessonId,
			input.assignmentId ?? null,
			seed,
			input.kind ?? 'quiz',
			drawn.length,
			input.bankOwner ?? null
		);
		const ask = statement(
			db,
			`insert into attempt_questions (attempt_id, position, question_id, question_version, snapshot)
			 values (?, ?, ?, ?, ?)`
		);
		drawn.forEach((q, position) =>
			ask.run(id, position, q.id, versions.get(q.id) ?? 1, JSON.stringify(q))
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

function askedQuestions(db: Db, attemptId: string) {
	const askedByAttempt = askedCache(db);
	let asked = askedByAttempt.get(attemptId);
	if (asked) {
		askedByAttempt.delete(attemptId); // most recently used goes last
	} else {
		const rows = statement(
			db,
			'select position, snapshot from attempt_questions where attempt_id = ? order by position'
		).all(attemptId) as { position: number; snapshot: string }[];
		asked = rows.map((r) => ({
			position: r.position,
			question: JSON.parse(r.snapshot) as Question
		}));
		if (askedByAttempt.size >= ASKED_KEPT) {
			askedByAttempt.delete(askedByAttempt.keys().next().value!);
		}
	}
	askedByAttempt.set(attemptId, asked);
	return asked;
}

/** An attempt with its questions as asked and the answers so far. */
export function getAttempt(db: Db, attemptId: string): AttemptView | null {
	// Every quiz page shows this: compiled statements, rows decoded by hand (JSON text, ms, 0/1).
	const a = statement(
		db,
		`select a.id, a.user_id as userId, a.lesson_id as lessonId, l.slug as lessonSlug,
		        l.title as lessonTitle, a.assignment_id as assignmentId, a.kind,
		        a.bank_owner_id as bankOwnerId,
		        a.started_at as startedAt, a.finished_at as finishedAt, a.score,
		        a.correct_count as correctCount, a.question_count as questionCount,
		        coalesce(s.reveal, 'each') as reveal, s.due_at as dueAt
		 from attempts a join lessons l on l.id = a.lesson_id
		 left join assignments s on s.id = a.assignment_id
		 where a.id = ?`
	).get(attemptId) as AttemptRow | undefined;
	if (!a) return null;
	const answered = new Map(
		(
			statement(
				db,
				'select position, given, correct, score, response from answers where attempt_id = ?'
			).all(attemptId) as AnswerRow[]
		).map((x) => [x.position, x])
	);
	return {
		...a,
		startedAt: new Date(a.startedAt),
		finishedAt: a.finishedAt === null ? null : new Date(a.finishedAt),
		dueAt: a.dueAt === null ? null : new Date(a.dueAt),
		items: askedQuestions(db, attemptId).map(({ position, question }) => {
			const x = answered.get(position);
			return {
				position,
				question,
				answer: x
					? {
							given: x.given,
							correct: x.correct === 1,
							score: x.score,
							response: JSON.parse(x.response) as Response
						}
					: null
			};
		})
	};
}

type AttemptRow = Omit<AttemptView, 'startedAt' | 'finishedAt' | 'dueAt' | 'items'> & {
	startedAt: number;
	finishedAt: number | null;
	dueAt: number | null;
};

interface AnswerRow {
	position: number;
	given: string;
	correct: number;
	score: number;
	response: string;
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
		const inserted = statement(
			db,
			`insert into answers (attempt_id, position, question_id, response, given, correct, score, answered_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`
		).run(
			attempt.id,
			position,
			question.id,
			JSON.stringify(stored),
			grade.given,
			grade.correct ? 1 : 0,
			grade.score,
			now.getTime()
		);
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

/** Finishes the attempt when every question is answered: its end time and score, else null. */
function finishIfComplete(
	db: Db,
	attemptId: string,
	now: Date
): Pick<AttemptView, 'finishedAt' | 'correctCount' | 'score'> | null {
	const totals = statement(
		db,
		`select count(*) as answered, coalesce(sum(x.correct), 0) as correct,
		        coalesce(sum(x.score), 0) as score, a.question_count as questionCount,
		        a.finished_at as finishedAt
		 from attempts a left join answers x on x.attempt_id = a.id
		 where a.id = ?`
	).get(attemptId) as {
		answered: number;
		correct: number;
		score: number;
		questionCount: number;
		finishedAt: number | null;
	};
	if (totals.finishedAt !== null || totals.answered < totals.questionCount) return null;
	const score = totals.score / totals.questionCount;
	statement(
		db,
		'update attempts set finished_at = ?, correct_count = ?, score = ? where id = ?'
	).run(now.getTime(), totals.correct, score, attemptId);
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
	startedAt: Date;
	finishedAt: Date;
	score: number;
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
			startedAt: attempts.startedAt,
			finishedAt: attempts.finishedAt,
			score: attempts.score,
			correctCount: attempts.correctCount,
			questionCount: attempts.questionCount
		})
		.from(attempts)
		.innerJoin(lessons, eq(attempts.lessonId, lessons.id))
		.leftJoin(assignments, eq(attempts.assignmentId, assignments.id))
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
