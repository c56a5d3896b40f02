import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { playerOf } from '$lib/server/live/access';
import { channelOf, playerState } from '$lib/server/live/games';
import { eventStream } from '$lib/server/live/sse';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';

/** A player's stream: the game's events and those for this player alone. */
export const GET: RequestHandler = ({ params, cookies, request, url }) => {
	const found = playerOf(db, params.pin, cookies);
	if (!found) error(404, m.s_not_in_game());
	return eventStream({
		channel: channelOf(found.game.id),
		audience: { player: found.player.id },
		initial: { event: 'state', data: playerState(found.game, found.player), to: 'all' },
		signal: request.signal,
		once: url.searchParams.has('once')
	});
};
