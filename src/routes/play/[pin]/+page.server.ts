import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { playerOf } from '$lib/server/live/access';
import { playerState } from '$lib/server/live/games';
import { isMember } from '$lib/server/classes';
import { m } from '$lib/paraglide/messages';
import { gameLang } from '$lib/server/live/messages';
import type { PageServerLoad } from './$types';

const REFUSALS: Record<string, () => string> = {
	late: m.s_too_late,
	empty: m.s_choose_or_type
};

export const load: PageServerLoad = ({ params, cookies, url }) => {
	const found = playerOf(db, params.pin, cookies);
	if (!found) redirect(303, `/play?pin=${encodeURIComponent(params.pin)}`);
	const state = playerState(found.game, found.player);
	const { game, player } = found;
	return {
		pin: params.pin,
		state,
		lang: gameLang(game),
		// Whether a signed-in student's game is an attempt of the assignment, and why not.
		counting:
			state.counted === null
				? null
				: state.counted
					? m.s_counting_yes()
					: game.classId && player.userId && isMember(db, game.classId, player.userId)
						? m.s_counting_used_up()
						: m.s_counting_not_member(),
		refused: REFUSALS[url.searchParams.get('refused') ?? '']?.() ?? null
	};
};
