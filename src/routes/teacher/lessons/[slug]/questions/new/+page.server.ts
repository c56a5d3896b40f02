import { redirect } from '@sveltejs/kit';
import type { QuestionType } from '$lib/quiz/types';
import { db } from '$lib/server/db';
import { requireTeacherLesson } from '$lib/server/auth/lesson-guard';
import {
	addManualQuestion,
	lessonSentences,
	QUESTION_TYPES,
	questionFormSchema,
	sourceFor,
	TYPE_LABELS
} from '$lib/server/curation';
import { parseForm } from '$lib/server/forms';
import { refused } from '$lib/server/form-result';
import { bankOwnerFor } from '$lib/server/bank-versions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, lesson } = requireTeacherLesson(event, event.params.slug);
	const asked = event.url.searchParams.get('type') ?? 'multiple_choice';
	const type = (QUESTION_TYPES as string[]).includes(asked)
		? (asked as QuestionType)
		: 'multiple_choice';
	return {
		lesson: { slug: lesson.slug, title: lesson.title, bundled: lesson.ownerId === null },
		ownCopy: bankOwnerFor(lesson, user) !== null,
		type,
		typeLabel: TYPE_LABELS[type],
		types: QUESTION_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] })),
		sentences: lessonSentences(db, lesson.id).map((s) => ({ index: s.index, text: s.text }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { user, lesson } = requireTeacherLesson(event, event.params.slug);
		const parsed = await parseForm(event.request, questionFormSchema);
		if (!parsed.ok) return refused(parsed);
		const source = sourceFor(
			{ sentences: lessonSentences(db, lesson.id) },
			parsed.data.sentence,
			null
		);
		const id = addManualQuestion(
			db,
			lesson,
			parsed.data,
			source,
			user.id,
			bankOwnerFor(lesson, user)
		);
		redirect(303, `/teacher/lessons/${lesson.slug}/questions#q-${id}`);
	}
};
