import { runMigrations, type Db } from './db/connection';
import { writeFailureOf, type WriteFailure } from './db/write-errors';
import { checkDatabase } from './health';
import { discardInterruptedImports } from './imports';
import { resumeLiveGames } from './live/games';
import { publishPages } from './page-cache';
import { requireWorkerBundle } from './pipeline/run';
import { discardAbandonedPractice } from './self-practice';
import { seedBundledContent } from './seed';
import { announceSetupCode } from './setup';

/**
 * What the server does once when it starts. On a database that cannot be written (a full disk, a
 * read-only file) it still starts, as a read-only service: the steps that would write are skipped
 * and one line says so. Returns why it is read-only, or null.
 */
export function startUp(db: Db, log: Pick<Console, 'warn'> = console): string | null {
	requireWorkerBundle();
	try {
		runMigrations(db);
	} catch (error) {
		const failure = writeFailureOf(error);
		// Never run on a schema older than the code's: there is nothing to serve read-only.
		if (!failure) throw error;
		throw new Error(
			`The database needs migrating but cannot be written because ${failure.reason} ` +
				`(${failure.code}). Free some disk space or make the file writable, then start again.`,
			{ cause: error }
		);
	}
	const skipped: string[] = [];
	let failure: WriteFailure | null = null;
	const unlessUnwritable = (what: string, work: () => unknown) => {
		try {
			work();
		} catch (error) {
			const cause = writeFailureOf(error);
			if (!cause) throw error;
			failure ??= cause;
			skipped.push(what);
		}
	};
	unlessUnwritable('the bundled lessons were not updated', () => seedBundledContent(db));
	unlessUnwritable('interrupted imports were not cleared', () => discardInterruptedImports(db));
	unlessUnwritable('abandoned practice quizzes were not deleted', () =>
		discardAbandonedPractice(db)
	);
	// Games that were running when the server stopped go on: an open question still closes at its
	// deadline and an idle game still ends, even if no screen comes back to look.
	unlessUnwritable('live games were not resumed', () => resumeLiveGames(db));
	announceSetupCode(db);
	publishPages(db);

	const found = failure as WriteFailure | null;
	const health = checkDatabase(db);
	const reason = found
		? `the database cannot be written because ${found.reason} (${found.code})`
		: health.ok
			? null
			: `${health.reason}${health.code ? ` (${health.code})` : ''}`;
	if (reason) {
		// See openDatabase: no room for the shared-memory file other connections need.
		const exclusive =
			!db.$client.memory && db.$client.pragma('locking_mode', { simple: true }) === 'exclusive';
		log.warn(
			`Sabaq is running read-only: ${reason}. Pages that only read work; anything sent to be ` +
				`saved gets a 503 until the database can be written again` +
				(skipped.length ? ` (at start ${skipped.join(', ')})` : '') +
				(exclusive ? '; until a restart with room on the disk, no other program can open it.' : '.')
		);
	}
	return reason;
}
