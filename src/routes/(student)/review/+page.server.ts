import { m } from '$lib/paraglide/messages';
import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireStudent } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/forms';
import { answerReview, reviewQueue } from '$lib/server/review-session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireStudent(event);
	return reviewQueue(db, user.id);
};

export const actions: Actions = {
	answer: async (event) => {
		const user = requireStudent(event);
		const parsed = await parseForm(
			event.request,
			v.looseObject({
				questionId: v.pipe(
					v.string(() => m.question_unreadable()),
					v.maxLength(200, () => m.question_unreadable())
				)
			})
		);
		if (!parsed.ok) return fail(400, { message: parsed.message });
		const result = answerReview(db, user.id, parsed.data.questionId, parsed.form);
		if (!result.ok) return fail(400, { message: result.message });
		return result.outcome;
	}
};
