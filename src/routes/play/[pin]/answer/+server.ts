import { json, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { playerOf } from '$lib/server/live/access';
import { submitAnswer } from '$lib/server/live/games';
import { localizeLiveMessage } from '$lib/server/live/messages';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/**
 * One answer, timed on arrival. A phone's script posts it and gets JSON back (the acknowledgement);
 * a page without a script posts the form and is sent back to the game page.
 */
/** Nothing to see here: the game's page. */
export const GET: RequestHandler = ({ params }) => redirect(303, `/play/${params.pin}`);

export const POST: RequestHandler = async ({ params, cookies, request }) => {
	const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
	const arrived = Date.now();
	const found = playerOf(db, params.pin, cookies);
	let body: Record<string, unknown>;
	try {
		body = (request.headers.get('content-type') ?? '').includes('application/json')
			? await request.json()
			: Object.fromEntries(await request.formData());
	} catch {
		body = {};
	}
	if (!found) {
		if (!wantsJson) redirect(303, `/play?pin=${encodeURIComponent(params.pin)}`);
		return json({ ok: false, message: m.s_not_in_game() }, { status: 404 });
	}
	const position = Number(body.position);
	const outcome = Number.isInteger(position)
		? submitAnswer(db, found.game, found.player, position, body.response, arrived)
		: { ok: false as const, status: 400, message: m.s_which_question() };
	if (wantsJson) {
		return outcome.ok
			? json({ ok: true, status: outcome.status, message: m.s_answer_received() })
			: json(
					{ ok: false, message: localizeLiveMessage(outcome.message) },
					{ status: outcome.status }
				);
	}
	const refused = outcome.ok ? '' : outcome.status === 409 ? '?refused=late' : '?refused=empty';
	redirect(303, `/play/${params.pin}${refused}`);
};
