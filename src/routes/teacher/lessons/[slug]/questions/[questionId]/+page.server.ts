import { error, fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireTeacherLesson } from '$lib/server/auth/lesson-guard';
import {
	draftToQuestion,
	getBankEntry,
	lessonSentences,
	questionFormSchema,
	questionToFields,
	saveQuestionEdit,
	sourceFor,
	TYPE_LABELS
} from '$lib/server/curation';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

interface QuestionEvent {
	params: { slug: string; questionId: string };
	locals: App.Locals;
	url: URL;
}

/** The guarded lesson and one of its questions, or 404. */
function questionOr404(event: QuestionEvent) {
	const guarded = requireTeacherLesson(event, event.params.slug);
	const entry = getBankEntry(db, guarded.lesson.id, event.params.questionId);
	if (!entry) error(404, 'There is no question at this address.');
	return { ...guarded, entry };
}

export const load: PageServerLoad = (event) => {
	const { lesson, entry } = questionOr404(event);
	return {
		lesson: { slug: lesson.slug, title: lesson.title, bundled: lesson.ownerId === null },
		question: {
			id: entry.id,
			type: entry.question.type,
			typeLabel: TYPE_LABELS[entry.question.type],
			version: entry.version
		},
		values: questionToFields(entry.question),
		sentences: lessonSentences(db, lesson.id).map((s) => ({ index: s.index, text: s.text }))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, lesson, entry } = questionOr404(event);
		const parsed = await parseForm(event.request, questionFormSchema);
		if (!parsed.ok) return fail(400, { message: parsed.message, fields: parsed.fields });
		const draft = parsed.data;
		if (draft.type !== entry.question.type) {
			return fail(400, {
				message: 'The type of a question cannot change; add a new question instead.',
				fields: questionToFields(entry.question)
			});
		}
		const source = sourceFor(
			{ sentences: lessonSentences(db, lesson.id) },
			draft.sentence,
			draft.sentence ? null : { paragraph: 0, sentence: '', sentenceIndex: 0 }
		);
		const question = draftToQuestion(draft, {
			id: entry.id,
			difficulty: entry.question.difficulty ?? 0.5,
			source
		});
		saveQuestionEdit(db, entry.id, question, user.id);
		redirect(303, `/teacher/lessons/${lesson.slug}/questions#q-${entry.id}`);
	}
};
