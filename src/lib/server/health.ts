import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './db/connection';
import { statement } from './db/client';
import { writeFailureOf } from './db/write-errors';

export type Health = { ok: true } | { ok: false; reason: string; code?: string };

/** Less room than this on the database's disk and it counts as full: an answer needs a few pages. */
export const MIN_FREE_BYTES = 1024 * 1024;

/** Bytes this process may still write on the file system holding `path`, or null if unknown. */
export function freeBytesAt(path: string): number | null {
	try {
		const fs = statfsSync(path);
		// root may also use the blocks reserved for it.
		const blocks = process.getuid?.() === 0 ? fs.bfree : fs.bavail;
		return blocks * fs.bsize;
	} catch {
		return null;
	}
}

/**
 * Whether the database answers and can be written, with the reason when it cannot. Cheap (about
 * 20 µs): a read, a write that touches no row in a savepoint rolled back (SQLite still takes the
 * write lock, so a read-only file or an unwritable journal is found), the size limit and a statfs.
 * A commit is not tried: a full disk shows in the statfs first.
 */
export function checkDatabase(db: Db, freeBytes = freeBytesAt): Health {
	const client = db.$client;
	try {
		statement(db, 'select 1 as one').get();
	} catch {
		return { ok: false, reason: 'the database does not answer' };
	}
	try {
		statement(db, 'savepoint health_probe').run();
		try {
			statement(db, 'delete from sessions where 0').run();
		} finally {
			statement(db, 'rollback to health_probe').run();
			statement(db, 'release health_probe').run();
		}
	} catch (error) {
		const failure = writeFailureOf(error);
		const why = failure?.reason ?? (error instanceof Error ? error.message : String(error));
		return {
			ok: false,
			reason: `the database cannot be written because ${why}`,
			code: failure?.code
		};
	}
	// SQLite's own size limit (max_page_count) reached, with no free page left to reuse.
	const size = statement(
		db,
		`select m.max_page_count as limitPages, p.page_count >= m.max_page_count and
		        f.freelist_count = 0 as full
		 from pragma_page_count() p, pragma_max_page_count() m, pragma_freelist_count() f`
	).get() as { limitPages: number; full: number };
	if (size.full) {
		return {
			ok: false,
			reason: `the database cannot be written because it has reached its size limit (${size.limitPages} pages)`,
			code: 'SQLITE_FULL'
		};
	}
	if (client.memory) return { ok: true };
	const free = freeBytes(dirname(client.name));
	if (free !== null && free < MIN_FREE_BYTES) {
		return {
			ok: false,
			reason: `the database cannot be written because its disk is full (${Math.floor(free / 1024)} kB free)`,
			code: 'SQLITE_FULL'
		};
	}
	return { ok: true };
}
