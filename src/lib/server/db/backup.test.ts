import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { backupDatabase, defaultBackupPath } from './backup';
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
		// The "server": another process that writes without a pause until the test ends it. It
		// prints how many rows it has written whenever it is asked (a line on its input).
		const writer = spawn(
			process.execPath,
			[
				'-e',
				`const Database = require('better-sqlite3');
				 const db = new Database(process.argv[1]);
				 db.pragma('busy_timeout = 5000');
				 const insert = db.prepare("insert into users (id, username, password_hash, role) values (?, ?, 'x', 'student')");
				 let n = 0;
				 process.stdin.on('data', () => process.stdout.write(n + '\\n'));
				 process.stdin.on('end', () => process.exit(0));
				 (function write() {
				   insert.run('w' + n, 'writer' + n);
				   if (n++ === 0) process.stdout.write('writing\\n');
				   setImmediate(write);
				 })();`,
				path
			],
			{ stdio: ['pipe', 'pipe', 'inherit'] }
		);
		const lines = createInterface({ input: writer.stdout! });
		const nextLine = () => new Promise<string>((line) => lines.once('line', line));
		const written = async () => {
			const answer = nextLine();
			writer.stdin!.write('?\n');
			return Number(await answer);
		};
		try {
			expect(await nextLine()).toBe('writing');
			const copyPath = join(dir, 'copy.db');
			// The writer never pauses: a copy that waited for a pause would never end (the test's
			// time-out fails it), so no deadline of our own is needed.
			await backupDatabase(path, copyPath);
			// The writer still writes after the copy is done.
			const atEnd = await written();
			await expect.poll(written).toBeGreaterThan(atEnd);

			const copy = new Database(copyPath, { readonly: true });
			const count = (copy.prepare('select count(*) as n from users').get() as { n: number }).n;
			const copiedWrites = (
				copy.prepare("select count(*) as n from users where id like 'w%'").get() as { n: number }
			).n;
			expect(count - copiedWrites).toBe(5000);
			expect(copiedWrites).toBeGreaterThan(0);
			expect(copiedWrites).toBeLessThanOrEqual(atEnd);
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

	it('names a backup by the time it is made, to the second', () => {
		expect(defaultBackupPath(new Date('2026-03-07T09:05:04.999Z'))).toBe(
			'data/backups/sabaq-20260307-090504.db'
		);
		expect(defaultBackupPath(new Date('2026-12-31T23:59:59Z'))).toBe(
			'data/backups/sabaq-20261231-235959.db'
		);
	});
});
