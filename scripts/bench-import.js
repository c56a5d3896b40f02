// `npm run bench:import`: a teacher imports a large text (1 MB by default) on the built server
// while a student keeps loading pages. Prints how long the import took and how long the student
// waited meanwhile (the import runs in a worker thread; only saving its result touches the
// server's own thread). Exits 1 if the import fails or makes no lessons.
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
const PORT = await benchPort();

/** The bundled speech and the test texts, repeated with varied numbers up to `bytes`. */
function largeText(bytes) {
	const dir = 'tests/fixtures/texts';
	const base = [readFileSync('content/karaganda-speech.txt', 'utf8')].concat(
		readdirSync(dir)
			.filter((f) => f.endsWith('.txt'))
			.map((f) => readFileSync(join(dir, f), 'utf8'))
	);
	const parts = [];
	let size = 0;
	for (let i = 0; size < bytes; i++) {
		const chunk = base[i % base.length].replace(/\d+/g, (d) => String(Number(d) + (i % 7)));
		parts.push(chunk);
		size += Buffer.byteLength(chunk) + 2;
	}
	return parts.join('\n\n').slice(0, bytes);
}

ensureBuild();
const database = freshDatabasePath();
const server = await startServer({ port: PORT, databasePath: database.path });
const [teacher] = createStudents(database.path, 1, 'teacher');
const [student] = createStudents(database.path, 1);
const text = largeText(BYTES);

// The student's home page, over and over, one at a time, until the import is done.
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
const posted = await send(server.base, 'POST', '/teacher/import?/import', teacher.cookie, {
	fields: { title: 'Large text', text }
});
const jobId = /\/teacher\/import\/([\w-]+)$/.exec(posted.location ?? '')?.[1];
if (posted.status !== 303 || !jobId) throw new Error(`import refused: ${posted.status}`);

const db = new Database(database.path, { readonly: true });
const job = db.prepare(
	'select status, message, source_id as sourceId from import_jobs where id = ?'
);
let state = job.get(jobId);
const deadline = Date.now() + 10 * 60_000;
while (state?.status === 'running') {
	if (Date.now() > deadline) throw new Error('the import did not finish in 10 minutes');
	await new Promise((done) => setTimeout(done, 50));
	state = job.get(jobId);
}
if (!state) throw new Error(`no import job ${jobId}`);
const seconds = (performance.now() - started) / 1000;
importing = false;
await watcher;
const made = db
	.prepare(
		`select count(distinct l.id) as lessons, count(q.id) as questions
		 from lessons l left join questions q on q.lesson_id = l.id where l.source_id = ?`
	)
	.get(state.sourceId ?? -1);
db.close();
await stopServer(server);
database.remove();

waits.sort((a, b) => a - b);
console.log(
	`Import of ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB: ${state.status} in ${seconds.toFixed(1)} s, ` +
		`${made.lessons} lessons, ${made.questions} questions`
);
console.log(
	`Student page meanwhile (${waits.length} loads): p50 ${percentile(waits, 50).toFixed(1)} ms, ` +
		`p99 ${percentile(waits, 99).toFixed(1)} ms, worst ${waits.at(-1).toFixed(0)} ms`
);
if (state.status !== 'done' || made.lessons === 0) {
	console.error(`FAIL: the import ended ${state.status}: ${state.message}`);
	process.exit(1);
}
