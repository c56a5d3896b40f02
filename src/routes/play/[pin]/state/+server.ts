import { error, json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { playerOf } from '$lib/server/live/access';
import { playerState } from '$lib/server/live/games';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';

/** This player's view of the game as JSON: what a phone polls when it cannot keep a stream open. */
export const GET: RequestHandler = ({ params, cookies }) => {
	const found = playerOf(db, params.pin, cookies);
	if (!found) error(404, m.s_not_in_game());
	return json(playerState(found.game, found.player), { headers: { 'cache-control': 'no-store' } });
};
