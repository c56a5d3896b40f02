import { db } from '$lib/server/db';
import { requireClassTeacher } from '$lib/server/auth/class-guard';
import { formatDateTime } from '$lib/server/dates';
import { assignmentSummary, getGradebook } from '$lib/server/gradebook';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { klass } = requireClassTeacher(event, event.params.id);
	const book = getGradebook(db, klass.id);
	return {
		klass: { id: klass.id, name: klass.name },
		assignments: book.assignments.map((a) => ({
			id: a.id,
			lessonTitle: a.lessonTitle,
			due: a.dueAt ? `Due ${formatDateTime(a.dueAt)}` : 'No due date',
			...assignmentSummary(book, a.id)
		})),
		students: book.students.map((s) => ({
			id: s.id,
			username: s.username,
			displayName: s.displayName
		})),
		cells: book.cells
	};
};
