/** Who a live-game request comes from: the player's cookie, the host's game, the join throttle. */
import { error, type Cookies } from '@sveltejs/kit';
import { FailureThrottle } from '../auth/throttle';
import { requireTeacher } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db/connection';
import { findPlayer, getGame, type LiveGame, type LivePlayer } from './games';
import { m } from '$lib/paraglide/messages';

/** The player's token: one game at a time per browser, sent only to /play. */
export const PLAYER_COOKIE = 'sabaq_player';

export function setPlayerCookie(cookies: Cookies, url: URL, token: string) {
	cookies.set(PLAYER_COOKIE, token, {
		path: '/play',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 12 * 60 * 60
	});
}

/**
 * Wrong PINs per address: a whole class behind one address mistypes now and then, so a hundred
 * are free before each further try waits (2 s, doubling). With a few games among a million PINs,
 * guessing one takes longer than any game lasts.
 */
export const pinThrottle = new FailureThrottle(100);

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

/** The signed-in teacher and a game she hosts; anyone else's game answers 404. */
export function requireHost(
	db: Db,
	event: GuardEvent,
	gameId: string
): { user: SessionUser; game: LiveGame } {
	const user = requireTeacher(event);
	const game = getGame(db, gameId);
	if (!game || game.hostId !== user.id) error(404, m.s_no_game_here());
	return { user, game };
}

/** The game of this PIN (an ended one too) and this browser's player in it, or null. */
export function playerOf(
	db: Db,
	pin: string,
	cookies: Cookies
): { game: LiveGame; player: LivePlayer } | null {
	const found = findPlayer(db, cookies.get(PLAYER_COOKIE));
	return found && found.game.pin === pin ? found : null;
}
