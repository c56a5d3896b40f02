import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../db/test-db';
import { openDatabase, runMigrations } from '../db/connection';
import { startAttempt } from '../attempts';
import { addLesson, addUser } from '../teacher-test-helpers';
import { questions } from '../db/schema';
import { createAssignment } from '../assignments';
import { createClass, joinClass } from '../classes';
import { getAttempt } from '../attempts';
import type { Db } from '../db/connection';
import { subscribe, type LiveMessage } from './broadcast';
import {
	channelOf,
	createGame,
	endGame,
	endIdleGames,
	findGameByPin,
	findPlayer,
	forgetGames,
	getGame,
	joinGame,
	nextQuestion,
	playerState,
	publicState,
	removePlayer,
	resumeLiveGames,
	submitAnswer,
	type LiveGame
} from './games';
import { resultsCsv } from './results';

const opened: Db[] = [];
const cleanUps: (() => void)[] = [];
afterEach(() => {
	vi.useRealTimers();
	for (const db of opened.splice(0)) forgetGames(db);
	for (const clean of cleanUps.splice(0)) clean();
	delete process.env.LIVE_IDLE_MINUTES;
});

/** A lesson of five multiple-choice questions on five sentences, each with a key of its own. */
function world(database: Db = createTestDatabase().db) {
	const db = database;
	opened.push(db);
	const teacher = addUser(db, 'teacher');
	const slug = `live-${crypto.randomUUID().slice(0, 6)}`;
	const { lessonId } = addLesson(db, slug);
	for (const [i, answer] of [
		[4, 'Delta'],
		[5, 'Epsilon']
	] as const) {
		const q = {
			id: `${slug}-q${i}`,
			type: 'multiple_choice' as const,
			prompt: `Question ${i}?`,
			options: [answer, 'Beta', 'Gamma'],
			answer,
			explanation: 'Because.',
			difficulty: 0.5,
			source: { paragraph: 0, sentence: `Sentence ${i}.`, sentenceIndex: i }
		};
		db.insert(questions).values({ id: q.id, lessonId, position: i, type: q.type, data: q }).run();
	}
	return { db, teacher, lessonId, slug };
}

/** The right answer to the game's question at `index`, as a phone would send it. */
const keyOf = (game: LiveGame, index: number) => {
	const question = game.questions[index];
	return question.type === 'matching' ? '' : String(question.answer);
};

/** An option of the game's question at `index` that is not its key: the draw puts keys in any order. */
const wrongOf = (game: LiveGame, index: number) => {
	const question = game.questions[index];
	if (question.type !== 'multiple_choice') throw new Error('not a choice');
	return question.options.find((option) => option !== keyOf(game, index))!;
};

function newGame(
	db: Db,
	hostId: string,
	lessonId: number,
	extra: Partial<Parameters<typeof createGame>[1]> = {},
	now = 1_000_000
) {
	const game = createGame(
		db,
		{
			hostId,
			lessonId,
			assignmentId: null,
			classId: null,
			bankOwnerId: null,
			count: 3,
			seconds: 20,
			leaderboard: true,
			lateJoin: true,
			classOnly: false,
			...extra
		},
		now
	);
	if (!game) throw new Error('no game');
	return game;
}

function visitor(db: Db, game: LiveGame, nickname: string, now = 1_000_000) {
	const joined = joinGame(db, game, { user: null, nickname }, now);
	if (!joined.ok) throw new Error(joined.message);
	return joined;
}

describe('live games', () => {
	it('gives a six-digit PIN and draws the questions, keys kept out of the public state', () => {
		const { db, teacher, lessonId } = world();
		const game = newGame(db, teacher.id, lessonId);
		expect(game.pin).toMatch(/^\d{6}$/);
		expect(game.questions).toHaveLength(3);
		expect(findGameByPin(db, game.pin, 1_000_000)?.id).toBe(game.id);
		visitor(db, game, 'Ana');
		nextQuestion(db, game, 1_000_100);
		const state = publicState(game, 1_000_100);
		expect(state.question?.options).toHaveLength(3);
		expect(state.question?.options).toContain(keyOf(game, 0));
		expect(JSON.stringify(state)).not.toMatch(/"answer"|explanation|Because/);
		expect(state.closesIn).toBe(20_000);
	});

	it('times answers on the server: speed points, a second answer not counted, a late one refused', () => {
		const { db, teacher, lessonId } = world();
		const game = newGame(db, teacher.id, lessonId);
		const ana = visitor(db, game, 'Ana').player;
		const bek = visitor(db, game, 'Bek').player;
		const cem = visitor(db, game, 'Cem').player;
		nextQuestion(db, game, 1_000_000);
		expect(submitAnswer(db, game, ana, 0, keyOf(game, 0), 1_010_000)).toEqual({
			ok: true,
			status: 'recorded'
		});
		expect(submitAnswer(db, game, ana, 0, wrongOf(game, 0), 1_011_000)).toEqual({
			ok: true,
			status: 'already-answered'
		});
		expect(submitAnswer(db, game, bek, 0, wrongOf(game, 0), 1_012_000).ok).toBe(true);
		// After the deadline (20 s) and its grace: refused with a message.
		expect(submitAnswer(db, game, cem, 0, keyOf(game, 0), 1_021_000)).toEqual({
			ok: false,
			status: 409,
			message: 'Too late: this question has closed.'
		});
		expect(game.clock.phase).toBe('closed');
		expect(playerState(game, ana).verdict).toEqual({
			answered: true,
			correct: true,
			given: keyOf(game, 0),
			points: 750
		});
		expect(playerState(game, ana).points).toBe(750);
		expect(playerState(game, bek).verdict?.points).toBe(0);
		expect(playerState(game, cem).verdict?.answered).toBe(false);
		const reveal = publicState(game).reveal!;
		expect(reveal.expected).toBe(keyOf(game, 0));
		expect(reveal.counts.find((c) => c.label === keyOf(game, 0))).toEqual({
			label: keyOf(game, 0),
			count: 1,
			correct: true
		});
		expect(reveal.unanswered).toBe(1);
		const rows = db.$client
			.prepare('select count(*) as n from live_answers where game_id = ?')
			.get(game.id) as { n: number };
		expect(rows.n).toBe(2);
	});

	it('hides points of the open question until it closes, and closes when everyone has answered', () => {
		const { db, teacher, lessonId } = world();
		const game = newGame(db, teacher.id, lessonId);
		const ana = visitor(db, game, 'Ana').player;
		const bek = visitor(db, game, 'Bek').player;
		nextQuestion(db, game, 1_000_000);
		submitAnswer(db, game, ana, 0, keyOf(game, 0), 1_000_000);
		expect(playerState(game, ana, 1_000_000).points).toBe(0);
		expect(playerState(game, ana, 1_000_000).answered).toBe(true);
		expect(game.clock.phase).toBe('question');
		submitAnswer(db, game, bek, 0, wrongOf(game, 0), 1_001_000);
		expect(game.clock.phase).toBe('closed');
		expect(playerState(game, ana).points).toBe(1000);
	});

	it('refuses latecomers when they are not allowed, but lets a player back in by token', () => {
		const { db, teacher, lessonId } = world();
		const game = newGame(db, teacher.id, lessonId, { lateJoin: false });
		const { token, player } = visitor(db, game, 'Ana');
		nextQuestion(db, game, 1_000_000);
		expect(joinGame(db, game, { user: null, nickname: 'Late' }, 1_000_500)).toEqual({
			ok: false,
			status: 403,
			message: 'This game has started and does not take late joiners.'
		});
		expect(findPlayer(db, token, 1_000_500)?.player.id).toBe(player.id);
		expect(joinGame(db, game, { user: null, nickname: 'ana' }, 1_000_000).ok).toBe(false);
	});

	it('resumes a game from the database after a restart, at its question, with the scores', () => {
		const { db, teacher, lessonId } = world();
		const now = Date.now();
		const game = newGame(db, teacher.id, lessonId, {}, now);
		const { token } = visitor(db, game, 'Ana', now);
		visitor(db, game, 'Bek', now);
		nextQuestion(db, game, now);
		submitAnswer(db, game, findPlayer(db, token, now)!.player, 0, keyOf(game, 0), now + 1000);
		forgetGames(db); // the server restarts
		const back = getGame(db, game.id, now + 2000)!;
		expect(back).not.toBe(game);
		expect(back.clock.phase).toBe('question');
		expect(back.clock.current).toBe(0);
		const ana = findPlayer(db, token, now + 2000)!.player;
		expect(ana.answers.get(0)?.correct).toBe(true);
		expect(submitAnswer(db, back, ana, 0, wrongOf(game, 0), now + 3000)).toEqual({
			ok: true,
			status: 'already-answered'
		});
		// Its deadline passed while it was down: the next look closes it.
		const later = getGame(db, game.id, now + 25_000)!;
		expect(later.clock.phase).toBe('closed');
		expect(playerState(later, ana).points).toBeGreaterThan(900);
	});

	it('ends an idle game by itself, and its PIN with it', () => {
		const { db, teacher, lessonId } = world();
		process.env.LIVE_IDLE_MINUTES = '1';
		const game = newGame(db, teacher.id, lessonId, {}, 1_000_000);
		expect(endIdleGames(db, 1_000_000 + 30_000)).toBe(0);
		expect(endIdleGames(db, 1_000_000 + 61_000)).toBe(1);
		expect(game.clock.phase).toBe('ended');
		expect(findGameByPin(db, game.pin, 1_000_000 + 61_000)).toBeNull();
	});

	it('removes a player: their stream is told, they cannot answer', () => {
		const { db, teacher, lessonId } = world();
		const game = newGame(db, teacher.id, lessonId);
		const ana = visitor(db, game, 'Ana').player;
		visitor(db, game, 'Bek');
		const heard: LiveMessage[] = [];
		const stop = subscribe(channelOf(game.id), (m) => heard.push(m));
		expect(removePlayer(db, game, ana.id, 1_000_000)).toBe(true);
		nextQuestion(db, game, 1_000_000);
		stop();
		expect(heard.map((m) => m.event)).toEqual(['removed', 'players', 'question']);
		expect(heard[0].to).toEqual({ player: ana.id });
		expect(submitAnswer(db, game, ana, 0, keyOf(game, 0), 1_000_100).ok).toBe(false);
	});

	it('writes a class student’s answers as an attempt of the assignment, finished at the end', () => {
		const { db, teacher, lessonId } = world();
		const student = addUser(db, 'student');
		const klass = createClass(db, teacher.id, 'History');
		joinClass(db, student.id, klass.joinCode);
		const assignment = createAssignment(db, klass.id, {
			lessonId,
			dueAt: null,
			questionCount: 3,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		const game = newGame(db, teacher.id, lessonId, {
			assignmentId: assignment.id,
			classId: klass.id
		});
		const joined = joinGame(
			db,
			game,
			{ user: { ...student, displayName: 'Dana' }, nickname: null },
			1_000_000
		);
		if (!joined.ok) throw new Error(joined.message);
		const guest = visitor(db, game, 'Guest').player;
		expect(joined.player.name).toBe('Dana');
		expect(guest.attemptId).toBeNull();
		nextQuestion(db, game, 1_000_000);
		const first = game.questions[0];
		submitAnswer(
			db,
			game,
			joined.player,
			0,
			first.type === 'multiple_choice' ? first.answer : 'x',
			1_001_000
		);
		submitAnswer(db, game, guest, 0, wrongOf(game, 0), 1_001_000);
		endGame(db, game, 1_002_000);
		const attempt = getAttempt(db, joined.player.attemptId!)!;
		expect(attempt.assignmentId).toBe(assignment.id);
		expect(attempt.finishedAt).not.toBeNull();
		expect(attempt.correctCount).toBe(1);
		expect(attempt.items.filter((i) => i.answer).length).toBe(3);
		const attempts = db.$client.prepare('select count(*) as n from attempts').get() as {
			n: number;
		};
		expect(attempts.n).toBe(1);
	});

	it('goes on after a real restart: a new connection to the same file resumes games at start-up', () => {
		vi.useFakeTimers({
			toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date']
		});
		const t0 = 5_000_000_000;
		vi.setSystemTime(t0);
		const dir = mkdtempSync(join(tmpdir(), 'sabaq-live-restart-'));
		const path = join(dir, 'sabaq.db');
		const before = openDatabase(path);
		runMigrations(before.db);
		const { db, teacher, lessonId } = world(before.db);
		const game = newGame(db, teacher.id, lessonId, {}, t0);
		const { token } = visitor(db, game, 'Ana', t0);
		visitor(db, game, 'Bek', t0);
		nextQuestion(db, game, t0);
		submitAnswer(db, game, findPlayer(db, token, t0)!.player, 0, keyOf(game, 0), t0 + 1000);
		// Another game nobody touched for longer than the idle limit.
		const idle = newGame(db, teacher.id, lessonId, {}, t0 - 31 * 60_000);
		// The process ends: its memory and its connection are gone.
		forgetGames(db);
		before.sqlite.close();

		vi.setSystemTime(t0 + 2000);
		const after = openDatabase(path);
		opened.push(after.db);
		cleanUps.push(() => {
			after.sqlite.close();
			rmSync(dir, { recursive: true, force: true });
		});
		expect(resumeLiveGames(after.db)).toBe(1);
		const row = (id: string) =>
			after.sqlite.prepare('select phase, current from live_games where id = ?').get(id);
		expect(row(idle.id)).toEqual({ phase: 'ended', current: -1 });
		expect(row(game.id)).toEqual({ phase: 'question', current: 0 });
		const ana = findPlayer(after.db, token)!;
		expect(ana.game).not.toBe(game);
		expect(ana.player.answers.get(0)?.points).toBe(975);
		// No screen reconnects: the question still closes at its deadline (20 s and the grace).
		vi.advanceTimersByTime(18_000);
		expect(row(game.id)).toEqual({ phase: 'question', current: 0 });
		vi.advanceTimersByTime(400);
		expect(row(game.id)).toEqual({ phase: 'closed', current: 0 });
		expect(playerState(ana.game, ana.player).points).toBe(975);
		expect(nextQuestion(after.db, ana.game)).toEqual({ ok: true });
		expect(row(game.id)).toEqual({ phase: 'question', current: 1 });
	});

	it('keeps to the assignment’s attempt limit: a student with none left plays, not counted', () => {
		const { db, teacher, lessonId } = world();
		const klass = createClass(db, teacher.id, 'History');
		const assignmentOf = (attemptsAllowed: number) =>
			createAssignment(db, klass.id, {
				lessonId,
				dueAt: null,
				questionCount: 3,
				attemptsAllowed,
				reveal: 'each'
			});
		const once = assignmentOf(1);
		const twice = assignmentOf(2);
		const student = addUser(db, 'student');
		joinClass(db, student.id, klass.joinCode);
		for (const a of [once, twice]) {
			startAttempt(db, { userId: student.id, lessonId, count: 3, assignmentId: a.id });
		}
		const attemptsOf = (id: string) =>
			(
				db.$client
					.prepare('select count(*) as n from attempts where assignment_id = ?')
					.get(id) as { n: number }
			).n;
		const play = (assignmentId: string) => {
			const game = newGame(db, teacher.id, lessonId, { assignmentId, classId: klass.id });
			const joined = joinGame(db, game, { user: student, nickname: null }, 1_000_000);
			if (!joined.ok) throw new Error(joined.message);
			nextQuestion(db, game, 1_000_000);
			submitAnswer(db, game, joined.player, 0, keyOf(game, 0), 1_001_000);
			endGame(db, game, 1_002_000);
			return { game, player: joined.player };
		};
		const used = play(once.id);
		expect(used.player.attemptId).toBeNull();
		expect(playerState(used.game, used.player).counted).toBe(false);
		expect(playerState(used.game, used.player).points).toBe(975);
		expect(attemptsOf(once.id)).toBe(1);
		const left = play(twice.id);
		expect(left.player.attemptId).not.toBeNull();
		expect(playerState(left.game, left.player).counted).toBe(true);
		expect(attemptsOf(twice.id)).toBe(2);
	});

	it('writes the results as CSV, a formula-like nickname made harmless', () => {
		const { db, teacher, lessonId } = world();
		const game = newGame(db, teacher.id, lessonId);
		const ana = visitor(db, game, '=HYPERLINK("x")').player;
		nextQuestion(db, game, 1_000_000);
		submitAnswer(db, game, ana, 0, keyOf(game, 0), 1_000_000);
		const csv = resultsCsv(game).split('\r\n');
		expect(csv[0]).toBe(
			'Rank,Player,Signed in,Points,Correct,Q1 answer,Q1 points,Q2 answer,Q2 points,Q3 answer,Q3 points'
		);
		expect(csv[1]).toBe(`1,"'=HYPERLINK(""x"")",no,1000,1,${keyOf(game, 0)} (right),1000,,0,,0`);
	});
});
