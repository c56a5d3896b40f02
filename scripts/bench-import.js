// `npm run bench:import`: teachers import large texts (one of 1 MB by default) on the built server
// while a student of each keeps loading the home page. Prints how long the imports took, how long
// the student waited meanwhile (the pipeline runs in a worker thread; only saving its result
// touches the server's own thread), the server's resident memory (at the start and its peak) and
// the size of the student's home page afterwards. Exits 1 if an import fails or makes no lessons.
//   BYTES=2097152 IMPORTS=4 npm run bench:import   four teachers import 2 MB each at once
// Extra environment (IMPORT_CONCURRENCY, IMPORT_TIMEOUT, …) goes to the server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
	benchPort,
	createStudents,
	ensureBuild,
	freshDatabasePath,
	percentile,
	startServer,
	stopServer
} from './bench/server.js';
import { send } from './bench/quiz-driver.js';

const BYTES = Number(process.env.BYTES ?? 1024 * 1024);
const IMPORTS = Number(process.env.IMPORTS ?? 1);
const PORT = await benchPort();

/** The bundled speech and the test texts, repeated with varied numbers up to `bytes`. */
function largeText(bytes, variant) {
	const dir = 'tests/fixtures/texts';
	const base = [readFileSync('content/karaganda-speech.txt', 'utf8')].concat(
		readdirSync(dir)
			.filter((f) => f.endsWith('.txt'))
			.map((f) => readFileSync(join(dir, f), 'utf8'))
	);
	const parts = [];
	let size = 0;
	for (let i = 0; size < bytes; i++) {
		const chunk = base[i % base.length].replace(/\d+/g, (d) =>
			String(Number(d) + ((i + variant) % 7))
		);
		parts.push(chunk);
		size += Buffer.byteLength(chunk) + 2;
	}
	const text = parts.join('\n\n');
	// Each character is at least a byte: cutting the excess in characters lands within `bytes`.
	return text.slice(0, text.length - Math.max(0, Buffer.byteLength(text) - bytes));
}

/** The server's resident memory now and at its peak, in MB (Linux). */
function memoryOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

ensureBuild();
const database = freshDatabasePath();
const server = await startServer({ port: PORT, databasePath: database.path });
const teachers = createStudents(database.path, IMPORTS, 'teacher');
const [student] = createStudents(database.path, 1);
// The student is in a class of every teacher, so the home page lists every import.
{
	const db = new Database(database.path);
	db.pragma('busy_timeout = 5000');
	teachers.forEach((t, i) => {
		const classId = crypto.randomUUID();
		db.prepare('insert into classes (id, teacher_id, name, join_code) values (?, ?, ?, ?)').run(
			classId,
			t.id,
			`Class ${i + 1}`,
			`BENCH${i}${classId.slice(0, 4)}`.toUpperCase()
		);
		db.prepare('insert into class_members (class_id, student_id) values (?, ?)').run(
			classId,
			student.id
		);
	});
	db.close();
}
const startMemory = memoryOf(server.child.pid);

// The student's home page, over and over, one at a time, until the imports are done.
let importing = true;
const waits = [];
const watcher = (async () => {
	while (importing) {
		const r = await send(server.base, 'GET', '/', student.cookie);
		if (r.status !== 200) throw new Error(`student page: ${r.status}`);
		waits.push(r.ms);
		await new Promise((done) => setTimeout(done, 10));
	}
})();

const started = performance.now();
const jobIds = await Promise.all(
	teachers.map(async (teacher, i) => {
		const posted = await send(server.base, 'POST', '/teacher/import?/import', teacher.cookie, {
			fields: { title: `Large text ${i + 1}`, text: largeText(BYTES, i) }
		});
		const jobId = /\/teacher\/import\/([\w-]+)$/.exec(posted.location ?? '')?.[1];
		if (posted.status !== 303 || !jobId) {
			const message = /role="alert"[^>]*>([^<]*)/.exec(posted.text)?.[1] ?? '';
			if (posted.status >= 500) console.error(server.log().slice(-3000));
			throw new Error(`import refused: ${posted.status} ${message}`);
		}
		return jobId;
	})
);

const db = new Database(database.path, { readonly: true });
const job = db.prepare(
	'select status, message, source_id as sourceId from import_jobs where id = ?'
);
const deadline = Date.now() + 20 * 60_000;
let states = jobIds.map((id) => job.get(id));
while (states.some((s) => s?.status === 'running')) {
	if (Date.now() > deadline) throw new Error('the imports did not finish in 20 minutes');
	await new Promise((done) => setTimeout(done, 50));
	states = jobIds.map((id) => job.get(id));
}
if (states.some((s) => !s)) throw new Error('an import job is missing');
const seconds = (performance.now() - started) / 1000;
const endMemory = memoryOf(server.child.pid);
importing = false;
await watcher;
const made = db
	.prepare(
		`select count(distinct l.id) as lessons, count(q.id) as questions
		 from lessons l left join questions q on q.lesson_id = l.id
		 where l.source_id in (select id from sources where owner_id is not null)`
	)
	.get();
db.close();
const home = await send(server.base, 'GET', '/', student.cookie);
await stopServer(server);
database.remove();

waits.sort((a, b) => a - b);
const failed = states.filter((s) => s.status !== 'done');
console.log(
	`${IMPORTS} import${IMPORTS > 1 ? 's' : ''} of ${(BYTES / 1024).toFixed(0)} KB: ` +
		`${states.length - failed.length} done in ${seconds.toFixed(1)} s, ` +
		`${made.lessons} lessons, ${made.questions} questions`
);
console.log(
	`Student page meanwhile (${waits.length} loads): p50 ${percentile(waits, 50).toFixed(1)} ms, ` +
		`p99 ${percentile(waits, 99).toFixed(1)} ms, worst ${waits.at(-1).toFixed(0)} ms`
);
console.log(
	`Server memory: ${startMemory.rss.toFixed(0)} MB at the start, peak ${endMemory.peak.toFixed(0)} MB`
);
console.log(
	`Student's home page afterwards: ${(Buffer.byteLength(home.text) / 1024).toFixed(1)} KB`
);
if (failed.length || made.lessons === 0) {
	for (const s of failed) console.error(`FAIL: an import ended ${s.status}: ${s.message}`);
	if (made.lessons === 0) console.error('FAIL: no lessons were made');
	process.exit(1);
}
