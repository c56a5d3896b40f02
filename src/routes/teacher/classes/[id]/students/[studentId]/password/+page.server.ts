import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { requireClassTeacher } from '$lib/server/auth/class-guard';
import { classStudent, resetStudentPassword } from '$lib/server/class-accounts';
import { joinBase } from '$lib/server/live/join-address';
import type { Actions, PageServerLoad } from './$types';

const NOT_HERE = () => m.t_no_student_here();

export const load: PageServerLoad = (event) => {
	const { klass } = requireClassTeacher(event, event.params.id);
	// Only a student of this teacher's own class; anyone else looks missing.
	const student = classStudent(db, klass.id, event.params.studentId);
	if (!student) error(404, NOT_HERE());
	return {
		klass: { id: klass.id, name: klass.name },
		student: {
			id: student.id,
			name: student.displayName || student.username,
			username: student.username
		}
	};
};

export const actions: Actions = {
	// The new one-time password is in this answer only (only its hash is stored).
	default: async (event) => {
		const { klass } = requireClassTeacher(event, event.params.id);
		const card = await resetStudentPassword(db, klass.id, event.params.studentId);
		if (!card) error(404, NOT_HERE());
		return { card, signInAddress: joinBase(event.url, '/login') };
	}
};
