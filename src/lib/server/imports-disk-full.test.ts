import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { createReadOnlyDatabase, createTestDatabase, fillDatabase } from './db/test-db';
import { importJobs, sources } from './db/schema';
import { createImportJob, getImportJob, runImport, startImport } from './imports';
import { addUser } from './teacher-test-helpers';

const text = () => readFileSync('tests/fixtures/texts/river-flood-report.txt', 'utf8');

// An import that cannot be saved must end as a failed job, never as a rejection that ends Node.
const rejections: unknown[] = [];
const record = (reason: unknown) => rejections.push(reason);
beforeEach(() => {
	rejections.length = 0;
	process.on('unhandledRejection', record);
});
afterEach(() => {
	process.off('unhandledRejection', record);
});

describe('an import on a database that cannot be written', () => {
	it('fails with a clear message on a full disk and keeps the process up', async () => {
		const { db, sqlite } = createTestDatabase();
		const owner = addUser(db, 'teacher');
		const jobId = createImportJob(db, owner.id);
		fillDatabase(sqlite);

		await expect(
			runImport(db, jobId, { ownerId: owner.id, text: text(), title: 'Floods' })
		).resolves.toBeUndefined();

		const job = getImportJob(db, jobId, owner.id)!;
		expect(job).toMatchObject({ status: 'failed', lessons: [] });
		expect(job.message).toBe(
			'The lessons could not be saved. The server cannot save right now because its disk is ' +
				'full. Nothing already saved is lost. Please try again later.'
		);
		// The failure is stored, and nothing the import half wrote is left.
		expect(db.select().from(importJobs).where(eq(importJobs.id, jobId)).get()).toMatchObject({
			status: 'failed',
			sourceId: null
		});
		expect(db.select().from(sources).where(eq(sources.ownerId, owner.id)).all()).toEqual([]);
		expect(rejections).toEqual([]);
	});

	it('still says why when not even its failure can be written (a read-only file)', async () => {
		let ownerId = '';
		let jobId = '';
		const readOnly = createReadOnlyDatabase((db) => {
			ownerId = addUser(db, 'teacher').id;
			jobId = createImportJob(db, ownerId);
		});
		try {
			await runImport(readOnly.db, jobId, { ownerId, text: text(), title: '' });
			const job = getImportJob(readOnly.db, jobId, ownerId)!;
			expect(job.status).toBe('failed');
			expect(job.message).toMatch(/cannot save right now because its database file is read-only/);
			expect(rejections).toEqual([]);
		} finally {
			readOnly.remove();
		}
	});

	it('is refused with the reason when its job cannot be stored, and nothing starts', () => {
		const readOnly = createReadOnlyDatabase();
		try {
			const jobId = crypto.randomUUID();
			const started = startImport(readOnly.db, jobId, { ownerId: 'x', text: text(), title: '' });
			expect(started).toEqual({
				ok: false,
				message: expect.stringMatching(
					/^The server cannot save right now because its database file is read-only\./
				)
			});
			expect(getImportJob(readOnly.db, jobId, 'x')).toBeUndefined();
		} finally {
			readOnly.remove();
		}
	});
});
