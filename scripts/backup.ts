// `npm run db:backup -- [FILE]`: a consistent copy of the database, safe while the server runs.
import { backupDatabase, defaultBackupPath } from '../src/lib/server/db/backup';
import { DEFAULT_DATABASE_PATH } from '../src/lib/server/db/connection';

const source = process.env.DATABASE_URL || DEFAULT_DATABASE_PATH;
const destination = process.argv[2] || defaultBackupPath();

try {
	const started = performance.now();
	await backupDatabase(source, destination);
	console.log(
		`Backed up ${source} to ${destination} in ${Math.round(performance.now() - started)} ms (integrity ok).`
	);
} catch (error) {
	console.error(`db:backup: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
