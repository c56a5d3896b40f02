import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { writeFailureOf } from './write-errors';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction or the database itself: repository functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export const DEFAULT_DATABASE_PATH = 'data/sabaq.db';
export const MIGRATIONS_FOLDER = resolve('drizzle');

/** Opens the SQLite file (creating its folder) with WAL, foreign keys and a busy timeout. */
export function openDatabase(path: string = DEFAULT_DATABASE_PATH) {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	let sqlite = new Database(path);
	try {
		sqlite.pragma('journal_mode = WAL');
	} catch (error) {
		if (!writeFailureOf(error)) throw error;
		// No room for the shared-memory file that WAL connections share (a full disk at start):
		// a connection in exclusive locking mode needs none, so the server can still read and
		// serve, keeping the file to itself until it restarts (see README, "A full disk").
		sqlite.close();
		sqlite = new Database(path);
		sqlite.pragma('locking_mode = EXCLUSIVE');
	}
	// Commits survive a crash of the process; a power cut may roll back the last ones. FULL (a disk
	// flush per commit) triples the time of an answer's transaction. See README, "Your data".
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema });
	return { sqlite, db };
}

/**
 * Applies pending migrations. A failure is fatal: the app must never run on a schema that
 * differs from the code's, so the error is rethrown with a message that says what to do.
 */
export function runMigrations(db: Db, folder: string = MIGRATIONS_FOLDER) {
	// SQLite cannot add a constraint to a table: a migration rebuilds it (new table, copy, drop,
	// rename). Dropping a table with foreign keys on deletes every row that refers to it
	// (ON DELETE CASCADE), and the `PRAGMA foreign_keys=OFF` drizzle-kit writes does nothing inside
	// the migrator's transaction, so keys are switched off around it and checked after.
	const keysWereOn = db.$client.pragma('foreign_keys', { simple: true }) === 1;
	db.$client.pragma('foreign_keys = OFF');
	try {
		const before = appliedMigrations(db);
		migrate(db, { migrationsFolder: folder });
		if (appliedMigrations(db) !== before) {
			const broken = db.$client.pragma('foreign_key_check') as { table: string }[];
			if (broken.length) {
				throw new Error(`${broken.length} rows of ${broken[0].table} refer to missing rows`);
			}
		}
	} catch (cause) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		throw new Error(
			`Database migration failed (${reason}). The server will not start on a schema that ` +
				`differs from the code's; fix the database or restore a backup, then start again.`,
			{ cause }
		);
	} finally {
		if (keysWereOn) db.$client.pragma('foreign_keys = ON');
	}
}

function appliedMigrations(db: Db): number {
	const table = db.$client
		.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
		.get();
	if (!table) return 0;
	return (
		db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
	).n;
}
