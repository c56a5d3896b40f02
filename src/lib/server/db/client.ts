import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db, Tx } from './connection';
import * as schema from './schema';

/**
 * A Drizzle query built and compiled once per connection (`.prepare()`, its values as
 * `sql.placeholder`s), then only bound and run: the server's one statement cache. A query built
 * on each call rebuilds its SQL and recompiles it, which dominated the answer path's time.
 *
 *     const byId = prepared((db) =>
 *       db.select().from(attempts).where(eq(attempts.id, sql.placeholder('id'))).prepare()
 *     );
 *     byId(tx).get({ id });
 *
 * Queries run on the connection they were compiled for, inside its transaction when one is open.
 */
export function prepared<T>(build: (db: Db) => T): (db: Tx) => T {
	const compiled = new WeakMap<Database.Database, T>();
	return (db) => {
		const client = connectionOf(db);
		let query = compiled.get(client);
		if (query === undefined) {
			query = build(drizzleOn(client, db));
			compiled.set(client, query);
		}
		return query;
	};
}

const databases = new WeakMap<Database.Database, Db>();

/** The Drizzle database of a connection (a transaction's own, when given one). */
function drizzleOn(client: Database.Database, db: Tx): Db {
	if ('$client' in db) return db;
	let root = databases.get(client);
	if (!root) {
		root = drizzle(client, { schema }) as Db;
		databases.set(client, root);
	}
	return root;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Plain SQL compiled once per connection, for what Drizzle cannot say (savepoints, pragmas) or
 * where `npm run bench:load` measured a gain over `prepared` (the figure is beside the call).
 */
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
