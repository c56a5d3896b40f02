import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { formatAnswer } from '$lib/quiz/grade';
import {
	MIN_FOR_DISCRIMINATION,
	MIN_FOR_RARE,
	questionStats,
	RARE_SHARE,
	sentencePerformance,
	type AnswerRecord
} from '$lib/quiz/stats';
import type { Question } from '$lib/quiz/types';
import type { Tx } from './db/connection';
import { answers, attempts, classes, classMembers } from './db/schema';
import { listBank, TYPE_LABELS } from './curation';

/** Which attempts count: one assignment's, or a lesson's by the teacher's students. */
export type StatsScope = { assignmentId: string } | { lessonId: number; teacherId: string };

/** Answers of finished quiz attempts in the scope (retries of missed questions left out). */
export function answerRecords(db: Tx, scope: StatsScope): AnswerRecord[] {
	const where =
		'assignmentId' in scope
			? eq(attempts.assignmentId, scope.assignmentId)
			: and(
					eq(attempts.lessonId, scope.lessonId),
					inArray(
						attempts.userId,
						db
							.selectDistinct({ id: classMembers.studentId })
							.from(classMembers)
							.innerJoin(classes, eq(classMembers.classId, classes.id))
							.where(eq(classes.teacherId, scope.teacherId))
					)
				);
	return db
		.select({
			attemptId: answers.attemptId,
			studentId: attempts.userId,
			questionId: answers.questionId,
			correct: answers.correct,
			response: answers.given,
			attemptScore: attempts.score
		})
		.from(answers)
		.innerJoin(attempts, eq(answers.attemptId, attempts.id))
		.where(and(where, eq(attempts.kind, 'quiz'), isNotNull(attempts.finishedAt)))
		.all()
		.map((r) => ({ ...r, attemptScore: r.attemptScore ?? 0 }));
}

export interface QuestionReport {
	id: string;
	number: number;
	type: string;
	prompt: string;
	key: string;
	enabled: boolean;
	answered: number;
	correct: number;
	facility: number | null;
	discrimination: number | null;
	options: { option: string; count: number; share: number; isKey: boolean; rare: boolean }[];
	/** Typed questions: the most common wrong answers with their counts. */
	wrongAnswers: { answer: string; count: number }[];
	/** Plain-language notes for the teacher. */
	notes: string[];
}

function notesFor(facility: number | null, discrimination: number | null, rare: string[]) {
	const notes: string[] = [];
	if (facility !== null && facility >= 0.9) notes.push(m.t_note_easy());
	if (facility !== null && facility < 0.3) notes.push(m.t_note_hard());
	if (discrimination !== null && discrimination < 0) notes.push(m.t_note_reversed());
	else if (discrimination !== null && discrimination < 0.2) notes.push(m.t_note_weak());
	for (const option of rare) notes.push(m.t_note_rare({ option }));
	return notes;
}

export interface LessonStats {
	attempts: number;
	students: number;
	questions: QuestionReport[];
	/** Per sentence index: share correct and number of answers (only sentences with answers). */
	sentences: { sentenceIndex: number; share: number; count: number; questions: number }[];
	thresholds: { minForDiscrimination: number; minForRare: number; rareShare: number };
}

/**
 * Item analysis of a lesson's bank over the answers in scope: the teacher's version of it (see
 * bank-versions), followed by the originals her copies replaced (answered before she copied them).
 */
export function lessonStats(
	db: Tx,
	lessonId: number,
	scope: StatsScope,
	owner: string | null = null
): LessonStats {
	const own = listBank(db, lessonId, owner);
	const replaced = new Set(own.flatMap((e) => (e.baseId ? [e.baseId] : [])));
	const bank = replaced.size
		? [...own, ...listBank(db, lessonId).filter((e) => replaced.has(e.id))]
		: own;
	const records = answerRecords(db, scope);
	const bankQuestions: Question[] = bank.map((b) => b.question);
	const stats = questionStats(bankQuestions, records);
	const questions = bank
		.map((entry, i) => {
			const s = stats[i];
			return {
				id: entry.id,
				number: i + 1,
				type: TYPE_LABELS[entry.question.type],
				prompt: entry.question.prompt,
				key: formatAnswer(entry.question),
				enabled: entry.enabled,
				answered: s.answered,
				correct: s.correct,
				facility: s.facility,
				discrimination: s.discrimination,
				options: s.options.map((o) => ({ ...o, rare: s.rarelyChosen.includes(o.option) })),
				wrongAnswers: s.wrongAnswers,
				notes: notesFor(s.facility, s.discrimination, s.rarelyChosen)
			};
		})
		.filter((q) => q.enabled || q.answered > 0);
	return {
		attempts: new Set(records.map((r) => r.attemptId)).size,
		students: new Set(records.map((r) => r.studentId)).size,
		questions,
		sentences: sentencePerformance(bankQuestions, records)
			.filter((s) => s.share !== null && s.sentenceIndex > 0)
			.map((s) => ({
				sentenceIndex: s.sentenceIndex,
				share: s.share as number,
				count: s.answered,
				questions: s.questions
			})),
		thresholds: {
			minForDiscrimination: MIN_FOR_DISCRIMINATION,
			minForRare: MIN_FOR_RARE,
			rareShare: RARE_SHARE
		}
	};
}
