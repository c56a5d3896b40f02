import { error, redirect } from '@sveltejs/kit';
import { refused } from '$lib/server/form-result';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { requireClassTeacher } from '$lib/server/auth/class-guard';
import { classPageAfterSaving, readAssignmentForm } from '$lib/server/assignment-form';
import { deleteAssignment, getAssignmentInClass, updateAssignment } from '$lib/server/assignments';
import { toLocalInputValue } from '$lib/server/dates';
import { listLessons } from '$lib/server/lessons';
import type { Actions, PageServerLoad } from './$types';

interface AssignmentEvent {
	params: { id: string; assignmentId: string };
	locals: App.Locals;
	url: URL;
}

/** The guarded class and one of its assignments, or 404. */
function assignmentOr404(event: AssignmentEvent) {
	const guarded = requireClassTeacher(event, event.params.id);
	const found = getAssignmentInClass(db, guarded.klass.id, event.params.assignmentId);
	if (!found) error(404, m.t_no_assignment_here());
	return { ...guarded, found };
}

export const load: PageServerLoad = (event) => {
	const { user, klass, found } = assignmentOr404(event);
	const a = found.assignment;
	return {
		klass: { id: klass.id, name: klass.name },
		assignment: { id: a.id, lessonTitle: found.lessonTitle },
		values: {
			lessonId: String(a.lessonId),
			dueAt: toLocalInputValue(a.dueAt),
			questionCount: String(a.questionCount),
			attemptsAllowed: String(a.attemptsAllowed),
			reveal: a.reveal
		},
		lessons: listLessons(db, user).map((l) => ({
			id: l.id,
			title: l.title,
			sourceTitle: l.sourceTitle
		}))
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { user, klass, found } = assignmentOr404(event);
		const result = await readAssignmentForm(db, event.request, user);
		if (!result.ok) return refused(result);
		updateAssignment(db, found.assignment.id, result.input);
		redirect(303, classPageAfterSaving(klass.id, 'edited', result.capped));
	},
	delete: (event) => {
		const { klass, found } = assignmentOr404(event);
		deleteAssignment(db, found.assignment.id);
		redirect(303, `/teacher/classes/${klass.id}#assignments-heading`);
	}
};
