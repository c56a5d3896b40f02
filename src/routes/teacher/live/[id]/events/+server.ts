import { db } from '$lib/server/db';
import { requireHost } from '$lib/server/live/access';
import { channelOf, publicState } from '$lib/server/live/games';
import { eventStream } from '$lib/server/live/sse';
import type { RequestHandler } from './$types';

/** The host's stream: the game's events and who joins and answers. */
export const GET: RequestHandler = (event) => {
	const { game } = requireHost(db, event, event.params.id);
	return eventStream({
		channel: channelOf(game.id),
		audience: 'host',
		initial: { event: 'state', data: publicState(game), to: 'host' },
		signal: event.request.signal,
		once: event.url.searchParams.has('once')
	});
};
