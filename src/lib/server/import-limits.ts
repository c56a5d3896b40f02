/**
 * How much importing one server and one teacher may do, from the environment (see README):
 * imports run IMPORT_CONCURRENCY at a time, each for at most IMPORT_TIMEOUT seconds; a teacher has
 * at most IMPORT_QUEUE_PER_TEACHER imports waiting or running and IMPORT_TEACHER_MB of text in all.
 */
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Tx } from './db/connection';
import { connectionOf } from './db/client';

export interface ImportLimits {
	/** Imports running at once; each takes a core and a few hundred MB while it runs. */
	concurrent: number;
	/** Imports one teacher may have waiting or running. */
	perTeacher: number;
	/** Bytes of text one teacher's imports may hold, stored and on their way together. */
	teacherBytes: number;
	/** How long one import may run before it is stopped. */
	timeoutMs: number;
}

/** A whole number of at least 1 from the environment, or the default. */
function positive(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value && Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback;
}

/** A number of seconds above 0 from the environment, or the default, in milliseconds. */
function seconds(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return (value && Number.isFinite(n) && n > 0 ? n : fallback) * 1000;
}

/** Read on every use, so a test (or an operator's restart) sees the environment it sets. */
export function importLimits(env: Record<string, string | undefined> = process.env): ImportLimits {
	return {
		concurrent: positive(env.IMPORT_CONCURRENCY, 1),
		perTeacher: positive(env.IMPORT_QUEUE_PER_TEACHER, 2),
		teacherBytes: positive(env.IMPORT_TEACHER_MB, 10) * 1024 * 1024,
		timeoutMs: seconds(env.IMPORT_TIMEOUT, 300)
	};
}

/** Bytes of text in the teacher's stored imports (their lessons' paragraphs). */
export function storedImportBytes(db: Tx, ownerId: string): number {
	const row = connectionOf(db)
		.prepare(
			`select coalesce(sum(length(cast(json_extract(l.body, '$.paragraphs') as blob))), 0) as bytes
			 from lessons l join sources s on s.id = l.source_id where s.owner_id = ?`
		)
		.get(ownerId) as { bytes: number };
	return row.bytes;
}

/** "1.5 MB", "1,5 МБ": one decimal, in the request's language. */
export const megabytes = (bytes: number) =>
	m.t_megabytes({
		value: new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : getLocale(), {
			minimumFractionDigits: 1,
			maximumFractionDigits: 1
		}).format(bytes / (1024 * 1024))
	});
