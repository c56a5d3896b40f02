import { eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import type { Tx } from './db/connection';
import { prepared } from './db/client';
import { attemptMarks, type AttemptMarkRow } from './db/schema';

/**
 * A teacher's marking of an attempt: a comment to the student and an overridden score with its
 * reason. The attempt keeps the score it was graded with; the gradebook and its CSV take the
 * overridden one, and question statistics keep reading the answers themselves.
 */

export const COMMENT_MAX = 2000;
export const REASON_MAX = 500;

export type AttemptMark = Pick<AttemptMarkRow, 'comment' | 'score' | 'reason' | 'updatedAt'>;

// Read with every finished attempt's page: compiled once (see `prepared`).
const markOf = prepared((db) =>
	db
		.select({
			comment: attemptMarks.comment,
			score: attemptMarks.score,
			reason: attemptMarks.reason,
			updatedAt: attemptMarks.updatedAt
		})
		.from(attemptMarks)
		.where(eq(attemptMarks.attemptId, sql.placeholder('attemptId')))
		.prepare()
);

export function getMark(db: Tx, attemptId: string): AttemptMark | null {
	return markOf(db).get({ attemptId }) ?? null;
}

/** Writes the given parts of the mark, keeping the others; drops the row once it holds nothing. */
function writeMark(
	db: Tx,
	attemptId: string,
	teacherId: string,
	parts: Partial<Pick<AttemptMarkRow, 'comment' | 'score' | 'reason'>>
) {
	const now = new Date();
	db.insert(attemptMarks)
		.values({ attemptId, teacherId, ...parts, updatedAt: now })
		.onConflictDoUpdate({
			target: attemptMarks.attemptId,
			set: { teacherId, ...parts, updatedAt: now }
		})
		.run();
	const mark = getMark(db, attemptId);
	if (mark && mark.comment === '' && mark.score === null) {
		db.delete(attemptMarks).where(eq(attemptMarks.attemptId, attemptId)).run();
	}
}

/** Sets (or, with an empty text, removes) the comment the student reads with the result. */
export function saveComment(db: Tx, attemptId: string, teacherId: string, comment: string) {
	writeMark(db, attemptId, teacherId, { comment });
}

/** Replaces the attempt's score (0..1) in the gradebook; the reason is shown with it. */
export function overrideScore(
	db: Tx,
	attemptId: string,
	teacherId: string,
	score: number,
	reason: string
) {
	writeMark(db, attemptId, teacherId, { score, reason });
}

/** The attempt's own score counts again. */
export function clearOverride(db: Tx, attemptId: string, teacherId: string) {
	writeMark(db, attemptId, teacherId, { score: null, reason: '' });
}

/** The score that counts: the teacher's when she overrode it, else the attempt's own. */
export function effectiveScore(own: number | null, mark: Pick<AttemptMark, 'score'> | null) {
	return mark?.score ?? own;
}

const text = (label: () => string, max: number) =>
	v.pipe(
		v.string(() => m.t_must_be_text({ label: label() })),
		v.trim(),
		v.maxLength(max, () => m.t_text_max({ label: label(), max }))
	);

export const commentSchema = v.object({
	comment: v.optional(text(m.t_comment_field, COMMENT_MAX), '')
});

const SCORE_MESSAGE = () => m.t_score_format();

export const overrideSchema = v.object({
	score: v.optional(
		v.pipe(
			v.string(SCORE_MESSAGE),
			v.trim(),
			v.regex(/^\d{1,3}(?:[.,]\d{1,2})?$/, SCORE_MESSAGE),
			v.transform((s) => Number(s.replace(',', '.'))),
			v.maxValue(100, SCORE_MESSAGE),
			v.transform((n) => n / 100)
		),
		''
	),
	reason: v.optional(
		v.pipe(
			text(m.t_reason_field, REASON_MAX),
			v.minLength(1, () => m.t_reason_required())
		),
		''
	)
});
