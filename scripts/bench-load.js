// `npm run bench:load`: the built server on loopback with a fresh database.
//  1. K students take full quizzes as the browser does, as fast as they can (bounded by time):
//     answer submissions/s, p50/p99 latency, errors and the server's CPU time per answer.
//  2. The same students at fixed offered rates (RATES answers/s): latency measured from the
//     moment each answer was due, so a server that falls behind cannot hide it.
//  3. The answer as SvelteKit's JSON action (no page rendered): the cost of grading and storing.
//  Then every acknowledged answer is checked to be in the database exactly once (exit 1 if not),
//  and an anonymous lesson page is measured against a static file from the same server, with
//  /healthz (a read and a rolled-back write probe, ~20 µs, through the framework) for its floor.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import {
	benchPort,
	checkAcknowledged,
	createStudents,
	ensureBuild,
	freshDatabasePath,
	percentile,
	quizLessonSlugs,
	startServer,
	stopServer
} from './bench/server.js';
import { answer, answerFields, openKeys, startQuiz } from './bench/quiz-driver.js';

const STUDENTS = Number(process.env.STUDENTS ?? 50);
const DURATION_MS = Number(process.env.DURATION_MS ?? 10_000);
const RATES = (process.env.RATES ?? '250,500,1000').split(',').map(Number);
const RATE_MS = Number(process.env.RATE_MS ?? 5_000);
// Bounded in count as well as time: no student takes more quizzes than this in one phase.
const MAX_QUIZZES = Number(process.env.MAX_QUIZZES ?? 200);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const PORT = await benchPort();

ensureBuild();
const database = freshDatabasePath();
const server = await startServer({ port: PORT, databasePath: database.path });
const students = createStudents(database.path, STUDENTS);
const slugs = quizLessonSlugs(database.path);
const keys = openKeys(database.path);
const acknowledged = [];
// Requests that failed or were refused, over every phase: a benchmark of errors proves nothing.
let failedRequests = 0;

/** CPU time (user + system, ms) the server process has used so far (Linux /proc, 100 Hz). */
function serverCpuMs() {
	const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

const sleepUntil = (t) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));

/**
 * Every student takes quizzes until the deadline. With `rate`, answers are due at fixed times
 * (rate answers/s across all students) and latency counts from when each was due.
 */
async function run({ ms, json = false, rate = 0 }) {
	const latencies = [];
	let answers = 0;
	let requests = 0;
	let starts = 0;
	let errors = 0;
	// At a fixed rate every student has a quiz open before the clock starts: fifty quizzes
	// started in the same instant would make the first answers late by the burst, not the load.
	const opened = rate
		? await Promise.all(
				students.map((s, n) => startQuiz(server.base, slugs[n % slugs.length], s.cookie))
			)
		: [];
	const started = performance.now();
	const deadline = started + ms;
	const cpuBefore = serverCpuMs();
	const interval = rate ? (STUDENTS / rate) * 1000 : 0;

	async function student(s, n) {
		let due = started + (n / STUDENTS) * interval;
		for (let round = 0; round < MAX_QUIZZES && performance.now() < deadline; round++) {
			let attemptId = round === 0 ? opened[n] : undefined;
			try {
				if (!attemptId) {
					attemptId = await startQuiz(server.base, slugs[(n + round) % slugs.length], s.cookie);
					starts++;
				}
				requests += 2;
			} catch {
				errors++;
				continue;
			}
			const questions = keys.questions(attemptId);
			for (let position = 0; position < questions.length; position++) {
				if (rate) await sleepUntil(due);
				if (performance.now() >= deadline) return;
				const from = rate ? due : performance.now();
				due += interval;
				const fields = answerFields(questions[position], (n + position) % 3 !== 0);
				try {
					const r = await answer(server.base, attemptId, position, s.cookie, fields, { json });
					requests++;
					latencies.push(performance.now() - from);
					if (r.acknowledged) {
						acknowledged.push([attemptId, position]);
						answers++;
					} else errors++;
				} catch {
					errors++;
				}
			}
		}
	}
	await Promise.all(students.map(student));
	const seconds = (performance.now() - started) / 1000;
	const cpuMs = serverCpuMs() - cpuBefore;
	const cpuPerAnswer = answers ? cpuMs / answers : 0;
	failedRequests += errors;
	latencies.sort((a, b) => a - b);
	return {
		answersPerSecond: answers / seconds,
		requestsPerSecond: requests / seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		errors,
		cpuPerAnswer,
		cpuMs,
		answers,
		starts
	};
}

/**
 * Students only start quizzes (a post and its redirect each), for the server's CPU per start: an
 * answer's own cost is then told apart from its share of the quiz starts, which depends on how
 * long the bank lets a quiz be.
 */
async function startsAlone(ms) {
	let starts = 0;
	let errors = 0;
	const deadline = performance.now() + ms;
	const cpuBefore = serverCpuMs();
	await Promise.all(
		students.map(async (s, n) => {
			for (let round = 0; performance.now() < deadline; round++) {
				try {
					await startQuiz(server.base, slugs[(n + round) % slugs.length], s.cookie);
					starts++;
				} catch {
					errors++;
				}
			}
		})
	);
	failedRequests += errors;
	return { starts, errors, cpuPerStart: starts ? (serverCpuMs() - cpuBefore) / starts : 0 };
}

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`Quiz load: ${STUDENTS} students on loopback ${server.base}`);

await run({ ms: Number(process.env.WARMUP_MS ?? 2_000) }); // compiled code and caches warm
const browser = await run({ ms: DURATION_MS });
console.log(
	`\n1. As the browser sends answers, as fast as ${STUDENTS} students can (${DURATION_MS / 1000} s):`
);
console.log(
	`  answers ${browser.answersPerSecond.toFixed(0)}/s (requests ${browser.requestsPerSecond.toFixed(0)}/s), ` +
		`latency p50 ${ms(browser.p50)}, p99 ${ms(browser.p99)}, errors ${browser.errors}, ` +
		`server CPU ${browser.cpuPerAnswer.toFixed(2)} ms per answer`
);

console.log(`\n2. At fixed offered rates, ${STUDENTS} students (${RATE_MS / 1000} s each):`);
const fixed = [];
for (const rate of RATES) {
	const r = await run({ ms: RATE_MS, rate });
	fixed.push({ rate, ...r });
	console.log(
		`  offered ${String(rate).padStart(5)}/s: served ${r.answersPerSecond.toFixed(0).padStart(5)}/s, ` +
			`latency p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, errors ${r.errors}`
	);
}

const action = await run({ ms: RATE_MS, json: true });
console.log(`\n3. As SvelteKit's JSON action, no page rendered (${RATE_MS / 1000} s):`);
console.log(
	`  answers ${action.answersPerSecond.toFixed(0)}/s, latency p50 ${ms(action.p50)}, ` +
		`p99 ${ms(action.p99)}, errors ${action.errors}, server CPU ${action.cpuPerAnswer.toFixed(2)} ms per answer`
);

const alone = await startsAlone(RATE_MS);
const perQuiz = browser.starts ? browser.answers / browser.starts : 0;
const answerOnly = browser.answers
	? (browser.cpuMs - browser.starts * alone.cpuPerStart) / browser.answers
	: 0;
console.log(`\n4. Quiz starts alone (${RATE_MS / 1000} s):`);
console.log(
	`  ${(alone.starts / (RATE_MS / 1000)).toFixed(0)} starts/s, errors ${alone.errors}, ` +
		`server CPU ${alone.cpuPerStart.toFixed(2)} ms per start`
);
console.log(
	`  phase 1: ${perQuiz.toFixed(2)} answers per quiz; server CPU per answer without its share of ` +
		`the starts ${answerOnly.toFixed(2)} ms`
);
keys.close();

// Every acknowledged answer is stored, once.
await stopServer(server);
const { missing, duplicated, stored } = checkAcknowledged(database.path, acknowledged);
console.log(
	`\nCheck: ${acknowledged.length} answers acknowledged, ${stored} stored, ` +
		`${missing} acknowledged missing, ${duplicated} duplicated`
);

// Anonymous lesson page against a static file, same server, fresh start.
const pageServer = await startServer({ port: await benchPort(1), databasePath: database.path });
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
// The framework's floor: a route that only checks the database can be read and written.
const health = await measure('/healthz');
await stopServer(pageServer);
database.remove();

const row = (name, r) =>
	`  ${name.padEnd(20)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`;
console.log(`\nAnonymous page vs static file (${CONNECTIONS} connections):`);
console.log(row('lesson page', lesson));
console.log(row('static file', file));
console.log(`  ratio                ${(lesson.rps / file.rps).toFixed(2)}x`);
console.log(row('/healthz', health) + '  (through the framework: its floor)');

// The targets, read off the figures above. With every student waiting for each answer, their mean
// wait is the number of students divided by the throughput (Little's law).
const met = (ok) => (ok ? 'met' : 'not met');
const ratio = lesson.rps / file.rps;
const calmRates = fixed.filter((r) => r.p99 < 25).map((r) => `${r.rate}/s`);
console.log('\nTargets:');
console.log(
	`  lesson page at least 0.8x the static file: ${ratio.toFixed(2)}x, ${met(ratio >= 0.8)}`
);
console.log(
	`  1,000 graded answers/s as the browser sends them: ${browser.answersPerSecond.toFixed(0)}/s, ` +
		met(browser.answersPerSecond >= 1000)
);
console.log(
	`  none lost: ${missing + duplicated} of ${acknowledged.length} lost or duplicated, ` +
		met(!missing && !duplicated)
);
console.log(
	`  p99 under 25 ms at ${CONNECTIONS} connections, lesson page: ${lesson.p99} ms, ${met(lesson.p99 < 25)}`
);
console.log(
	`  p99 under 25 ms, ${STUDENTS} students answering as fast as they can: ${ms(browser.p99)}, ` +
		`${met(browser.p99 < 25)} (the mean wait is ${STUDENTS} / ` +
		`${browser.answersPerSecond.toFixed(0)} per s = ${ms((STUDENTS / browser.answersPerSecond) * 1000)})`
);
console.log(
	`  p99 under 25 ms, ${STUDENTS} students at the offered rates ${RATES.join(', ')}/s: ` +
		`met at ${calmRates.join(', ') || 'none'}`
);

if (missing || duplicated) {
	console.error('FAIL: acknowledged answers were lost or duplicated');
	process.exit(1);
}
if (acknowledged.length === 0 || failedRequests > 0) {
	console.error(
		`FAIL: ${acknowledged.length} answers acknowledged, ${failedRequests} requests failed`
	);
	process.exit(1);
}
