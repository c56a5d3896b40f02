import { error } from '@sveltejs/kit';
import { db } from '../db';
import { getVisibleLesson, type LessonSummary } from '../lessons';
import { requireTeacher } from './guards';
import type { SessionUser } from './session';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

/**
 * The signed-in teacher and a lesson they may assign, curate and export: a bundled lesson or one
 * of their own imports. Another teacher's import answers 404. Call first in a load or action.
 */
export function requireTeacherLesson(
	event: GuardEvent,
	slug: string
): { user: SessionUser; lesson: LessonSummary } {
	const user = requireTeacher(event);
	const lesson = getVisibleLesson(db, slug, user);
	if (!lesson) error(404, 'There is no lesson at this address.');
	return { user, lesson };
}
