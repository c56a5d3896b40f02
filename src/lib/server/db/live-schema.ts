/** Live class games: their state is kept here so a reload or a restart resumes them. */
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import type { Question, Response } from '../../quiz/types';
import { assignments, classes, lessons, oneOf, users } from './schema';

export const LIVE_PHASES = ['lobby', 'question', 'closed', 'ended'] as const;

const now = sql`(unixepoch('subsec') * 1000)`;

export const liveGames = sqliteTable(
	'live_games',
	{
		id: text('id').primaryKey(),
		/** Six digits; only a game that has not ended holds it (see the partial unique index). */
		pin: text('pin').notNull(),
		hostId: text('host_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lessons.id, { onDelete: 'cascade' }),
		assignmentId: text('assignment_id').references(() => assignments.id, { onDelete: 'set null' }),
		classId: text('class_id').references(() => classes.id, { onDelete: 'set null' }),
		bankOwnerId: text('bank_owner_id'),
		/** The questions as asked, keys included (never sent to a player before a question closes). */
		questions: text('questions', { mode: 'json' }).$type<Question[]>().notNull(),
		seconds: integer('seconds').notNull(),
		leaderboard: integer('leaderboard', { mode: 'boolean' }).notNull(),
		lateJoin: integer('late_join', { mode: 'boolean' }).notNull(),
		classOnly: integer('class_only', { mode: 'boolean' }).notNull(),
		phase: text('phase', { enum: LIVE_PHASES }).notNull(),
		/** The question open or last closed (0-based); -1 in the lobby. */
		current: integer('current').notNull().default(-1),
		openedAt: integer('opened_at'),
		closesAt: integer('closes_at'),
		activeAt: integer('active_at').notNull().default(now),
		createdAt: integer('created_at').notNull().default(now),
		endedAt: integer('ended_at')
	},
	(t) => [
		uniqueIndex('live_games_pin_idx')
			.on(t.pin)
			.where(sql`phase <> 'ended'`),
		index('live_games_host_idx').on(t.hostId),
		check('live_games_phase_check', oneOf('phase', LIVE_PHASES))
	]
);

export const livePlayers = sqliteTable(
	'live_players',
	{
		id: text('id').primaryKey(),
		gameId: text('game_id')
			.notNull()
			.references(() => liveGames.id, { onDelete: 'cascade' }),
		/** SHA-256 of the player's token (the cookie); the token itself is never stored. */
		tokenHash: text('token_hash').notNull().unique(),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		/** The assignment's attempt this player's answers are also written to (signed-in students). */
		attemptId: text('attempt_id'),
		removed: integer('removed', { mode: 'boolean' }).notNull().default(false),
		joinedAt: integer('joined_at').notNull().default(now)
	},
	(t) => [
		index('live_players_game_idx').on(t.gameId),
		uniqueIndex('live_players_user_idx').on(t.gameId, t.userId)
	]
);

export const liveAnswers = sqliteTable(
	'live_answers',
	{
		playerId: text('player_id')
			.notNull()
			.references(() => livePlayers.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		gameId: text('game_id')
			.notNull()
			.references(() => liveGames.id, { onDelete: 'cascade' }),
		response: text('response', { mode: 'json' }).$type<Response>().notNull(),
		given: text('given').notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		/** 0..1 as graded. */
		score: real('score').notNull(),
		points: integer('points').notNull(),
		/** Milliseconds from the question opening to the answer, on the server's clock. */
		elapsedMs: integer('elapsed_ms').notNull(),
		answeredAt: integer('answered_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.playerId, t.position] }),
		index('live_answers_game_idx').on(t.gameId, t.position)
	]
);

export type LiveGameRow = typeof liveGames.$inferSelect;
export type LivePlayerRow = typeof livePlayers.$inferSelect;
export type LiveAnswerRow = typeof liveAnswers.$inferSelect;
