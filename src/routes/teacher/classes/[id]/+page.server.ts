import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { requireClassTeacher } from '$lib/server/auth/class-guard';
import {
	assignmentNotice,
	classPageAfterSaving,
	readAssignmentForm
} from '$lib/server/assignment-form';
import { createAssignment, REVEAL_LABELS } from '$lib/server/assignments';
import {
	regenerateJoinCode,
	removeStudent,
	renameClass,
	setClassArchived
} from '$lib/server/classes';
import { formatDateTime, formatDueDate } from '$lib/server/dates';
import { parseForm, textField } from '$lib/server/forms';
import { done, invalid, refused } from '$lib/server/form-result';
import { assignmentSummary, getGradebook, notStarted } from '$lib/server/gradebook';
import { listLessons } from '$lib/server/lessons';
import { joinBase, qrSvg } from '$lib/server/live/join-address';
import { NAME_LIST_MAX } from '$lib/server/class-accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, klass } = requireClassTeacher(event, event.params.id);
	// The join link fills the code in; phones on the classroom network reach it (see join-address).
	const joinLink = `${joinBase(event.url, '/join')}?code=${klass.joinCode}`;
	// One read of the class: its roster, assignments and every attempt at them.
	const book = getGradebook(db, klass.id);
	const assignments = book.assignments.map((a) => ({
		id: a.id,
		lessonTitle: a.lessonTitle,
		lessonSlug: a.lessonSlug,
		due: formatDueDate(a.dueAt),
		questionCount: a.questionCount,
		attempts: a.attemptsAllowed === 0 ? m.t_unlimited() : String(a.attemptsAllowed),
		reveal: REVEAL_LABELS[a.reveal],
		submitted: assignmentSummary(book, a.id).submitted,
		notStarted: notStarted(book, a.id).map((s) => ({
			id: s.id,
			name: s.displayName || s.username
		}))
	}));
	const lessons = listLessons(db, user).map((l) => ({
		id: l.id,
		title: l.title,
		sourceTitle: l.sourceTitle
	}));
	return {
		klass: { id: klass.id, name: klass.name, joinCode: klass.joinCode, archived: klass.archived },
		roster: book.students.map((s) => ({
			id: s.id,
			username: s.username,
			displayName: s.displayName,
			joined: formatDateTime(s.joinedAt)
		})),
		assignments,
		notice: assignmentNotice(event.url.searchParams),
		lessons,
		joinLink,
		joinQr: klass.archived ? null : await qrSvg(joinLink),
		nameListMax: NAME_LIST_MAX
	};
};

const renameSchema = v.object({ name: v.optional(textField(m.class_name, 1, 80), '') });
const studentSchema = v.object({
	studentId: v.optional(
		v.pipe(
			v.string(),
			v.minLength(1, () => m.t_choose_student())
		),
		''
	)
});

export const actions: Actions = {
	rename: async (event) => {
		const { klass } = requireClassTeacher(event, event.params.id);
		const parsed = await parseForm(event.request, renameSchema);
		if (!parsed.ok) {
			return refused(parsed, 'rename');
		}
		renameClass(db, klass.id, parsed.data.name);
		return done({ action: 'rename', success: m.t_class_renamed() });
	},
	archive: (event) => {
		const { klass } = requireClassTeacher(event, event.params.id);
		setClassArchived(db, klass.id, true);
		return done({ action: 'archive', success: m.t_class_archived() });
	},
	unarchive: (event) => {
		const { klass } = requireClassTeacher(event, event.params.id);
		setClassArchived(db, klass.id, false);
		return done({ action: 'archive', success: m.t_class_active_again() });
	},
	regenerate: (event) => {
		const { klass } = requireClassTeacher(event, event.params.id);
		const code = regenerateJoinCode(db, klass.id);
		return done({ action: 'code', success: m.t_new_join_code({ code }) });
	},
	remove: async (event) => {
		const { klass } = requireClassTeacher(event, event.params.id);
		const parsed = await parseForm(event.request, studentSchema);
		if (!parsed.ok) return invalid(400, { action: 'remove', message: parsed.message, fields: {} });
		if (!removeStudent(db, klass.id, parsed.data.studentId)) {
			return invalid(400, {
				action: 'remove',
				message: m.t_student_not_in_class(),
				fields: {}
			});
		}
		return done({ action: 'remove', success: m.t_student_removed() });
	},
	assign: async (event) => {
		const { user, klass } = requireClassTeacher(event, event.params.id);
		const result = await readAssignmentForm(db, event.request, user);
		if (!result.ok) {
			return refused(result, 'assign');
		}
		createAssignment(db, klass.id, result.input);
		redirect(303, classPageAfterSaving(klass.id, 'assigned', result.capped));
	}
};
