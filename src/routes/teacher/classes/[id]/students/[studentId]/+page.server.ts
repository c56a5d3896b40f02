import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { requireClassTeacher } from '$lib/server/auth/class-guard';
import { formatDateTime, formatDueDate } from '$lib/server/dates';
import { getGradebook, studentAttemptsInClass } from '$lib/server/gradebook';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { klass } = requireClassTeacher(event, event.params.id);
	const book = getGradebook(db, klass.id);
	const student = book.students.find((s) => s.id === event.params.studentId);
	if (!student) error(404, m.t_student_not_here());
	const row = book.cells[student.id] ?? {};
	return {
		klass: { id: klass.id, name: klass.name },
		student: { id: student.id, username: student.username, displayName: student.displayName },
		assignments: book.assignments.map((a) => ({
			id: a.id,
			lessonTitle: a.lessonTitle,
			due: formatDueDate(a.dueAt),
			...row[a.id]
		})),
		attempts: studentAttemptsInClass(db, klass.id, student.id).map((a) => ({
			id: a.id,
			lessonTitle: a.lessonTitle,
			started: formatDateTime(a.startedAt),
			finished: a.finishedAt ? formatDateTime(a.finishedAt) : null,
			late: !!(a.finishedAt && a.dueAt && a.finishedAt > a.dueAt),
			score: a.score,
			overriddenScore: a.overriddenScore,
			commented: !!a.comment,
			correctCount: a.correctCount,
			questionCount: a.questionCount
		}))
	};
};
