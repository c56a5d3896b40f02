// `npm run bench:crash`: kill -9 the server while students submit answers, restart it, run
// PRAGMA integrity_check and check that every acknowledged answer is there exactly once.
import Database from 'better-sqlite3';
import {
	benchPort,
	checkAcknowledged,
	createStudents,
	ensureBuild,
	freshDatabasePath,
	quizLessonSlugs,
	startServer,
	stopServer
} from './bench/server.js';
import { answer, answerFields, openKeys, startQuiz } from './bench/quiz-driver.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const STUDENTS = Number(process.env.STUDENTS ?? 30);
const PORT = await benchPort();

ensureBuild();
const database = freshDatabasePath();
let server = await startServer({ port: PORT, databasePath: database.path });
const students = createStudents(database.path, STUDENTS);
const [slug] = quizLessonSlugs(database.path);
if (!slug) throw new Error('no lesson has a quiz to take');
const acknowledged = [];
let failedRounds = 0;

for (let round = 1; round <= ROUNDS; round++) {
	const keys = openKeys(database.path);
	let killed = false;
	let ackedThisRound = 0;
	const drive = students.map(async (s, n) => {
		while (!killed) {
			try {
				const attemptId = await startQuiz(server.base, slug, s.cookie);
				const questions = keys.questions(attemptId);
				for (let position = 0; position < questions.length && !killed; position++) {
					const fields = answerFields(questions[position], n % 2 === 0);
					const r = await answer(server.base, attemptId, position, s.cookie, fields);
					if (r.acknowledged) {
						acknowledged.push([attemptId, position]);
						ackedThisRound++;
					}
				}
			} catch {
				// The server died under us: what it acknowledged before is what counts.
				return;
			}
		}
	});
	const killAfter = 1000 + Math.floor(Math.random() * 1500);
	await new Promise((r) => setTimeout(r, killAfter));
	killed = true;
	await stopServer(server, 'SIGKILL');
	await Promise.allSettled(drive);
	keys.close();

	const restartStarted = performance.now();
	server = await startServer({ port: PORT, databasePath: database.path });
	const restartMs = performance.now() - restartStarted;

	const db = new Database(database.path, { readonly: true });
	const integrity = db.pragma('integrity_check', { simple: true });
	const { missing, duplicated } = checkAcknowledged(database.path, acknowledged);
	// A finished attempt has all its answers; an attempt with all its answers is finished.
	const inconsistent = db
		.prepare(
			`select count(*) as n from attempts a where (a.finished_at is not null) <>
			 ((select count(*) from answers x where x.attempt_id = a.id) = a.question_count)`
		)
		.get().n;
	db.close();
	// A round in which nothing was acknowledged checks nothing: it fails too.
	const ok =
		ackedThisRound > 0 &&
		integrity === 'ok' &&
		missing === 0 &&
		duplicated === 0 &&
		inconsistent === 0;
	if (!ok) failedRounds++;
	console.log(
		`round ${round}: killed after ${killAfter} ms, ${ackedThisRound} answers acknowledged this round ` +
			`(${acknowledged.length} in all); restart to first 200 in ${restartMs.toFixed(0)} ms; ` +
			`integrity ${integrity}; missing ${missing}, duplicated ${duplicated}, inconsistent attempts ${inconsistent}` +
			(ok ? '' : '  FAIL')
	);
}
await stopServer(server);
database.remove();
if (failedRounds) {
	console.error(`FAIL: ${failedRounds} of ${ROUNDS} rounds lost or damaged acknowledged answers`);
	process.exit(1);
}
console.log(`All ${ROUNDS} rounds: every acknowledged answer survived kill -9, exactly once.`);
