import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireStudent } from '$lib/server/auth/guards';
import { listClassesForStudent } from '$lib/server/classes';
import { joinWithCode } from '$lib/server/join';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireStudent(event);
	return { classes: listClassesForStudent(db, user.id) };
};

const joinSchema = v.object({
	code: v.optional(
		v.pipe(
			v.string('Type the join code your teacher gave you.'),
			v.trim(),
			v.minLength(1, 'Type the join code your teacher gave you.'),
			v.maxLength(20, 'A join code has 6 letters and digits.')
		),
		''
	)
});

export const actions: Actions = {
	default: async (event) => {
		const user = requireStudent(event);
		const parsed = await parseForm(event.request, joinSchema);
		if (!parsed.ok) return fail(400, { message: parsed.message, fields: parsed.fields });
		const result = joinWithCode(db, user.id, event.getClientAddress(), parsed.data.code);
		if (!result.ok) {
			const status = result.reason === 'throttled' ? 429 : 400;
			return fail(status, { message: result.message, fields: { code: parsed.data.code } });
		}
		return { joined: result.className };
	}
};
