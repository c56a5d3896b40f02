import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { formatAnswer } from '$lib/quiz/grade';
import { db } from '$lib/server/db';
import { requireTeacherLesson } from '$lib/server/auth/lesson-guard';
import { bankOwnerFor } from '$lib/server/bank-versions';
import {
	changeQuestion,
	findInBank,
	listBank,
	shortPrompt,
	TYPE_LABELS
} from '$lib/server/curation';
import { parseForm } from '$lib/server/forms';
import { done, invalid, refused } from '$lib/server/form-result';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, lesson } = requireTeacherLesson(event, event.params.slug);
	const owner = bankOwnerFor(lesson, user);
	const bank = listBank(db, lesson.id, owner);
	// After a save (see [questionId]): which question to confirm, if it is in this list.
	const saved = event.url.searchParams.get('saved');
	return {
		saved: bank.some((e) => (e.baseId ?? e.id) === saved) ? saved : null,
		lesson: {
			slug: lesson.slug,
			title: lesson.title,
			sourceTitle: lesson.sourceTitle,
			bundled: lesson.ownerId === null
		},
		/** A bundled lesson's bank as this teacher's own copy (not an administrator's). */
		ownCopy: owner !== null,
		types: Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label })),
		questions: bank.map((entry, i) => ({
			id: entry.id,
			// A teacher's copy keeps the original's place and address in the list.
			anchor: entry.baseId ?? entry.id,
			number: i + 1,
			type: TYPE_LABELS[entry.question.type],
			prompt: entry.question.prompt,
			options: entry.question.type === 'multiple_choice' ? entry.question.options : [],
			key: formatAnswer(entry.question),
			explanation: entry.question.explanation,
			sentence: entry.question.source?.sentence ?? '',
			enabled: entry.enabled,
			origin: entry.origin,
			edited: entry.edited,
			mine: entry.ownerId !== null,
			version: entry.version
		}))
	};
};

const toggleSchema = v.object({
	questionId: v.optional(
		v.pipe(
			v.string(),
			v.minLength(1, () => m.t_choose_question())
		),
		''
	),
	enabled: v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['true', 'false'], () => m.t_choose_toggle())
	)
});

export const actions: Actions = {
	toggle: async (event) => {
		const { user, lesson } = requireTeacherLesson(event, event.params.slug);
		const parsed = await parseForm(event.request, toggleSchema);
		if (!parsed.ok) return refused(parsed);
		const owner = bankOwnerFor(lesson, user);
		// The form names a question by its place in the list: a copy's original id finds the copy.
		const entry = findInBank(db, lesson.id, parsed.data.questionId, owner);
		if (!entry) return invalid(400, { message: m.t_question_not_in_lesson(), fields: {} });
		const enabled = parsed.data.enabled === 'true';
		const saved = changeQuestion(
			db,
			{ lessonId: lesson.id, questionId: entry.id, owner },
			{ enabled },
			user.id
		);
		if (!saved.ok) {
			return invalid(409, { message: m.t_question_changed(), fields: {} });
		}
		return done({
			success: (enabled ? m.t_question_enabled : m.t_question_disabled)({
				prompt: shortPrompt(entry.question.prompt)
			}),
			questionId: saved.id
		});
	}
};
