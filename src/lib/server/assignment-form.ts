import { m } from '$lib/paraglide/messages';
import type { SessionUser } from './auth/session';
import { assignmentFormSchema, type AssignmentInput } from './assignments';
import { longestQuiz } from './attempts';
import { bankOwnerFor } from './bank-versions';
import type { Tx } from './db/connection';
import { echoFields, parseForm, type FormFailure } from './forms';
import { canSeeLesson, getLessonById } from './lessons';

export type AssignmentFormResult =
	/** `capped`: more questions were asked for than the lesson's quiz can hold; it holds this many. */
	{ ok: true; input: AssignmentInput; capped: number | null } | FormFailure;

/** Reads the assignment form and checks the lesson is one this teacher may assign. */
export async function readAssignmentForm(
	db: Tx,
	request: Request,
	teacher: SessionUser
): Promise<AssignmentFormResult> {
	const parsed = await parseForm(request, assignmentFormSchema);
	if (!parsed.ok) return parsed;
	const { lessonId, dueAt, questionCount, attemptsAllowed, reveal } = parsed.data;
	const fields = echoFields(parsed.form);
	const refuse = (field: string, message: string): FormFailure => ({
		ok: false,
		message,
		fields,
		errors: { [field]: message }
	});
	const lesson = getLessonById(db, lessonId);
	if (!lesson || !canSeeLesson(db, lesson, teacher)) {
		return refuse('lessonId', m.t_choose_listed_lesson());
	}
	if (reveal === 'due' && !dueAt) {
		return refuse('dueAt', m.t_reveal_needs_due());
	}
	// Questions that would give each other's answers away are never asked together, so a lesson's
	// quiz can hold fewer questions than its bank has.
	const most = longestQuiz(db, lesson.id, bankOwnerFor(lesson, teacher));
	if (most === 0) {
		return refuse('lessonId', m.t_lesson_no_questions());
	}
	return {
		ok: true,
		input: {
			lessonId,
			dueAt: dueAt ?? null,
			questionCount: Math.min(questionCount, most),
			attemptsAllowed,
			reveal
		},
		capped: questionCount > most ? most : null
	};
}

/**
 * Where the teacher goes once an assignment is saved: its class page, with what to tell them in
 * the address (read back by `assignmentNotice`).
 */
export function classPageAfterSaving(
	classId: string,
	saved: 'assigned' | 'edited',
	capped: number | null
): string {
	const query = new URLSearchParams({ [saved]: '1' });
	if (capped) query.set('questions', String(capped));
	return `/teacher/classes/${classId}?${query}#assignments-heading`;
}

/** What the class page tells the teacher after an assignment was saved, read from its address. */
export function assignmentNotice(params: URLSearchParams): string | null {
	const assigned = params.has('assigned');
	if (!assigned && !params.has('edited')) return null;
	const capped = params.get('questions') ?? '';
	if (!/^\d{1,2}$/.test(capped)) return assigned ? m.t_notice_assigned() : m.t_notice_edited();
	const count = Number(capped);
	return assigned ? m.t_notice_assigned_capped({ count }) : m.t_notice_edited_capped({ count });
}
