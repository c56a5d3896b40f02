import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction or the database itself: repository functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export const DEFAULT_DATABASE_PATH = 'data/sabaq.db';
export const MIGRATIONS_FOLDER = resolve('drizzle');

/** Opens the SQLite file (creating its folder) with WAL, foreign keys and a busy timeout. */
export function openDatabase(path: string = DEFAULT_DATABASE_PATH) {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
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
	try {
		migrate(db, { migrationsFolder: folder });
	} catch (cause) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		throw new Error(
			`Database migration failed (${reason}). The server will not start on a schema that ` +
				`differs from the code's; fix the database or restore a backup, then start again.`,
			{ cause }
		);
	}
}
