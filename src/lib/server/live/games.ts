/**
 * Live class games: the state of each game in memory, written through to SQLite on every change
 * so that a reload, a lost connection or a server restart resumes it where it was. The rules
 * (phases, deadlines, points, who may join) are the pure functions of $lib/quiz/live/game; events
 * go out through ./broadcast only.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { drawQuiz } from '$lib/quiz/draw';
import { gradeResponse, MAX_RESPONSE_LENGTH, toBoolean } from '$lib/quiz/grade';
import type { Question, Response } from '$lib/quiz/types';
import {
	acceptAnswer,
	advance,
	close,
	end,
	isOverdue,
	mayJoin,
	pointsFor,
	GRACE_MS,
	type GameClock
} from '$lib/quiz/live/game';
import type { Db } from '../db/connection';
import { inTransaction, perConnection } from '../db/client';
import { bankFor } from '../bank-versions';
import { getLessonById } from '../lessons';
import { isMember } from '../classes';
import { getAttempt, recordAnswer, startAttempt } from '../attempts';
import { getAssignmentForStudent } from '../assignments';
import { sha256Hex } from '../hash';
import { publish } from './broadcast';
import * as store from './store';
import { activePlayers } from './players';
import { publicState } from './views';

export { activePlayers } from './players';
export {
	playerState,
	publicQuestion,
	publicState,
	rankAll,
	revealOf,
	standings,
	topFive,
	type PlayerState,
	type PublicQuestion,
	type PublicState,
	type Reveal
} from './views';

export interface LivePlayer {
	id: string;
	name: string;
	userId: string | null;
	attemptId: string | null;
	removed: boolean;
	answers: Map<number, LiveAnswer>;
}

export interface LiveAnswer {
	response: Response;
	given: string;
	correct: boolean;
	score: number;
	points: number;
	elapsedMs: number;
}

/** A game in memory: its stored settings, with the lesson it is on and what changes as it runs. */
export interface LiveGame extends Omit<store.StoredGame, 'lessonId'> {
	lesson: { id: number; slug: string; title: string };
	clock: GameClock;
	activeAt: number;
	players: Map<string, LivePlayer>;
	/** Token hash -> player id. */
	byToken: Map<string, string>;
	timer: ReturnType<typeof setTimeout> | null;
}

/** The channel a game's events travel on. */
export const channelOf = (gameId: string) => `live:${gameId}`;

/** A game with no host action, join or answer for this long ends by itself (LIVE_IDLE_MINUTES). */
export function idleLimitMs(): number {
	const minutes = Number(process.env.LIVE_IDLE_MINUTES);
	return (Number.isFinite(minutes) && minutes > 0 ? minutes : 30) * 60_000;
}

const memory = perConnection(() => ({
	games: new Map<string, LiveGame>(),
	sweeper: null as ReturnType<typeof setInterval> | null
}));

// ---------------------------------------------------------------------------------------------
// Creating and finding games

export interface NewGame {
	hostId: string;
	lessonId: number;
	assignmentId: string | null;
	classId: string | null;
	bankOwnerId: string | null;
	count: number;
	seconds: number;
	leaderboard: boolean;
	lateJoin: boolean;
	classOnly: boolean;
}

/** Question kinds a phone answers with one tap or one typed line (matching is left out). */
const LIVE_TYPES = new Set(['multiple_choice', 'true_false', 'fill_blank', 'numeric']);

/** How many questions a live game on this bank can ask. */
export function liveQuestionCount(db: Db, lessonId: number, bankOwnerId: string | null): number {
	const pool = bankFor(db, lessonId, bankOwnerId)
		.map((b) => b.question)
		.filter((q) => LIVE_TYPES.has(q.type));
	return drawQuiz(pool, pool.length, 'longest').length;
}

export function createGame(db: Db, input: NewGame, now = Date.now()): LiveGame | null {
	const lesson = getLessonById(db, input.lessonId);
	if (!lesson) return null;
	const pool = bankFor(db, input.lessonId, input.bankOwnerId)
		.map((b) => b.question)
		.filter((q) => LIVE_TYPES.has(q.type));
	const questions = drawQuiz(pool, input.count, crypto.randomUUID());
	if (questions.length === 0) return null;
	const id = crypto.randomUUID();
	const { count: _count, lessonId: _lessonId, ...settings } = input;
	const pin = inTransaction(db, () => {
		let candidate: string;
		do candidate = String(randomInt(0, 1_000_000)).padStart(6, '0');
		while (store.isPinTaken(db, candidate));
		store.insertGame(
			db,
			{ id, pin: candidate, lessonId: input.lessonId, questions, ...settings },
			now
		);
		return candidate;
	});
	startSweeper(db);
	const game: LiveGame = {
		id,
		pin,
		lesson: { id: lesson.id, slug: lesson.slug, title: lesson.title },
		questions,
		...settings,
		clock: { phase: 'lobby', current: -1, total: questions.length, openedAt: null, closesAt: null },
		activeAt: now,
		players: new Map(),
		byToken: new Map(),
		timer: null
	};
	memory(db).games.set(id, game);
	return game;
}

/** A game by id, from memory or rebuilt from the database (after a restart). */
export function getGame(db: Db, id: string, now = Date.now()): LiveGame | null {
	const games = memory(db).games;
	let game = games.get(id);
	if (!game) {
		const loaded = loadGame(db, id);
		if (!loaded) return null;
		game = loaded;
		games.set(id, game);
		startSweeper(db);
		// A question that was open when the server stopped carries on until its deadline.
		if (game.clock.phase === 'question') armTimer(db, game, now);
	}
	settle(db, game, now);
	return game;
}

/**
 * At start-up: every game that had not ended comes back into memory from the database, so an open
 * question closes at its deadline and an idle game ends even before any screen reconnects.
 * Returns how many games go on.
 */
export function resumeLiveGames(db: Db, now = Date.now()): number {
	return store.gamesNotEnded(db).filter((id) => {
		const game = getGame(db, id, now);
		return game !== null && game.clock.phase !== 'ended';
	}).length;
}

/** The game that holds this PIN now (PINs expire with their game), or null. */
export function findGameByPin(db: Db, pin: string, now = Date.now()): LiveGame | null {
	const id = store.gameIdWithPin(db, pin);
	if (!id) return null;
	const game = getGame(db, id, now);
	return game && game.clock.phase !== 'ended' ? game : null;
}

function loadGame(db: Db, id: string): LiveGame | null {
	const row = store.readGame(db, id);
	if (!row) return null;
	const lesson = getLessonById(db, row.lessonId);
	const questions = row.questions;
	const game: LiveGame = {
		id: row.id,
		pin: row.pin,
		hostId: row.hostId,
		lesson: lesson
			? { id: lesson.id, slug: lesson.slug, title: lesson.title }
			: { id: row.lessonId, slug: '', title: 'A lesson' },
		assignmentId: row.assignmentId,
		classId: row.classId,
		bankOwnerId: row.bankOwnerId,
		questions,
		seconds: row.seconds,
		leaderboard: row.leaderboard,
		lateJoin: row.lateJoin,
		classOnly: row.classOnly,
		clock: {
			phase: row.phase,
			current: row.current,
			total: questions.length,
			openedAt: row.openedAt,
			closesAt: row.closesAt
		},
		activeAt: row.activeAt,
		players: new Map(),
		byToken: new Map(),
		timer: null
	};
	for (const p of store.readPlayers(db, id)) {
		game.players.set(p.id, {
			id: p.id,
			name: p.name,
			userId: p.userId,
			attemptId: p.attemptId,
			removed: p.removed,
			answers: new Map()
		});
		game.byToken.set(p.tokenHash, p.id);
	}
	for (const a of store.readAnswers(db, id)) {
		game.players.get(a.playerId)?.answers.set(a.position, {
			response: a.response,
			given: a.given,
			correct: a.correct,
			score: a.score,
			points: a.points,
			elapsedMs: a.elapsedMs
		});
	}
	return game;
}

/** Brings a game up to date with the clock: an overdue question closes, an idle game ends. */
function settle(db: Db, game: LiveGame, now: number) {
	if (game.clock.phase === 'ended') return;
	if (now - game.activeAt > idleLimitMs()) {
		endGame(db, game, now);
		return;
	}
	if (isOverdue(game.clock, now)) closeQuestion(db, game, now);
}

// ---------------------------------------------------------------------------------------------
// Players

export type JoinOutcome =
	{ ok: true; player: LivePlayer; token: string } | { ok: false; status: number; message: string };

export interface Joiner {
	user: { id: string; role: string; displayName: string; username: string } | null;
	nickname: string | null;
}

/** A new token for a player: the cookie holds it, the database only its hash. */
function newToken() {
	const token = randomBytes(24).toString('base64url');
	return { token, hash: sha256Hex(token) };
}

export function joinGame(db: Db, game: LiveGame, who: Joiner, now = Date.now()): JoinOutcome {
	settle(db, game, now);
	const student = who.user?.role === 'student' ? who.user : null;
	if (student) {
		const existing = [...game.players.values()].find((p) => p.userId === student.id);
		if (existing) {
			if (existing.removed) {
				return { ok: false, status: 403, message: 'The teacher removed you from this game.' };
			}
			// The same student on another device or after clearing cookies: the same player.
			const { token, hash } = newToken();
			store.writeToken(db, existing.id, hash);
			for (const [h, id] of game.byToken) if (id === existing.id) game.byToken.delete(h);
			game.byToken.set(hash, existing.id);
			return { ok: true, player: existing, token };
		}
	}
	const inClass = !!(student && game.classId && isMember(db, game.classId, student.id));
	const allowed = mayJoin(game.clock, game, { inClass, signedIn: who.user !== null });
	if (!allowed.ok)
		return {
			ok: false,
			status: game.clock.phase === 'ended' ? 410 : 403,
			message: allowed.message
		};
	const name = student ? student.displayName || student.username : (who.nickname ?? '');
	if (!name) return { ok: false, status: 400, message: 'Type a nickname.' };
	const taken = [...game.players.values()].some(
		(p) => !p.removed && p.name.toLocaleLowerCase() === name.toLocaleLowerCase()
	);
	if (taken && !student) {
		return {
			ok: false,
			status: 409,
			message: 'Someone in this game has that nickname: choose another.'
		};
	}
	const id = crypto.randomUUID();
	const { token, hash } = newToken();
	const player: LivePlayer = {
		id,
		name,
		userId: student?.id ?? null,
		attemptId: null,
		removed: false,
		answers: new Map()
	};
	inTransaction(db, () => {
		// A student of the class in a game set from an assignment: their answers are an attempt of it,
		// if the assignment still allows them one (else they play, and the game is not counted).
		if (student && inClass && game.assignmentId && hasAttemptLeft(db, student.id, game, now)) {
			player.attemptId = startAttempt(db, {
				userId: student.id,
				lessonId: game.lesson.id,
				count: game.questions.length,
				assignmentId: game.assignmentId,
				only: game.questions.map((q) => q.id),
				bankOwner: game.bankOwnerId
			});
		}
		store.insertPlayer(
			db,
			{
				id,
				gameId: game.id,
				tokenHash: hash,
				userId: player.userId,
				name,
				attemptId: player.attemptId
			},
			now
		);
		touch(db, game, now);
	});
	game.players.set(id, player);
	game.byToken.set(hash, id);
	publish(channelOf(game.id), {
		event: 'players',
		data: { count: activePlayers(game).length },
		to: 'host'
	});
	return { ok: true, player, token };
}

/** Whether the student may start one more attempt of the game's assignment (its limit). */
function hasAttemptLeft(db: Db, studentId: string, game: LiveGame, now: number): boolean {
	const a = getAssignmentForStudent(db, studentId, game.assignmentId!, new Date(now));
	return !!a && (a.attemptsLeft === null || a.attemptsLeft > 0);
}

/** The player a token belongs to in this game, or null. */
export function playerByToken(game: LiveGame, token: string | undefined): LivePlayer | null {
	if (!token) return null;
	const id = game.byToken.get(sha256Hex(token));
	return id ? (game.players.get(id) ?? null) : null;
}

/** The game and player a token belongs to (an ended game too, for its final scores), or null. */
export function findPlayer(
	db: Db,
	token: string | undefined,
	now = Date.now()
): { game: LiveGame; player: LivePlayer } | null {
	if (!token) return null;
	const gameId = store.gameIdOfToken(db, sha256Hex(token));
	const game = gameId ? getGame(db, gameId, now) : null;
	const player = game ? playerByToken(game, token) : null;
	return game && player ? { game, player } : null;
}

export function removePlayer(db: Db, game: LiveGame, playerId: string, now = Date.now()): boolean {
	const player = game.players.get(playerId);
	if (!player || player.removed) return false;
	store.markRemoved(db, playerId);
	player.removed = true;
	touch(db, game, now);
	publish(channelOf(game.id), { event: 'removed', data: {}, to: { player: playerId } });
	publish(channelOf(game.id), {
		event: 'players',
		data: { count: activePlayers(game).length },
		to: 'host'
	});
	// The one everyone was waiting for may have been this player.
	if (game.clock.phase === 'question' && everyoneAnswered(game)) closeQuestion(db, game, now);
	return true;
}

// ---------------------------------------------------------------------------------------------
// The host moves the game on

export type Move = { ok: true } | { ok: false; message: string };

/** "Next question" (the first one from the lobby); after the last question it ends the game. */
export function nextQuestion(db: Db, game: LiveGame, now = Date.now()): Move {
	settle(db, game, now);
	const step = advance(game.clock, now, game.seconds);
	if (!step.ok) return step;
	if (step.clock.phase === 'ended') {
		endGame(db, game, now);
		return { ok: true };
	}
	game.clock = step.clock;
	saveClock(db, game, now);
	armTimer(db, game, now);
	publish(channelOf(game.id), { event: 'question', data: publicState(game, now), to: 'all' });
	return { ok: true };
}

/** Closes the open question: time is up, everyone has answered, or the host closed it early. */
export function closeQuestion(db: Db, game: LiveGame, now = Date.now()): Move {
	const step = close(game.clock);
	if (!step.ok) return step;
	game.clock = step.clock;
	if (game.timer) clearTimeout(game.timer);
	game.timer = null;
	inTransaction(db, () => {
		saveClock(db, game, now);
		// Students of the class who did not answer: a blank answer in their attempt, so it finishes.
		for (const p of game.players.values()) {
			if (p.attemptId && !p.answers.has(game.clock.current)) {
				attemptAnswer(db, p.attemptId, game.questions[game.clock.current], undefined, now);
			}
		}
	});
	publish(channelOf(game.id), { event: 'closed', data: publicState(game, now), to: 'all' });
	return { ok: true };
}

export function endGame(db: Db, game: LiveGame, now = Date.now()): Move {
	if (game.clock.phase === 'ended') return { ok: false, message: 'This game has ended.' };
	if (game.timer) clearTimeout(game.timer);
	game.timer = null;
	game.clock = end(game.clock);
	inTransaction(db, () => {
		saveClock(db, game, now);
		store.writeEndedAt(db, game.id, now);
		// Every attempt finishes: questions a student did not answer (or were never asked) count as
		// unanswered.
		for (const p of game.players.values()) {
			if (!p.attemptId) continue;
			game.questions.forEach((q, position) => {
				if (!p.answers.has(position)) attemptAnswer(db, p.attemptId!, q, undefined, now);
			});
		}
	});
	publish(channelOf(game.id), { event: 'ended', data: publicState(game, now), to: 'all' });
	return { ok: true };
}

function saveClock(db: Db, game: LiveGame, now: number) {
	store.writeClock(db, game.id, game.clock, now);
	game.activeAt = now;
}

function touch(db: Db, game: LiveGame, now: number) {
	// Written at most every few seconds: a burst of answers need not rewrite the game's row each time.
	if (now - game.activeAt < 5000) return;
	game.activeAt = now;
	store.writeActiveAt(db, game.id, now);
}

function armTimer(db: Db, game: LiveGame, now: number) {
	if (game.timer) clearTimeout(game.timer);
	const closesAt = game.clock.closesAt ?? now;
	const position = game.clock.current;
	game.timer = setTimeout(
		() => {
			game.timer = null;
			if (game.clock.phase === 'question' && game.clock.current === position) {
				closeQuestion(db, game, Date.now());
			}
		},
		Math.max(0, closesAt + GRACE_MS - now + 1)
	);
	game.timer.unref?.();
}

// ---------------------------------------------------------------------------------------------
// Answers

export type AnswerOutcome =
	| { ok: true; status: 'recorded' | 'already-answered' }
	| { ok: false; status: number; message: string };

/** What a phone sent, as a response the grader reads (text trimmed to the longest kept). */
export function readResponse(q: Question, raw: unknown): Response | null {
	if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return null;
	const text = String(raw).slice(0, MAX_RESPONSE_LENGTH).trim();
	if (!text) return null;
	if (q.type === 'true_false') {
		const b = toBoolean(text);
		return b === null ? null : b ? 'True' : 'False';
	}
	if (q.type === 'multiple_choice') return q.options.includes(text) ? text : null;
	return text;
}

/**
 * Takes one answer to question `position`, timed by the server: refused once the question has
 * closed; a second answer to the same question is not counted (the first stands).
 */
export function submitAnswer(
	db: Db,
	game: LiveGame,
	player: LivePlayer,
	position: number,
	raw: unknown,
	now = Date.now()
): AnswerOutcome {
	settle(db, game, now);
	if (player.removed)
		return { ok: false, status: 403, message: 'The teacher removed you from this game.' };
	const accepted = acceptAnswer(game.clock, position, now);
	if (!accepted.ok) return { ok: false, status: 409, message: accepted.message };
	if (player.answers.has(position)) return { ok: true, status: 'already-answered' };
	const question = game.questions[position];
	const response = readResponse(question, raw);
	if (response === null) {
		return {
			ok: false,
			status: 400,
			message: question.options.length ? 'Choose one of the answers.' : 'Type an answer.'
		};
	}
	const grade = gradeResponse(question, response);
	const limitMs = (game.clock.closesAt ?? now) - (game.clock.openedAt ?? now);
	const answer: LiveAnswer = {
		response,
		given: grade.given,
		correct: grade.correct,
		score: grade.score,
		points: pointsFor(grade.score, accepted.elapsedMs, limitMs),
		elapsedMs: accepted.elapsedMs
	};
	const inserted = inTransaction(db, () => {
		const stored = store.insertAnswer(
			db,
			{ playerId: player.id, position, gameId: game.id, ...answer, response },
			now
		);
		if (!stored) return false;
		if (player.attemptId) attemptAnswer(db, player.attemptId, question, response, new Date(now));
		touch(db, game, now);
		return true;
	});
	if (!inserted) return { ok: true, status: 'already-answered' };
	player.answers.set(position, answer);
	publish(channelOf(game.id), {
		event: 'answered',
		data: { answered: answeredCount(game), players: activePlayers(game).length },
		to: 'host'
	});
	if (everyoneAnswered(game)) closeQuestion(db, game, now);
	return { ok: true, status: 'recorded' };
}

/** Writes one answer into the student's attempt of the assignment (once; the first stands). */
function attemptAnswer(
	db: Db,
	attemptId: string,
	question: Question,
	response: Response | undefined,
	now: Date | number
) {
	const attempt = getAttempt(db, attemptId);
	const item = attempt?.items.find((i) => i.question.id === question.id);
	if (!attempt || !item || item.answer) return;
	recordAnswer(db, attempt, item, response, now instanceof Date ? now : new Date(now));
}

export function answeredCount(game: LiveGame): number {
	const position = game.clock.current;
	return activePlayers(game).filter((p) => p.answers.has(position)).length;
}

function everyoneAnswered(game: LiveGame): boolean {
	const players = activePlayers(game);
	return players.length > 0 && players.every((p) => p.answers.has(game.clock.current));
}

// ---------------------------------------------------------------------------------------------
// Idle games

/** Ends every game idle for longer than the limit, in memory and in the database. */
export function endIdleGames(db: Db, now = Date.now()): number {
	let ended = 0;
	for (const id of store.gamesIdleSince(db, now - idleLimitMs())) {
		const game = getGame(db, id, now);
		if (game && game.clock.phase === 'ended') ended++;
	}
	// Ended games leave memory once nobody has looked at them for a while.
	for (const [id, game] of memory(db).games) {
		if (game.clock.phase === 'ended' && now - game.activeAt > idleLimitMs())
			memory(db).games.delete(id);
	}
	return ended;
}

function startSweeper(db: Db) {
	const state = memory(db);
	if (state.sweeper) return;
	state.sweeper = setInterval(() => {
		try {
			endIdleGames(db);
		} catch (error) {
			console.error('Live games: could not end idle games:', error);
		}
	}, 60_000);
	state.sweeper.unref?.();
}

/** Forgets the games kept in memory (a restart, in tests). */
export function forgetGames(db: Db) {
	const state = memory(db);
	for (const game of state.games.values()) if (game.timer) clearTimeout(game.timer);
	state.games.clear();
	if (state.sweeper) clearInterval(state.sweeper);
	state.sweeper = null;
}
