import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { createTestDatabase } from './db/test-db';
import { importJobs, sources } from './db/schema';
import { getImportJob, startImport } from './imports';
import {
	enqueueImport,
	importRefusal,
	importsAhead,
	waitingMessage,
	type QueuedImport
} from './import-queue';
import { addLesson, addUser } from './teacher-test-helpers';

// A text whose processing never ends until its time is up, as a stuck worker would: the real
// pipeline for every other text.
vi.mock('./pipeline/run', async (original) => {
	const actual = await original<typeof import('./pipeline/run')>();
	return {
		...actual,
		processText: (text: string, report: () => void, signal?: AbortSignal) =>
			text.startsWith('STUCK')
				? new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)))
				: actual.processText(text, report, signal)
	};
});

const LIMITS = [
	'IMPORT_CONCURRENCY',
	'IMPORT_QUEUE_PER_TEACHER',
	'IMPORT_TEACHER_MB',
	'IMPORT_TIMEOUT'
];
const saved = new Map(LIMITS.map((name) => [name, process.env[name]]));
beforeEach(() => LIMITS.forEach((name) => delete process.env[name]));
afterEach(() => {
	for (const [name, value] of saved) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
});

/** A queued import that runs until the test lets it finish (at once if let before it starts). */
function heldImport(ownerId = crypto.randomUUID(), bytes = 10) {
	let released = false;
	let release = () => {};
	let ended = () => {};
	const finished = new Promise<void>((resolve) => (ended = resolve));
	const started = vi.fn();
	const entry: QueuedImport = {
		jobId: crypto.randomUUID(),
		ownerId,
		bytes,
		run: async () => {
			started();
			if (!released) await new Promise<void>((resolve) => (release = resolve));
			ended();
		}
	};
	const finish = () => {
		released = true;
		release();
	};
	return { entry, started, finish, finished };
}

/** Lets every held import finish and waits until the queue has let them go. */
async function finishAll(imports: ReturnType<typeof heldImport>[]) {
	for (const i of imports) i.finish();
	await Promise.all(imports.map((i) => i.finished));
	await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the import queue', () => {
	it('runs at most IMPORT_CONCURRENCY imports at once; the others wait and know their place', async () => {
		process.env.IMPORT_CONCURRENCY = '2';
		const imports = [heldImport(), heldImport(), heldImport(), heldImport()];
		for (const i of imports) enqueueImport(i.entry);
		await vi.waitFor(() => expect(imports[1].started).toHaveBeenCalled());
		expect(imports.map((i) => i.started.mock.calls.length)).toEqual([1, 1, 0, 0]);
		expect(imports.map((i) => importsAhead(i.entry.jobId))).toEqual([null, null, 2, 3]);
		expect(waitingMessage(2)).toBe('Waiting: 2 imports ahead. It starts by itself.');
		expect(waitingMessage(1)).toBe('Waiting: 1 import ahead. It starts by itself.');

		imports[0].finish();
		await vi.waitFor(() => expect(imports[2].started).toHaveBeenCalled());
		expect(imports[3].started).not.toHaveBeenCalled();
		expect(importsAhead(imports[3].entry.jobId)).toBe(2);
		await finishAll(imports);
		expect(imports[3].started).toHaveBeenCalled();
	});

	it('refuses a teacher more imports on their way than her quota, and more text than her share', async () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const other = addUser(db, 'teacher');
		const held = [heldImport(teacher.id, 100), heldImport(teacher.id, 100)];
		for (const i of held) enqueueImport(i.entry);
		try {
			expect(importRefusal(db, teacher.id, 100)).toBe(
				'You already have 2 imports waiting or running, the most at once. ' +
					'Wait until one has finished, then import this text.'
			);
			expect(importRefusal(db, other.id, 100)).toBeNull();

			// Her share counts her stored texts (a lesson of 'One. Two.') and those on their way.
			process.env.IMPORT_QUEUE_PER_TEACHER = '5';
			process.env.IMPORT_TEACHER_MB = '1';
			addLesson(db, `share-${crypto.randomUUID().slice(0, 8)}`, teacher.id);
			const used = 200 + '["One. Two."]'.length;
			expect(importRefusal(db, teacher.id, 1024 * 1024 - used)).toBeNull();
			expect(importRefusal(db, teacher.id, 1024 * 1024 - used + 1)).toBe(
				'Your imported texts hold 0.0 MB and this one 1.0 MB; each teacher may import 1.0 MB ' +
					'in all. Delete an import you no longer need, then import again.'
			);
			expect(importRefusal(db, other.id, 1024 * 1024 - 10)).toBeNull();
		} finally {
			await finishAll(held);
		}
	});

	it('stops an import at its time limit: the job fails with the reason, nothing is saved, the next one runs', async () => {
		process.env.IMPORT_CONCURRENCY = '1';
		process.env.IMPORT_TIMEOUT = '0.3';
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const stuck = crypto.randomUUID();
		const next = crypto.randomUUID();
		const text = readFileSync('tests/fixtures/texts/river-flood-report.txt', 'utf8');
		expect(
			startImport(db, stuck, { ownerId: teacher.id, text: `STUCK ${text}`, title: '' })
		).toEqual({ ok: true });
		// The limit is read when an import starts: the next one has time enough to finish.
		process.env.IMPORT_TIMEOUT = '60';
		expect(startImport(db, next, { ownerId: teacher.id, text, title: 'Floods' })).toEqual({
			ok: true
		});
		expect(importsAhead(next)).toBe(1);

		await vi.waitFor(() => expect(getImportJob(db, stuck, teacher.id)?.status).toBe('failed'), {
			timeout: 5000
		});
		expect(getImportJob(db, stuck, teacher.id)?.message).toBe(
			'The import took longer than 0.3 s and was stopped; nothing of it was saved. ' +
				'Import a shorter text, or split it into parts.'
		);
		expect(db.select().from(importJobs).where(eq(importJobs.id, stuck)).get()?.sourceId).toBeNull();

		// The process carries on: the import that waited runs and finishes.
		await vi.waitFor(() => expect(getImportJob(db, next, teacher.id)?.status).toBe('done'), {
			timeout: 15000
		});
		const stored = db.select().from(sources).where(eq(sources.ownerId, teacher.id)).all();
		expect(stored.map((s) => s.title)).toEqual(['Floods']);
	});
});
