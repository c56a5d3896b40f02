import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from './session';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

function signInRedirect(url: URL): never {
	const target = url.pathname + url.search;
	redirect(303, `/login?redirectTo=${encodeURIComponent(target)}`);
}

/** Signed-in user or a redirect to the sign-in page. Call first in a load or action. */
export function requireUser(event: GuardEvent): SessionUser {
	if (!event.locals.user) signInRedirect(event.url);
	return event.locals.user;
}

export function requireStudent(event: GuardEvent): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'student') error(403, 'This page is for students.');
	return user;
}

export function requireTeacher(event: GuardEvent): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'teacher') error(403, 'This page is for teachers.');
	return user;
}

/** A signed-in administrator (also a teacher); anyone else is refused. */
export function requireAdmin(event: GuardEvent): SessionUser {
	const user = requireUser(event);
	if (!user.admin) error(403, 'This page is for administrators.');
	return user;
}
