import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { formatAnswer } from '$lib/quiz/grade';
import { db } from '$lib/server/db';
import { requireTeacherLesson } from '$lib/server/auth/lesson-guard';
import {
	getBankEntry,
	listBank,
	setQuestionEnabled,
	shortPrompt,
	TYPE_LABELS
} from '$lib/server/curation';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { lesson } = requireTeacherLesson(event, event.params.slug);
	const bank = listBank(db, lesson.id);
	return {
		lesson: {
			slug: lesson.slug,
			title: lesson.title,
			sourceTitle: lesson.sourceTitle,
			bundled: lesson.ownerId === null
		},
		types: Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label })),
		questions: bank.map((entry, i) => ({
			id: entry.id,
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
			version: entry.version
		}))
	};
};

const toggleSchema = v.object({
	questionId: v.optional(v.pipe(v.string(), v.minLength(1, 'Choose a question.')), ''),
	enabled: v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['true', 'false'], 'Choose to enable or disable.')
	)
});

export const actions: Actions = {
	toggle: async (event) => {
		const { user, lesson } = requireTeacherLesson(event, event.params.slug);
		const parsed = await parseForm(event.request, toggleSchema);
		if (!parsed.ok) return fail(400, { message: parsed.message, fields: parsed.fields });
		const entry = getBankEntry(db, lesson.id, parsed.data.questionId);
		if (!entry) return fail(400, { message: 'That question is not in this lesson.', fields: {} });
		const enabled = parsed.data.enabled === 'true';
		setQuestionEnabled(db, entry.id, enabled, user.id);
		return {
			success: `“${shortPrompt(entry.question.prompt)}” is ${enabled ? 'enabled' : 'disabled'}.`,
			questionId: entry.id
		};
	}
};
