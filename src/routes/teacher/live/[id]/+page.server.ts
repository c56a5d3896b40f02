import { invalid } from '$lib/server/form-result';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/forms';
import { requireHost } from '$lib/server/live/access';
import {
	activePlayers,
	answeredCount,
	closeQuestion,
	endGame,
	nextQuestion,
	publicState,
	rankAll,
	removePlayer
} from '$lib/server/live/games';
import { joinBase, qrSvg } from '$lib/server/live/join-address';
import { gameLang, localizeLiveMessage } from '$lib/server/live/messages';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { game } = requireHost(db, event, event.params.id);
	const base = joinBase(event.url);
	const joinUrl = `${base}?pin=${game.pin}`;
	const lobby = game.clock.phase === 'lobby';
	return {
		game: {
			id: game.id,
			pin: game.pin,
			lesson: game.lesson,
			assignment: game.assignmentId !== null,
			leaderboard: game.leaderboard,
			lateJoin: game.lateJoin,
			classOnly: game.classOnly,
			seconds: game.seconds,
			lang: gameLang(game)
		},
		state: publicState(game),
		answered: answeredCount(game),
		players: activePlayers(game).map((p) => ({
			id: p.id,
			name: p.name,
			signedIn: p.userId !== null
		})),
		results:
			game.clock.phase === 'ended'
				? rankAll(game).map(({ id, name, points, correct, rank }) => ({
						id,
						name,
						points,
						correct,
						rank
					}))
				: [],
		joinBase: base,
		joinUrl,
		// The QR code only in the lobby, where students join.
		qr: lobby ? await qrSvg(joinUrl) : null
	};
};

function answerOf(move: { ok: true } | { ok: false; message: string }) {
	return move.ok ? { done: true } : invalid(409, { message: localizeLiveMessage(move.message) });
}

export const actions: Actions = {
	next: (event) => answerOf(nextQuestion(db, requireHost(db, event, event.params.id).game)),
	close: (event) => answerOf(closeQuestion(db, requireHost(db, event, event.params.id).game)),
	end: (event) => answerOf(endGame(db, requireHost(db, event, event.params.id).game)),
	remove: async (event) => {
		const { game } = requireHost(db, event, event.params.id);
		const playerId = (await readFormData(event.request))?.get('playerId');
		if (typeof playerId !== 'string' || !removePlayer(db, game, playerId)) {
			return invalid(400, { message: m.s_player_not_in_game() });
		}
		return { done: true };
	}
};
