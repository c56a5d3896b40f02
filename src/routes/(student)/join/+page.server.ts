import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireStudent } from '$lib/server/auth/guards';
import { listClassesForStudent } from '$lib/server/classes';
import { joinLinkCode, joinWithCode, memberClassByCode } from '$lib/server/join';
import { parseForm } from '$lib/server/forms';
import { done, invalidField, refused } from '$lib/server/form-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireStudent(event);
	// A join link ("/join?code=…") fills the code; after signing in from it the student is in.
	const code = joinLinkCode(event.url.pathname + event.url.search);
	return {
		classes: listClassesForStudent(db, user.id),
		code: code ?? '',
		inClass: code ? (memberClassByCode(db, user.id, code)?.name ?? null) : null
	};
};

const joinSchema = v.object({
	code: v.optional(
		v.pipe(
			v.string(() => m.s_join_code_required()),
			v.trim(),
			v.minLength(1, () => m.s_join_code_required()),
			v.maxLength(20, () => m.s_join_code_too_long())
		),
		''
	)
});

export const actions: Actions = {
	default: async (event) => {
		const user = requireStudent(event);
		const parsed = await parseForm(event.request, joinSchema);
		if (!parsed.ok) return refused(parsed);
		const result = joinWithCode(db, user.id, event.getClientAddress(), parsed.data.code);
		if (!result.ok) {
			const status = result.reason === 'throttled' ? 429 : 400;
			const fields = { code: parsed.data.code };
			return invalidField(status, 'code', { message: result.message, fields });
		}
		return done({ success: m.s_join_joined({ name: result.className }) });
	}
};
