// `npm run bench:load`: the built server on loopback with a fresh database.
//  1. K students take full quizzes at once (bounded by time and count); prints answer
//     submissions/s, p50/p99 latency and errors, then checks that every acknowledged answer is
//     in the database exactly once (exit 1 otherwise).
//  2. An anonymous lesson page against a static file from the same server (autocannon).
import autocannon from 'autocannon';
import {
	checkAcknowledged,
	createStudents,
	ensureBuild,
	freshDatabasePath,
	percentile,
	quizLessonSlugs,
	startServer,
	stopServer
} from './bench/server.js';
import { answerFields, openKeys, postAction, startQuiz } from './bench/quiz-driver.js';

const STUDENTS = Number(process.env.STUDENTS ?? 50);
const DURATION_MS = Number(process.env.DURATION_MS ?? 10_000);
const MAX_ATTEMPTS_PER_STUDENT = Number(process.env.MAX_ATTEMPTS ?? 200);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const PORT = Number(process.env.PORT ?? 4400);

ensureBuild();
const database = freshDatabasePath();
const server = await startServer({ port: PORT, databasePath: database.path });
const students = createStudents(database.path, STUDENTS);
const slugs = quizLessonSlugs(database.path);
const keys = openKeys(database.path);

console.log(`Quiz load: ${STUDENTS} students, ${DURATION_MS / 1000} s, loopback ${server.base}`);
const acknowledged = [];
const answerLatencies = [];
let requests = 0;
let errors = 0;
const deadline = Date.now() + DURATION_MS;
const started = performance.now();

async function student(s, n) {
	for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_STUDENT && Date.now() < deadline; attempt++) {
		let attemptId;
		try {
			attemptId = await startQuiz(server.base, slugs[(n + attempt) % slugs.length], s.cookie);
			requests++;
		} catch {
			errors++;
			continue;
		}
		const questions = keys.questions(attemptId);
		for (let position = 0; position < questions.length; position++) {
			const fields = {
				position: String(position),
				...answerFields(questions[position], (n + position) % 3 !== 0)
			};
			try {
				const r = await postAction(server.base, `/attempts/${attemptId}?/answer`, s.cookie, fields);
				requests++;
				answerLatencies.push(r.ms);
				if (r.status === 200 && r.body?.type === 'success')
					acknowledged.push([attemptId, position]);
				else errors++;
			} catch {
				errors++;
			}
		}
	}
}
await Promise.all(students.map((s, n) => student(s, n)));
const seconds = (performance.now() - started) / 1000;
keys.close();

answerLatencies.sort((a, b) => a - b);
console.log(`  requests:            ${requests} (${(requests / seconds).toFixed(0)}/s)`);
console.log(
	`  graded answers:      ${acknowledged.length} acknowledged, ${(acknowledged.length / seconds).toFixed(0)}/s`
);
console.log(
	`  answer latency:      p50 ${percentile(answerLatencies, 50).toFixed(1)} ms, p99 ${percentile(answerLatencies, 99).toFixed(1)} ms`
);
console.log(`  errors:              ${errors}`);

// Every acknowledged answer is stored, once.
await stopServer(server);
const { missing, duplicated, stored } = checkAcknowledged(database.path, acknowledged);
console.log(
	`  check:               ${stored} answers stored, ${missing} acknowledged missing, ${duplicated} duplicated`
);

// Anonymous lesson page against a static file, same server, fresh start.
const pageServer = await startServer({ port: PORT + 1, databasePath: database.path });
async function measure(path) {
	const result = await autocannon({
		url: pageServer.base + path,
		connections: CONNECTIONS,
		duration: Number(process.env.PAGE_SECONDS ?? 5)
	});
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.non2xx
	};
}
await measure(`/lessons/${slugs[0]}`); // warm-up
const lesson = await measure(`/lessons/${slugs[0]}`);
const file = await measure('/favicon.svg');
await stopServer(pageServer);
database.remove();

const row = (name, r) =>
	`  ${name.padEnd(20)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`;
console.log(`\nAnonymous page vs static file (${CONNECTIONS} connections):`);
console.log(row('lesson page', lesson));
console.log(row('static file', file));
console.log(`  ratio                ${(lesson.rps / file.rps).toFixed(2)}x`);

if (missing || duplicated) {
	console.error('FAIL: acknowledged answers were lost or duplicated');
	process.exit(1);
}
