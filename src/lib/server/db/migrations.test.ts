import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, openDatabase, runMigrations } from './connection';
import { createTestDatabase } from './test-db';

const folders: string[] = [];
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The migrations folder as it was before the one tagged `tag` (a database made then). */
function migrationsBefore(tag: string): string {
	const folder = mkdtempSync(join(tmpdir(), 'sabaq-migrations-'));
	folders.push(folder);
	cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
	const at = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
	expect(at).toBeGreaterThan(0);
	journal.entries = journal.entries.slice(0, at);
	writeFileSync(journalPath, JSON.stringify(journal));
	return folder;
}

/** One row in every table the constraints' migration rebuilds, and rows that refer to them. */
const OLD_ROWS = `
	insert into users (id, username, password_hash, role, locale) values ('t', 'teacher', 'x', 'teacher', 'kk');
	insert into users (id, username, password_hash, role) values ('s', 'student', 'x', 'student');
	insert into sessions (id, user_id, expires_at) values ('hash', 's', 9999999999999);
	insert into sources (key, title, content_hash, owner_id) values ('k', 'A text', 'h', 't');
	insert into lessons (source_id, slug, position, title, topic, summary, body, reading_minutes)
		values (1, 'a-lesson', 0, 'A lesson', 'Topic', 'Summary', '{"paragraphs":[]}', 1);
	insert into questions (id, lesson_id, position, type, data) values ('q1', 1, 0, 'true_false', '{}');
	insert into question_versions (question_id, version, data, enabled) values ('q1', 1, '{}', 1);
	insert into classes (id, teacher_id, name, join_code) values ('c', 't', 'Class', 'JOIN');
	insert into class_members (class_id, student_id) values ('c', 's');
	insert into assignments (id, class_id, lesson_id, reveal) values ('as', 'c', 1, 'submit');
	insert into attempts (id, user_id, lesson_id, assignment_id, seed, kind, question_count)
		values ('at', 's', 1, 'as', 'seed', 'retry', 1);
	insert into attempt_questions (attempt_id, position, question_id, question_version, snapshot)
		values ('at', 0, 'q1', 1, '{}');
	insert into answers (attempt_id, position, question_id, response, given, correct, score)
		values ('at', 0, 'q1', 'true', 'True', 1, 1);
	insert into attempt_marks (attempt_id, teacher_id, comment) values ('at', 't', 'Good');
	insert into review_cards (user_id, question_id, card, due) values ('s', 'q1', '{}', 0);
	insert into import_jobs (id, owner_id, status, source_id) values ('j', 't', 'done', 1);
	insert into live_games (id, pin, host_id, lesson_id, questions, seconds, leaderboard, late_join,
		class_only, phase) values ('g', '123456', 't', 1, '[]', 20, 1, 1, 0, 'lobby');
	insert into live_players (id, game_id, name, token_hash, joined_at)
		values ('p', 'g', 'Ana', 'tok', 0);
`;

const TABLES = [
	'users',
	'sessions',
	'lessons',
	'questions',
	'question_versions',
	'class_members',
	'assignments',
	'attempts',
	'attempt_questions',
	'answers',
	'attempt_marks',
	'review_cards',
	'import_jobs',
	'live_games',
	'live_players'
];

describe('migrations', () => {
	it('an existing database gets the constraints and keeps every row, with foreign keys on', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sabaq-old-db-'));
		folders.push(dir);
		const old = openDatabase(join(dir, 'sabaq.db'));
		runMigrations(old.db, migrationsBefore('0006_enum_checks'));
		old.sqlite.exec(OLD_ROWS);
		const count = (table: string) =>
			(old.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
		const before = Object.fromEntries(TABLES.map((t) => [t, count(t)]));
		expect(Object.values(before).every((n) => n === 1 || n === 2)).toBe(true);

		runMigrations(old.db);

		expect(Object.fromEntries(TABLES.map((t) => [t, count(t)]))).toEqual(before);
		expect(old.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(old.sqlite.pragma('foreign_key_check')).toEqual([]);
		expect(() => old.sqlite.exec("update users set role = 'administrator' where id = 's'")).toThrow(
			/CHECK constraint failed: users_role_check/
		);
		// Foreign keys still act after the tables were rebuilt: a deleted user takes her rows.
		old.sqlite.exec("delete from users where id = 's'");
		expect(count('sessions')).toBe(0);
		expect(count('attempts')).toBe(0);
		old.sqlite.close();
	});

	it.each([
		[
			"insert into users (id, username, password_hash, role) values ('x', 'x', 'x', 'admin')",
			'users_role_check'
		],
		[
			"insert into users (id, username, password_hash, role, locale) values ('x', 'x', 'x', 'student', 'fr')",
			'users_locale_check'
		],
		["update questions set type = 'essay'", 'questions_type_check'],
		["update questions set origin = 'imported'", 'questions_origin_check'],
		["update assignments set reveal = 'never'", 'assignments_reveal_check'],
		["update attempts set kind = 'exam'", 'attempts_kind_check'],
		["update import_jobs set status = 'warning'", 'import_jobs_status_check'],
		["update live_games set phase = 'paused'", 'live_games_phase_check']
	])('the database refuses a value no code may write: %s', (statement, constraint) => {
		const { sqlite } = createTestDatabase();
		sqlite.exec(OLD_ROWS);
		expect(() => sqlite.exec(statement)).toThrow(`CHECK constraint failed: ${constraint}`);
	});

	it('accepts every value the code writes (null locale included)', () => {
		const { sqlite } = createTestDatabase();
		sqlite.exec(OLD_ROWS);
		expect(() =>
			sqlite.exec(`
				update users set locale = null;
				update users set locale = 'ru';
				update questions set type = 'matching', origin = 'manual';
				update assignments set reveal = 'due';
				update attempts set kind = 'quiz';
				update import_jobs set status = 'failed';
				update live_games set phase = 'ended';
			`)
		).not.toThrow();
	});
});
