import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formatAnswer } from '$lib/quiz/grade';
import { db } from '$lib/server/db';
import { requireTeacherLesson } from '$lib/server/auth/lesson-guard';
import { bankOwnerFor } from '$lib/server/bank-versions';
import {
	changeQuestion,
	draftToQuestion,
	findInBank,
	lessonSentences,
	questionFormSchema,
	questionToFields,
	sourceFor,
	TYPE_LABELS,
	type BankEntry
} from '$lib/server/curation';
import { echoFields, parseForm } from '$lib/server/forms';
import { invalid, refused } from '$lib/server/form-result';
import type { Actions, PageServerLoad } from './$types';

interface QuestionEvent {
	params: { slug: string; questionId: string };
	locals: App.Locals;
	url: URL;
}

/**
 * The guarded lesson, the teacher's version of its bank and one of its questions, or 404. The
 * original's address finds the teacher's copy of it.
 */
function questionOr404(event: QuestionEvent) {
	const guarded = requireTeacherLesson(event, event.params.slug);
	const owner = bankOwnerFor(guarded.lesson, guarded.user);
	const entry = findInBank(db, guarded.lesson.id, event.params.questionId, owner);
	if (!entry) error(404, m.t_no_question_here());
	return { ...guarded, owner, entry };
}

/** The version a save was made on: the form's hidden field (absent: not checked). */
function versionOf(form: FormData): number | undefined {
	const value = form.get('version');
	return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** What the page shows of a newer version saved while the teacher was editing. */
function newerVersion(entry: BankEntry) {
	return {
		id: entry.id,
		version: entry.version,
		prompt: entry.question.prompt,
		key: formatAnswer(entry.question),
		explanation: entry.question.explanation,
		enabled: entry.enabled
	};
}

export const load: PageServerLoad = (event) => {
	const { lesson, owner, entry } = questionOr404(event);
	// The original's address opens the teacher's copy (a refused save stays where it was posted).
	if (entry.id !== event.params.questionId && event.request.method === 'GET') {
		redirect(303, `/teacher/lessons/${lesson.slug}/questions/${encodeURIComponent(entry.id)}`);
	}
	return {
		lesson: { slug: lesson.slug, title: lesson.title, bundled: lesson.ownerId === null },
		/** Her own copy: other teachers and visitors keep the original. */
		ownCopy: owner !== null,
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
		const { user, lesson, owner, entry } = questionOr404(event);
		const parsed = await parseForm(event.request, questionFormSchema);
		if (!parsed.ok) return refused(parsed);
		const draft = parsed.data;
		if (draft.type !== entry.question.type) {
			return invalid(400, {
				message: m.t_type_cannot_change(),
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
		const saved = changeQuestion(
			db,
			{
				lessonId: lesson.id,
				// The address the form was opened at: an original since copied is a refused save.
				questionId: event.params.questionId,
				owner,
				expectedVersion: versionOf(parsed.form)
			},
			{ data: question },
			user.id
		);
		if (!saved.ok) {
			if (saved.reason === 'missing') error(404, m.t_no_question_here());
			const newer = newerVersion(saved.current);
			return invalid(409, {
				message: m.t_saved_by_other({ version: newer.version }),
				fields: echoFields(parsed.form, ['version']),
				newer
			});
		}
		// Back to its place in the list (a teacher's copy is listed at the original's), which
		// confirms the save there and puts the focus on it (#saved: the browser scrolls to it and
		// autofocus then applies; a fragment naming another element would cancel autofocus).
		const anchor = entry.baseId ?? entry.id;
		redirect(
			303,
			`/teacher/lessons/${lesson.slug}/questions?saved=${encodeURIComponent(anchor)}#saved`
		);
	}
};
