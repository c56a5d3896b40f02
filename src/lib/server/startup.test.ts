import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from './db/connection';
import { createReadOnlyDatabase, createTestDatabase, fillDatabase } from './db/test-db';
import { importJobs, sources } from './db/schema';
import { BUNDLED_SOURCE } from './seed';
import { startUp } from './startup';
import { addUser } from './teacher-test-helpers';

const logger = () => ({ warn: vi.fn() });

describe('start-up', () => {
	it('on a writable database: seeds, clears interrupted imports and says nothing', () => {
		const { db } = createTestDatabase();
		const owner = addUser(db, 'teacher');
		db.insert(importJobs).values({ id: 'cut', ownerId: owner.id, status: 'running' }).run();
		const log = logger();
		expect(startUp(db, log)).toBeNull();
		expect(log.warn).not.toHaveBeenCalled();
		expect(db.select().from(sources).where(eq(sources.key, BUNDLED_SOURCE.key)).get()).toBeTruthy();
		expect(db.select().from(importJobs).get()).toMatchObject({ status: 'failed' });
	});

	it('on a full disk: starts read-only and says so in one line', () => {
		// A new database whose bundled lessons cannot be stored.
		const { db, sqlite } = createTestDatabase();
		fillDatabase(sqlite);
		const log = logger();
		const reason = startUp(db, log);
		expect(reason).toBe('the database cannot be written because its disk is full (SQLITE_FULL)');
		expect(log.warn).toHaveBeenCalledTimes(1);
		expect(log.warn.mock.calls[0][0]).toMatch(
			/^Sabaq is running read-only: the database cannot be written because its disk is full \(SQLITE_FULL\)\. .*503.*the bundled lessons were not updated/
		);
		expect(db.select().from(sources).all()).toEqual([]);
	});

	it('on a read-only file: starts read-only, leaves interrupted imports, pages still read', () => {
		let seeded = '';
		const readOnly = createReadOnlyDatabase((db) => {
			startUp(db, logger());
			const owner = addUser(db, 'teacher');
			db.insert(importJobs).values({ id: 'cut', ownerId: owner.id, status: 'running' }).run();
			seeded = db.select().from(sources).get()!.title;
		});
		try {
			const log = logger();
			expect(startUp(readOnly.db, log)).toMatch(/its database file is read-only/);
			expect(log.warn).toHaveBeenCalledTimes(1);
			expect(log.warn.mock.calls[0][0]).toMatch(/interrupted imports were not cleared/);
			expect(readOnly.db.select().from(sources).get()!.title).toBe(seeded);
		} finally {
			readOnly.remove();
		}
	});

	it('on a read-only file with nothing to write: still notices and says so', () => {
		const readOnly = createReadOnlyDatabase((db) => startUp(db, logger()));
		try {
			const log = logger();
			expect(startUp(readOnly.db, log)).toBe(
				'the database cannot be written because its database file is read-only (SQLITE_READONLY)'
			);
			expect(log.warn).toHaveBeenCalledTimes(1);
		} finally {
			readOnly.remove();
		}
	});

	it('refuses, with what to do, a database that needs migrating and cannot be written', () => {
		const { db, sqlite } = openDatabase(':memory:');
		fillDatabase(sqlite);
		expect(() => startUp(db, logger())).toThrow(
			/^The database needs migrating but cannot be written because its disk is full \(SQLITE_FULL\)\. Free some disk space/
		);
	});
});
