import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { localizeCoreMessage } from '$lib/server/core-messages';
import { formatNumber } from '$lib/i18n/format';
import { db } from '$lib/server/db';
import { requireClassTeacher } from '$lib/server/auth/class-guard';
import { parseForm } from '$lib/server/forms';
import { addStudentsFromList, NAME_LIST_MAX } from '$lib/server/class-accounts';
import { joinBase } from '$lib/server/live/join-address';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { klass } = requireClassTeacher(event, event.params.id);
	return { klass: { id: klass.id, name: klass.name }, nameListMax: NAME_LIST_MAX };
};

const NAMES_MAX_CHARS = 10_000;
const namesSchema = v.object({
	names: v.pipe(
		v.string(() => m.t_names_required()),
		v.maxLength(NAMES_MAX_CHARS, () =>
			m.t_names_too_long({ chars: formatNumber(NAMES_MAX_CHARS), max: NAME_LIST_MAX })
		)
	)
});

export const actions: Actions = {
	// The one-time passwords are in this answer only (only their hashes are stored).
	default: async (event) => {
		const { klass } = requireClassTeacher(event, event.params.id);
		const parsed = await parseForm(event.request, namesSchema, NAMES_MAX_CHARS);
		if (!parsed.ok) {
			return fail(400, { problems: [parsed.message], names: parsed.fields.names ?? '' });
		}
		const result = await addStudentsFromList(db, klass.id, parsed.data.names);
		if (!result.ok) {
			// The list's checks are pure core, written in English: shown in the page's language.
			const problems = result.problems.map((problem) => localizeCoreMessage(problem));
			return fail(400, { problems, names: parsed.data.names });
		}
		return {
			cards: result.cards,
			blankLines: result.blankLines,
			signInAddress: joinBase(event.url, '/login')
		};
	}
};
