import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { backupDatabase } from './backup';
import { openDatabase, runMigrations } from './connection';
import { users } from './schema';

describe('online backup', () => {
	it('copies a database that another process keeps writing to, without waiting for a pause', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sabaq-backup-'));
		const path = join(dir, 'live.db');
		const { db, sqlite } = openDatabase(path);
		runMigrations(db);
		// About 10 MB: far more than one batch of pages, so a batch-by-batch copy would restart.
		const insert = sqlite.prepare(
			"insert into users (id, username, password_hash, role) values (?, ?, ?, 'student')"
		);
		sqlite.transaction(() => {
			for (let i = 0; i < 5000; i++) insert.run(`u${i}`, `user${i}`, 'x'.repeat(2000));
		})();
		sqlite.close();
		// The "server": another process that writes without a pause (for 20 s at most).
		const writer = spawn(
			process.execPath,
			[
				'-e',
				`const Database = require('better-sqlite3');
				 const db = new Database(process.argv[1]);
				 db.pragma('busy_timeout = 5000');
				 const insert = db.prepare("insert into users (id, username, password_hash, role) values (?, ?, 'x', 'student')");
				 const until = Date.now() + 20000;
				 let n = 0;
				 (function write() {
				   insert.run('w' + n, 'writer' + n);
				   if (n++ === 0) process.stdout.write('writing\\n');
				   if (Date.now() < until) setImmediate(write);
				 })();`,
				path
			],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		try {
			await new Promise((started) => writer.stdout!.once('data', started));
			const copyPath = join(dir, 'copy.db');
			const started = Date.now();
			await backupDatabase(path, copyPath);
			// Done while the writer still writes: the copy did not wait for the writes to stop.
			expect(writer.exitCode).toBeNull();
			expect(Date.now() - started).toBeLessThan(10_000);

			const copy = new Database(copyPath, { readonly: true });
			const count = (copy.prepare('select count(*) as n from users').get() as { n: number }).n;
			const written = (
				copy.prepare("select count(*) as n from users where id like 'w%'").get() as { n: number }
			).n;
			expect(count - written).toBe(5000);
			expect(written).toBeGreaterThan(0);
			expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
			copy.close();
		} finally {
			writer.kill();
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
