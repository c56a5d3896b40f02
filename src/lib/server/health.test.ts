import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runMigrations } from './db/connection';
import { createReadOnlyDatabase, createTestDatabase, fillDatabase } from './db/test-db';
import { checkDatabase, MIN_FREE_BYTES } from './health';

describe('health', () => {
	it('is ok while the database can be read and written, and not once it is closed', () => {
		const { db, sqlite } = createTestDatabase();
		expect(checkDatabase(db)).toEqual({ ok: true });
		sqlite.close();
		expect(checkDatabase(db)).toEqual({ ok: false, reason: 'the database does not answer' });
	});

	it('reports a full database with the reason', () => {
		const { db, sqlite } = createTestDatabase();
		fillDatabase(sqlite);
		expect(checkDatabase(db)).toMatchObject({
			ok: false,
			code: 'SQLITE_FULL',
			reason: expect.stringMatching(/^the database cannot be written because .*size limit/)
		});
	});

	it('reports a read-only database file with the reason', () => {
		const readOnly = createReadOnlyDatabase();
		try {
			expect(checkDatabase(readOnly.db)).toEqual({
				ok: false,
				code: 'SQLITE_READONLY',
				reason: 'the database cannot be written because its database file is read-only'
			});
		} finally {
			readOnly.remove();
		}
	});

	it('reports a disk with no room left for the database file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sabaq-health-'));
		const { db, sqlite } = openDatabase(join(dir, 'sabaq.db'));
		try {
			runMigrations(db);
			const asked: string[] = [];
			const free = (bytes: number) => (path: string) => (asked.push(path), bytes);
			expect(checkDatabase(db, free(MIN_FREE_BYTES))).toEqual({ ok: true });
			expect(checkDatabase(db, free(2048))).toEqual({
				ok: false,
				code: 'SQLITE_FULL',
				reason: 'the database cannot be written because its disk is full (2 kB free)'
			});
			expect(asked).toEqual([dir, dir]);
			// The real file system here has room.
			expect(checkDatabase(db)).toEqual({ ok: true });
		} finally {
			sqlite.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('leaves the connection as it found it, even inside a transaction', () => {
		const { db, sqlite } = createTestDatabase();
		expect(checkDatabase(db)).toEqual({ ok: true });
		expect(sqlite.inTransaction).toBe(false);
		sqlite.exec('begin');
		sqlite.exec(
			"insert into users (id, username, password_hash, role) values ('u', 'u', 'x', 'student')"
		);
		expect(checkDatabase(db)).toEqual({ ok: true });
		expect(sqlite.inTransaction).toBe(true);
		sqlite.exec('commit');
		expect(sqlite.prepare('select count(*) as n from users').get()).toEqual({ n: 1 });
	});
});
