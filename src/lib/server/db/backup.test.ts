import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { backupDatabase } from './backup';
import { openDatabase, runMigrations } from './connection';
import { users } from './schema';

describe('online backup', () => {
	it('copies a database that another connection keeps writing to', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sabaq-backup-'));
		try {
			const path = join(dir, 'live.db');
			const { db, sqlite } = openDatabase(path);
			runMigrations(db);
			for (let i = 0; i < 500; i++) {
				db.insert(users)
					.values({ id: `u${i}`, username: `user${i}`, passwordHash: 'x', role: 'student' })
					.run();
			}
			// Keep writing from the "server" connection while the backup runs.
			let written = 500;
			const writer = setInterval(() => {
				db.insert(users)
					.values({
						id: `u${written}`,
						username: `user${written}`,
						passwordHash: 'x',
						role: 'student'
					})
					.run();
				written++;
			}, 1);
			const copyPath = join(dir, 'copy.db');
			await backupDatabase(path, copyPath);
			clearInterval(writer);

			const copy = new Database(copyPath, { readonly: true });
			const count = (copy.prepare('select count(*) as n from users').get() as { n: number }).n;
			expect(count).toBeGreaterThanOrEqual(500);
			expect(count).toBeLessThanOrEqual(written);
			expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
			copy.close();
			sqlite.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('the db:backup script copies DATABASE_URL and refuses a missing database', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sabaq-backup-'));
		try {
			const path = join(dir, 'live.db');
			const { db, sqlite } = openDatabase(path);
			runMigrations(db);
			db.insert(users)
				.values({ id: 'a', username: 'aigerim', passwordHash: 'x', role: 'student' })
				.run();
			const ok = spawnSync('npx', ['tsx', 'scripts/backup.ts', join(dir, 'out.db')], {
				env: { ...process.env, DATABASE_URL: path },
				encoding: 'utf8'
			});
			sqlite.close();
			expect(ok.status).toBe(0);
			expect(ok.stdout).toContain('integrity ok');
			const copy = new Database(join(dir, 'out.db'), { readonly: true });
			expect(copy.prepare('select username from users').get()).toEqual({ username: 'aigerim' });
			copy.close();

			const missing = spawnSync('npx', ['tsx', 'scripts/backup.ts', join(dir, 'x.db')], {
				env: { ...process.env, DATABASE_URL: join(dir, 'nope.db') },
				encoding: 'utf8'
			});
			expect(missing.status).toBe(1);
			expect(missing.stderr).toContain('db:backup:');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
