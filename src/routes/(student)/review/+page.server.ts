import { m } from '$lib/paraglide/messages';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireStudent } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/forms';
import { invalid } from '$lib/server/form-result';
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
		if (!parsed.ok) return invalid(400, { message: parsed.message, errors: parsed.errors });
		const result = answerReview(db, user.id, parsed.data.questionId, parsed.form);
		if (!result.ok) return invalid(400, { message: result.message });
		return result.outcome;
	}
};
