import { db } from '$lib/server/db';
import { requireHost } from '$lib/server/live/access';
import { resultsCsv } from '$lib/server/live/results';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { game } = requireHost(db, event, event.params.id);
	const name = `live-game-${game.lesson.slug || 'lesson'}-${game.pin}.csv`;
	return new Response(resultsCsv(game), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`
		}
	});
};
