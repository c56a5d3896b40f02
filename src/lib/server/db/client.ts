import type Database from 'better-sqlite3';
import type { Db, Tx } from './connection';

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

/** The SQLite connection behind a database or one of its transactions. */
export function connectionOf(db: Tx): Database.Database {
	if ('$client' in db) return db.$client;
	return (db as unknown as { session: { client: Database.Database } }).session.client;
}

/**
 * State kept for each connection, made on first use: an in-memory cache built with it never
 * serves one database's rows to another (tests open many; a second server process has its own).
 */
export function perConnection<T>(make: () => T): (db: Tx) => T {
	const states = new WeakMap<Database.Database, T>();
	return (db) => {
		const connection = connectionOf(db);
		let state = states.get(connection);
		if (state === undefined) {
			state = make();
			states.set(connection, state);
		}
		return state;
	};
}
