import type Database from 'better-sqlite3';
import type { Db } from './connection';

/**
 * Compiled SQL for the hottest writes (every graded answer), straight on better-sqlite3: Drizzle
 * rebuilds and recompiles a statement on every call, which dominated the answer path's time.
 * The SQL stores values exactly as the Drizzle schema's column modes do (JSON text, 0/1, ms).
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(db: Db, sql: string): Database.Statement {
	const client = db.$client;
	let statements = cache.get(client);
	if (!statements) {
		statements = new Map();
		cache.set(client, statements);
	}
	let compiled = statements.get(sql);
	if (!compiled) {
		compiled = client.prepare(sql);
		statements.set(sql, compiled);
	}
	return compiled;
}

// better-sqlite3 builds a wrapper per transaction() call: build one per connection, once.
const runners = new WeakMap<Database.Database, (work: () => unknown) => unknown>();

/** Runs `work` in one SQLite transaction on the same connection. */
export function inTransaction<T>(db: Db, work: () => T): T {
	let run = runners.get(db.$client);
	if (!run) {
		run = db.$client.transaction((job: () => unknown) => job());
		runners.set(db.$client, run);
	}
	return run(work) as T;
}
