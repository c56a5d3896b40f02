import type { LiveGame, LivePlayer } from './games';

/** The players of a game the teacher has not removed. */
export function activePlayers(game: LiveGame): LivePlayer[] {
	return [...game.players.values()].filter((p) => !p.removed);
}
