import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runMigrations, type Db } from './connection';
import * as schema from './schema';

/** A migrated in-memory database for unit tests. */
export function createTestDatabase() {
	const { db, sqlite } = openDatabase(':memory:');
	runMigrations(db);
	return { db, sqlite };
}

/**
 * Makes the database full, as a full disk would: no free page left and no new one allowed, so
 * a write that needs a page fails with SQLITE_FULL (reads and writes within a page still work).
 */
export function fillDatabase(sqlite: Database.Database) {
	sqlite.exec('vacuum');
	sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
}

/**
 * A migrated database file in a folder of its own (prepared by `prepare` on a writable
 * connection), opened again read-only: every write fails with SQLITE_READONLY. `remove` closes
 * and deletes it.
 */
export function createReadOnlyDatabase(prepare: (db: Db) => void = () => {}) {
	const dir = mkdtempSync(join(tmpdir(), 'sabaq-readonly-'));
	const path = join(dir, 'sabaq.db');
	const writable = openDatabase(path);
	runMigrations(writable.db);
	prepare(writable.db);
	writable.sqlite.close();
	const sqlite = new Database(path, { readonly: true });
	const remove = () => {
		sqlite.close();
		rmSync(dir, { recursive: true, force: true });
	};
	return { db: drizzle(sqlite, { schema }) as Db, sqlite, path, remove };
}
