/**
 * Every read and write of live_games, live_players and live_answers: Drizzle queries compiled
 * once per connection (`prepared`), their values bound as `sql.placeholder`s. Column modes of
 * $lib/server/db/live-schema encode and decode JSON and booleans.
 */
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { prepared } from '../db/client';
import type { Db } from '../db/connection';
import { liveAnswers, liveGames, livePlayers } from '../db/live-schema';
import type { Question, Response } from '$lib/quiz/types';
import type { GameClock } from '$lib/quiz/live/game';

/**
 * A value bound in an update's `set`, whose types take no bare placeholder. Unlike a placeholder
 * in `where` or `values`, it skips the column's encoding: only for plain text and number columns.
 */
const bound = (name: string) => sql`${sql.placeholder(name)}`;

/** Spelled as the partial unique index on pin says it, so SQLite uses that index. */
const notEnded = sql`${liveGames.phase} <> 'ended'`;

const pinTaken = prepared((db) =>
	db
		.select({ one: sql`1` })
		.from(liveGames)
		.where(and(eq(liveGames.pin, sql.placeholder('pin')), notEnded))
		.prepare()
);

/** Whether a game that has not ended holds this PIN. */
export function isPinTaken(db: Db, pin: string): boolean {
	return pinTaken(db).get({ pin }) !== undefined;
}

const gameIdByPin = prepared((db) =>
	db
		.select({ id: liveGames.id })
		.from(liveGames)
		.where(and(eq(liveGames.pin, sql.placeholder('pin')), notEnded))
		.prepare()
);

/** The id of the game that holds this PIN now, or null. */
export function gameIdWithPin(db: Db, pin: string): string | null {
	return gameIdByPin(db).get({ pin })?.id ?? null;
}

const openGameIds = prepared((db) =>
	db.select({ id: liveGames.id }).from(liveGames).where(notEnded).prepare()
);

/** Ids of every game that has not ended. */
export function gamesNotEnded(db: Db): string[] {
	return openGameIds(db)
		.all()
		.map((r) => r.id);
}

const idleGameIds = prepared((db) =>
	db
		.select({ id: liveGames.id })
		.from(liveGames)
		.where(and(notEnded, lt(liveGames.activeAt, sql.placeholder('before'))))
		.prepare()
);

/** Ids of the games not ended whose last activity is before `before`. */
export function gamesIdleSince(db: Db, before: number): string[] {
	return idleGameIds(db)
		.all({ before })
		.map((r) => r.id);
}

export interface StoredGame {
	id: string;
	pin: string;
	hostId: string;
	lessonId: number;
	assignmentId: string | null;
	classId: string | null;
	bankOwnerId: string | null;
	questions: Question[];
	seconds: number;
	leaderboard: boolean;
	lateJoin: boolean;
	classOnly: boolean;
}

const insertGameRow = prepared((db) =>
	db
		.insert(liveGames)
		.values({
			id: sql.placeholder('id'),
			pin: sql.placeholder('pin'),
			hostId: sql.placeholder('hostId'),
			lessonId: sql.placeholder('lessonId'),
			assignmentId: sql.placeholder('assignmentId'),
			classId: sql.placeholder('classId'),
			bankOwnerId: sql.placeholder('bankOwnerId'),
			questions: sql.placeholder('questions'),
			seconds: sql.placeholder('seconds'),
			leaderboard: sql.placeholder('leaderboard'),
			lateJoin: sql.placeholder('lateJoin'),
			classOnly: sql.placeholder('classOnly'),
			phase: 'lobby',
			current: -1,
			activeAt: sql.placeholder('now'),
			createdAt: sql.placeholder('now')
		})
		.prepare()
);

/** A new game in the lobby. */
export function insertGame(db: Db, game: StoredGame, now: number) {
	insertGameRow(db).run({ ...game, now });
}

const gameRow = prepared((db) =>
	db
		.select({
			id: liveGames.id,
			pin: liveGames.pin,
			hostId: liveGames.hostId,
			lessonId: liveGames.lessonId,
			assignmentId: liveGames.assignmentId,
			classId: liveGames.classId,
			bankOwnerId: liveGames.bankOwnerId,
			questions: liveGames.questions,
			seconds: liveGames.seconds,
			leaderboard: liveGames.leaderboard,
			lateJoin: liveGames.lateJoin,
			classOnly: liveGames.classOnly,
			phase: liveGames.phase,
			current: liveGames.current,
			openedAt: liveGames.openedAt,
			closesAt: liveGames.closesAt,
			activeAt: liveGames.activeAt
		})
		.from(liveGames)
		.where(eq(liveGames.id, sql.placeholder('id')))
		.prepare()
);

/** A game's stored row (its clock as last saved), or undefined. */
export function readGame(db: Db, id: string) {
	return gameRow(db).get({ id });
}

const playerRows = prepared((db) =>
	db
		.select({
			id: livePlayers.id,
			name: livePlayers.name,
			userId: livePlayers.userId,
			attemptId: livePlayers.attemptId,
			removed: livePlayers.removed,
			tokenHash: livePlayers.tokenHash
		})
		.from(livePlayers)
		.where(eq(livePlayers.gameId, sql.placeholder('gameId')))
		.orderBy(asc(livePlayers.joinedAt))
		.prepare()
);

/** A game's players in the order they joined. */
export function readPlayers(db: Db, gameId: string) {
	return playerRows(db).all({ gameId });
}

const answerRows = prepared((db) =>
	db
		.select({
			playerId: liveAnswers.playerId,
			position: liveAnswers.position,
			response: liveAnswers.response,
			given: liveAnswers.given,
			correct: liveAnswers.correct,
			score: liveAnswers.score,
			points: liveAnswers.points,
			elapsedMs: liveAnswers.elapsedMs
		})
		.from(liveAnswers)
		.where(eq(liveAnswers.gameId, sql.placeholder('gameId')))
		.prepare()
);

/** Every answer given in a game. */
export function readAnswers(db: Db, gameId: string) {
	return answerRows(db).all({ gameId });
}

const saveClockRow = prepared((db) =>
	db
		.update(liveGames)
		.set({
			phase: bound('phase'),
			current: bound('current'),
			openedAt: bound('openedAt'),
			closesAt: bound('closesAt'),
			activeAt: bound('now')
		})
		.where(eq(liveGames.id, sql.placeholder('id')))
		.prepare()
);

/** Writes a game's clock; the game counts as active at `now`. */
export function writeClock(db: Db, id: string, clock: GameClock, now: number) {
	const { phase, current, openedAt, closesAt } = clock;
	saveClockRow(db).run({ id, phase, current, openedAt, closesAt, now });
}

const activeAtRow = prepared((db) =>
	db
		.update(liveGames)
		.set({ activeAt: bound('now') })
		.where(eq(liveGames.id, sql.placeholder('id')))
		.prepare()
);

export function writeActiveAt(db: Db, id: string, now: number) {
	activeAtRow(db).run({ id, now });
}

const endedAtRow = prepared((db) =>
	db
		.update(liveGames)
		.set({ endedAt: bound('now') })
		.where(eq(liveGames.id, sql.placeholder('id')))
		.prepare()
);

export function writeEndedAt(db: Db, id: string, now: number) {
	endedAtRow(db).run({ id, now });
}

const gameIdByToken = prepared((db) =>
	db
		.select({ gameId: livePlayers.gameId })
		.from(livePlayers)
		.where(eq(livePlayers.tokenHash, sql.placeholder('tokenHash')))
		.prepare()
);

/** The game of the player whose token hashes to this, or null. */
export function gameIdOfToken(db: Db, tokenHash: string): string | null {
	return gameIdByToken(db).get({ tokenHash })?.gameId ?? null;
}

const insertPlayerRow = prepared((db) =>
	db
		.insert(livePlayers)
		.values({
			id: sql.placeholder('id'),
			gameId: sql.placeholder('gameId'),
			tokenHash: sql.placeholder('tokenHash'),
			userId: sql.placeholder('userId'),
			name: sql.placeholder('name'),
			attemptId: sql.placeholder('attemptId'),
			joinedAt: sql.placeholder('now')
		})
		.prepare()
);

export function insertPlayer(
	db: Db,
	player: {
		id: string;
		gameId: string;
		tokenHash: string;
		userId: string | null;
		name: string;
		attemptId: string | null;
	},
	now: number
) {
	insertPlayerRow(db).run({ ...player, now });
}

const tokenRow = prepared((db) =>
	db
		.update(livePlayers)
		.set({ tokenHash: bound('tokenHash') })
		.where(eq(livePlayers.id, sql.placeholder('id')))
		.prepare()
);

/** Gives a player a new token (the old one no longer finds them). */
export function writeToken(db: Db, id: string, tokenHash: string) {
	tokenRow(db).run({ id, tokenHash });
}

const removedRow = prepared((db) =>
	db
		.update(livePlayers)
		.set({ removed: true })
		.where(eq(livePlayers.id, sql.placeholder('id')))
		.prepare()
);

export function markRemoved(db: Db, id: string) {
	removedRow(db).run({ id });
}

const insertAnswerRow = prepared((db) =>
	db
		.insert(liveAnswers)
		.values({
			playerId: sql.placeholder('playerId'),
			position: sql.placeholder('position'),
			gameId: sql.placeholder('gameId'),
			response: sql.placeholder('response'),
			given: sql.placeholder('given'),
			correct: sql.placeholder('correct'),
			score: sql.placeholder('score'),
			points: sql.placeholder('points'),
			elapsedMs: sql.placeholder('elapsedMs'),
			answeredAt: sql.placeholder('now')
		})
		.onConflictDoNothing()
		.prepare()
);

/** Stores a player's answer; false when they had already answered that question. */
export function insertAnswer(
	db: Db,
	answer: {
		playerId: string;
		position: number;
		gameId: string;
		response: Response;
		given: string;
		correct: boolean;
		score: number;
		points: number;
		elapsedMs: number;
	},
	now: number
): boolean {
	return insertAnswerRow(db).run({ ...answer, now }).changes > 0;
}
