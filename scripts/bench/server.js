// Shared by the benchmarks: a built server on loopback with a fresh database, and test users.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export function ensureBuild() {
	if (existsSync('build/handler.js') && !process.env.REBUILD) return;
	console.log('Building…');
	const r = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

/** PORT (plus `offset`) when set, else a port nobody listens on now: runs never collide. */
export async function benchPort(offset = 0) {
	if (process.env.PORT) return Number(process.env.PORT) + offset;
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

export function freshDatabasePath() {
	const dir = mkdtempSync(join(tmpdir(), 'sabaq-bench-'));
	return {
		dir,
		path: join(dir, 'sabaq.db'),
		remove: () => rmSync(dir, { recursive: true, force: true })
	};
}

/** Starts `node scripts/serve.js` on 127.0.0.1 and resolves once it answers. */
export async function startServer({ port, databasePath, env = {}, nodeArgs = [] }) {
	const started = performance.now();
	// SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under the load.
	nodeArgs = [...(process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...nodeArgs];
	const child = spawn('node', [...nodeArgs, 'scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_URL: databasePath,
			// Benchmarks make their teachers in the database; a known setup code keeps the server from
			// printing a new one (see README: the first administrator).
			SETUP_CODE: process.env.SETUP_CODE ?? 'BENCH-SETUP-CODE',
			// Benchmark students start quizzes far faster than a person (see README: practice quizzes).
			PRACTICE_START_LIMIT: '0',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Never leave a server behind, even when a benchmark fails half-way.
	process.on('exit', () => child.kill('SIGKILL'));
	let log = '';
	child.stdout.on('data', (d) => (log += d));
	child.stderr.on('data', (d) => (log += d));
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
		try {
			const res = await fetch(base + '/');
			if (res.status === 200) {
				await res.arrayBuffer();
				return { child, base, coldStartMs: performance.now() - started, log: () => log };
			}
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 20));
	}
	child.kill('SIGKILL');
	throw new Error(`server did not start: ${log}`);
}

export async function stopServer(server, signal = 'SIGTERM') {
	if (server.child.exitCode !== null) return;
	const exited = new Promise((r) => server.child.once('exit', r));
	server.child.kill(signal);
	await exited;
}

/** Students (or teachers) with sessions created directly in the database. */
export function createStudents(databasePath, count, role = 'student') {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	const insertUser = db.prepare(
		"insert into users (id, username, display_name, password_hash, role) values (?, ?, '', 'x', ?)"
	);
	const insertSession = db.prepare(
		'insert into sessions (id, user_id, expires_at) values (?, ?, ?)'
	);
	const students = [];
	db.transaction(() => {
		for (let i = 0; i < count; i++) {
			const id = randomUUID();
			const token = randomBytes(20).toString('hex');
			insertUser.run(id, `bench-${i}-${id.slice(0, 6)}`, role);
			insertSession.run(
				createHash('sha256').update(token).digest('hex'),
				id,
				Date.now() + 86_400_000
			);
			students.push({ id, cookie: `sabaq_session=${token}` });
		}
	})();
	db.close();
	return students;
}

export function percentile(sorted, p) {
	if (!sorted.length) return 0;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Lessons whose banks hold at least three enabled questions: the ones the load drivers use. The
 * bundled text's largest bank holds 7 (the generator keeps fewer, better questions), so a quiz of
 * 10 asks each lesson's whole bank; with fewer than 3 a quiz is too short to stand for a real one.
 */
export const QUIZ_LESSON_MIN_QUESTIONS = 3;

export function quizLessonSlugs(databasePath) {
	const db = new Database(databasePath, { readonly: true });
	const slugs = db
		.prepare(
			`select slug from lessons l where l.active = 1 and
			 (select count(*) from questions q where q.lesson_id = l.id and q.enabled = 1) >= ?`
		)
		.all(QUIZ_LESSON_MIN_QUESTIONS)
		.map((r) => r.slug);
	db.close();
	return slugs;
}

/** How many acknowledged answers ([attemptId, position]) are missing or stored more than once. */
export function checkAcknowledged(databasePath, acknowledged) {
	const db = new Database(databasePath, { readonly: true });
	const countOf = db.prepare(
		'select count(*) as n from answers where attempt_id = ? and position = ?'
	);
	let missing = 0;
	let duplicated = 0;
	for (const [attemptId, position] of acknowledged) {
		const n = countOf.get(attemptId, position).n;
		if (n === 0) missing++;
		if (n > 1) duplicated++;
	}
	const stored = db.prepare('select count(*) as n from answers').get().n;
	db.close();
	return { missing, duplicated, stored };
}
