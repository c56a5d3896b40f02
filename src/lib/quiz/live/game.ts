/**
 * The rules of a live class game, pure: phases, when a question takes answers, points for speed,
 * who may join. The server keeps the clock and the database; it asks these functions what to do.
 */

export type Phase = 'lobby' | 'question' | 'closed' | 'ended';

export interface GameClock {
	phase: Phase;
	/** The question open or last closed (0-based); -1 in the lobby. */
	current: number;
	/** How many questions the game has. */
	total: number;
	/** Server time (ms) the current question opened and closes. */
	openedAt: number | null;
	closesAt: number | null;
}

/** Answers that arrive this long after the deadline still count: the time a tap takes to travel. */
export const GRACE_MS = 300;
export const MIN_SECONDS = 5;
export const MAX_SECONDS = 120;
export const DEFAULT_SECONDS = 20;
/** Points for a right answer given the instant the question opens; half of it at the deadline. */
export const MAX_POINTS = 1000;

export type Step = { ok: true; clock: GameClock } | { ok: false; message: string };

/** "Next question": opens the next question, or ends the game after the last one. */
export function advance(clock: GameClock, now: number, seconds: number): Step {
	if (clock.phase === 'ended') return { ok: false, message: 'This game has ended.' };
	if (clock.phase === 'question') {
		return { ok: false, message: 'The question is still open: close it first.' };
	}
	const next = clock.current + 1;
	if (next >= clock.total) return { ok: true, clock: end(clock) };
	return {
		ok: true,
		clock: {
			...clock,
			phase: 'question',
			current: next,
			openedAt: now,
			closesAt: now + seconds * 1000
		}
	};
}

/** Closes the open question (time up, everyone answered, or the host closed it). */
export function close(clock: GameClock): Step {
	if (clock.phase !== 'question') return { ok: false, message: 'No question is open.' };
	return { ok: true, clock: { ...clock, phase: 'closed' } };
}

export function end(clock: GameClock): GameClock {
	return { ...clock, phase: 'ended' };
}

/** Is the open question past its deadline (and its grace)? */
export function isOverdue(clock: GameClock, now: number): boolean {
	return clock.phase === 'question' && clock.closesAt !== null && now > clock.closesAt + GRACE_MS;
}

export type Acceptance = { ok: true; elapsedMs: number } | { ok: false; message: string };

/** Whether an answer to question `position` arriving at `now` (server time) is taken. */
export function acceptAnswer(clock: GameClock, position: number, now: number): Acceptance {
	if (clock.phase === 'ended') return { ok: false, message: 'This game has ended.' };
	if (position !== clock.current || clock.phase !== 'question' || isOverdue(clock, now)) {
		return { ok: false, message: 'Too late: this question has closed.' };
	}
	const elapsedMs = Math.max(0, now - (clock.openedAt ?? now));
	return { ok: true, elapsedMs };
}

/**
 * Points for one answer: a right answer earns from MAX_POINTS (instant) down to half of it (at the
 * deadline), scaled by its graded score (partial credit); a wrong one earns nothing.
 */
export function pointsFor(score: number, elapsedMs: number, limitMs: number): number {
	if (!(score > 0) || !(limitMs > 0)) return 0;
	const share = Math.min(1, Math.max(0, elapsedMs / limitMs));
	return Math.round(MAX_POINTS * Math.min(1, score) * (1 - share / 2));
}

export interface JoinRules {
	lateJoin: boolean;
	classOnly: boolean;
}

export type JoinCheck = { ok: true } | { ok: false; message: string };

/** Whether a new player may join now (a player already in the game always comes back). */
export function mayJoin(
	clock: GameClock,
	rules: JoinRules,
	who: { inClass: boolean; signedIn: boolean }
): JoinCheck {
	if (clock.phase === 'ended') return { ok: false, message: 'This game has ended.' };
	if (!rules.lateJoin && clock.phase !== 'lobby') {
		return { ok: false, message: 'This game has started and does not take late joiners.' };
	}
	if (rules.classOnly && !who.inClass) {
		return {
			ok: false,
			message: who.signedIn
				? 'This game is only for the students of its class.'
				: 'This game is only for the students of its class: sign in first.'
		};
	}
	return { ok: true };
}

export interface Ranked {
	id: string;
	name: string;
	points: number;
	rank: number;
}

/** Players by points, highest first; equal points share a rank (1, 2, 2, 4), then by name. */
export function rank(players: { id: string; name: string; points: number }[]): Ranked[] {
	const sorted = [...players].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
	let previous: Ranked | null = null;
	return sorted.map((p, i) => {
		const rankOf: number = previous && previous.points === p.points ? previous.rank : i + 1;
		const ranked: Ranked = { id: p.id, name: p.name, points: p.points, rank: rankOf };
		previous = ranked;
		return ranked;
	});
}

/** Longest nickname kept. */
export const MAX_NICKNAME = 24;

/** Control characters and the invisible marks that reorder or hide text: never part of a name. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g;

/** A visitor's nickname, tidied, or a message saying what is wrong with it. */
export function readNickname(
	raw: unknown
): { ok: true; name: string } | { ok: false; message: string } {
	const name = String(raw ?? '')
		.replace(INVISIBLE, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (!name) return { ok: false, message: 'Type a nickname.' };
	if ([...name].length > MAX_NICKNAME) {
		return { ok: false, message: `A nickname has at most ${MAX_NICKNAME} characters.` };
	}
	return { ok: true, name };
}

/** A PIN as typed ("123 456", "123-456") in its six-digit form, or null. */
export function readPin(raw: unknown): string | null {
	const digits = String(raw ?? '').replace(/[\s-]/g, '');
	return /^\d{6}$/.test(digits) ? digits : null;
}
