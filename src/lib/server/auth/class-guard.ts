import { error } from '@sveltejs/kit';
import { db } from '../db';
import { getClassForTeacher } from '../classes';
import type { ClassRow } from '../db/schema';
import { requireTeacher } from './guards';
import type { SessionUser } from './session';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

/**
 * The signed-in teacher and their class. Another teacher's class answers 404, exactly like a
 * class that does not exist, so ids reveal nothing. Call first in a load or action.
 */
export function requireClassTeacher(
	event: GuardEvent,
	classId: string
): { user: SessionUser; klass: ClassRow } {
	const user = requireTeacher(event);
	const klass = getClassForTeacher(db, classId, user.id);
	if (!klass) error(404, 'There is no class at this address.');
	return { user, klass };
}
