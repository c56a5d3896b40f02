import { openDatabase, runMigrations } from './connection';

/** A migrated in-memory database for unit tests. */
export function createTestDatabase() {
	const { db, sqlite } = openDatabase(':memory:');
	runMigrations(db);
	return { db, sqlite };
}
