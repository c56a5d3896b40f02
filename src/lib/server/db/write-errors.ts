/**
 * SQLite's ways of saying "this cannot be saved now": a full disk, a read-only file, an I/O error.
 * Every write path turns them into one clear message (503) instead of a crash or a 500; the
 * database itself stays as it was, so nothing already saved is lost.
 */

export interface WriteFailure {
	/** SQLite's extended code, e.g. SQLITE_FULL or SQLITE_IOERR_WRITE. */
	code: string;
	/** Why, in words that fit after "because": "its disk is full". */
	reason: string;
}

const REASONS: [prefix: string, reason: string][] = [
	['SQLITE_FULL', 'its disk is full'],
	['SQLITE_READONLY', 'its database file is read-only'],
	['SQLITE_IOERR', 'its disk reported an error while writing'],
	['SQLITE_CANTOPEN', 'its database file cannot be opened for writing']
];

/** The write failure in `error` or any of its causes (a wrapped error keeps its cause), or null. */
export function writeFailureOf(error: unknown): WriteFailure | null {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string') {
			const known = REASONS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
			if (known) return { code, reason: known[1] };
		}
		e = (e as { cause?: unknown }).cause;
	}
	return null;
}

/** What a person is told when what they sent could not be saved. */
export function cannotSaveMessage(failure: WriteFailure): string {
	return (
		`The server cannot save right now because ${failure.reason}. Nothing already saved is ` +
		'lost. Please try again later.'
	);
}

/** One log line for the operator (no stack: the cause is known and is not a bug). */
export function logWriteFailure(what: string, failure: WriteFailure) {
	console.error(
		`${what}: the database cannot be written because ${failure.reason} (${failure.code}).`
	);
}
