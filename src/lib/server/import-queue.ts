/**
 * Imports take their turn: at most `concurrent` run at once (importLimits), the others wait in
 * the order they came. Each run gets a time limit: when it passes, the run's signal aborts with
 * ImportTimeLimit, which ends the worker thread and fails the job (see runImport). The queue lives
 * in this process, as the jobs do: one cut short by a restart is reported as interrupted.
 */
import { m } from '$lib/paraglide/messages';
import { plural } from '$lib/format';
import type { Tx } from './db/connection';
import { importLimits, megabytes, storedImportBytes } from './import-limits';

export interface QueuedImport {
	jobId: string;
	ownerId: string;
	/** Bytes of text, counted against the teacher's quota while the import waits or runs. */
	bytes: number;
	/** The work. The signal aborts when the time limit passes; a failure is the run's to report. */
	run: (signal: AbortSignal) => Promise<void>;
}

/** Why an import was stopped: its message is what the teacher reads. */
export class ImportTimeLimit extends Error {
	constructor(ms: number) {
		super(
			`The import took longer than ${Number((ms / 1000).toFixed(1))} s and was stopped; nothing ` +
				'of it was saved. Import a shorter text, or split it into parts.'
		);
		this.name = 'ImportTimeLimit';
	}
}

const waiting: QueuedImport[] = [];
const active = new Map<string, QueuedImport>();

export function enqueueImport(entry: QueuedImport): void {
	waiting.push(entry);
	startWaiting();
}

function startWaiting() {
	const { concurrent, timeoutMs } = importLimits();
	while (active.size < concurrent && waiting.length) {
		const next = waiting.shift()!;
		active.set(next.jobId, next);
		void runWithTimeLimit(next, timeoutMs);
	}
}

async function runWithTimeLimit(entry: QueuedImport, timeoutMs: number) {
	// The work starts after the response that queued it has gone out.
	await new Promise((resolve) => setTimeout(resolve, 0));
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new ImportTimeLimit(timeoutMs)), timeoutMs);
	try {
		await entry.run(controller.signal);
	} catch (error) {
		console.error(`Import ${entry.jobId} failed`, error);
	} finally {
		clearTimeout(timer);
		active.delete(entry.jobId);
		startWaiting();
	}
}

/** How many imports will run before this waiting one (those running and those ahead of it). */
export function importsAhead(jobId: string): number | null {
	const index = waiting.findIndex((e) => e.jobId === jobId);
	return index < 0 ? null : active.size + index;
}

export function waitingMessage(ahead: number): string {
	return `Waiting: ${ahead} ${plural(ahead, 'import')} ahead. It starts by itself.`;
}

/** The teacher's imports waiting or running. */
function pendingOf(ownerId: string): QueuedImport[] {
	return [...active.values(), ...waiting].filter((e) => e.ownerId === ownerId);
}

/**
 * Why the teacher may not import `bytes` more of text now, or null when she may: too many imports
 * of hers on their way, or more text in all than her share. Checked with no await before the
 * import is queued, so two forms sent at once cannot both slip under a limit.
 */
export function importRefusal(db: Tx, ownerId: string, bytes: number): string | null {
	const limits = importLimits();
	const pending = pendingOf(ownerId);
	if (pending.length >= limits.perTeacher) {
		return m.t_too_many_running({ count: pending.length });
	}
	const held = storedImportBytes(db, ownerId) + pending.reduce((sum, e) => sum + e.bytes, 0);
	if (held + bytes > limits.teacherBytes) {
		return m.t_share_full({
			held: megabytes(held),
			bytes: megabytes(bytes),
			limit: megabytes(limits.teacherBytes)
		});
	}
	return null;
}

/** What the import form tells the teacher about her share. */
export function importShare(db: Tx, ownerId: string) {
	const limits = importLimits();
	return {
		used: megabytes(storedImportBytes(db, ownerId)),
		limit: megabytes(limits.teacherBytes),
		atOnce: limits.perTeacher
	};
}
