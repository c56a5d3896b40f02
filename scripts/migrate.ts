// `npm run db:migrate`: apply pending migrations to DATABASE_URL (the server also does this at start).
import {
	DEFAULT_DATABASE_PATH,
	openDatabase,
	runMigrations
} from '../src/lib/server/db/connection';

const path = process.env.DATABASE_URL || DEFAULT_DATABASE_PATH;
try {
	const { db, sqlite } = openDatabase(path);
	runMigrations(db);
	sqlite.close();
	console.log(`Migrations applied to ${path}.`);
} catch (error) {
	console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
