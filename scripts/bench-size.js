// `npm run bench:size`: gzip bytes of the JS and CSS each main page ships, and cold start to the
// first 200 (fresh database: migrations and seeding included; then a restart on that database).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import {
	benchPort,
	createStudents,
	ensureBuild,
	freshDatabasePath,
	startServer,
	stopServer
} from './bench/server.js';
import { startQuiz } from './bench/quiz-driver.js';

const PORT = await benchPort();
const BUDGET_JS = 30 * 1024;

ensureBuild();
const database = freshDatabasePath();
const cold = await startServer({ port: PORT, databasePath: database.path });
await stopServer(cold);
const warm = await startServer({ port: PORT, databasePath: database.path });
const server = warm;

const [student] = createStudents(database.path, 1);
const db = new Database(database.path);
const teacherCookie = (() => {
	const [t] = createStudents(database.path, 1);
	db.prepare(
		"update users set role = 'teacher' where id = (select user_id from sessions order by rowid desc limit 1)"
	).run();
	return t.cookie;
})();
const slug = db.prepare('select slug from lessons order by position limit 1').get().slug;
db.close();
const attemptId = await startQuiz(server.base, slug, student.cookie);

const pages = [
	['home (visitor)', '/', ''],
	['lesson (visitor)', `/lessons/${slug}`, ''],
	['practice quiz (visitor)', `/lessons/${slug}/quiz`, ''],
	['sign in', '/login', ''],
	['home (student)', '/', student.cookie],
	['quiz question', `/attempts/${attemptId}`, student.cookie],
	['history', '/history', student.cookie],
	['review', '/review', student.cookie],
	['teacher home', '/teacher', teacherCookie]
];

const gzipCache = new Map();
function gzipBytes(asset) {
	if (!gzipCache.has(asset)) {
		gzipCache.set(
			asset,
			gzipSync(readFileSync(join('build/client', asset)), { level: 9 }).byteLength
		);
	}
	return gzipCache.get(asset);
}

/** The entry scripts, the page's route nodes, and everything they import statically. */
function pageScripts(html) {
	const entries = [...html.matchAll(/import\("[^"]*?(_app\/[^"]+\.js)"\)/g)].map((m) => m[1]);
	const nodeIds = (/node_ids: \[([\d, ]+)\]/.exec(html)?.[1] ?? '').split(',').map((n) => n.trim());
	// Plain scripts (the form enhancer) count too.
	for (const m of html.matchAll(/<script src="\/?([^"]+\.js)"/g)) entries.push(m[1]);
	const nodesDir = 'build/client/_app/immutable/nodes';
	const nodeFiles = existsSync(nodesDir)
		? readdirSync(nodesDir).filter((f) => f.endsWith('.js'))
		: [];
	for (const id of nodeIds) {
		const file = nodeFiles.find((f) => f.startsWith(`${id}.`));
		if (file) entries.push(`_app/immutable/nodes/${file}`);
	}
	const seen = new Set();
	const visit = (asset) => {
		if (seen.has(asset)) return;
		seen.add(asset);
		const source = readFileSync(join('build/client', asset), 'utf8');
		for (const m of source.matchAll(/(?:import|from)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
			visit(posix.join(posix.dirname(asset), m[1]));
		}
	};
	entries.forEach(visit);
	return seen;
}

console.log('Shipped per page (gzip, level 9):');
console.log(
	`  ${'page'.padEnd(26)} ${'JS'.padStart(9)} ${'CSS'.padStart(9)} ${'HTML'.padStart(9)}`
);
let over = 0;
for (const [name, path, cookie] of pages) {
	const res = await fetch(server.base + path, { headers: cookie ? { cookie } : {} });
	const html = await res.text();
	const js = pageScripts(html);
	const css = new Set(
		[...html.matchAll(/<link href="[^"]*?(_app\/[^"]+\.css)" rel="stylesheet"/g)].map((m) => m[1])
	);
	const jsBytes = [...js].reduce((sum, a) => sum + gzipBytes(a), 0);
	const cssBytes = [...css].reduce((sum, a) => sum + gzipBytes(a), 0);
	const htmlBytes = gzipSync(html).byteLength;
	if (jsBytes > BUDGET_JS) over++;
	const kb = (n) => `${(n / 1024).toFixed(1)} kB`.padStart(9);
	console.log(
		`  ${name.padEnd(26)} ${kb(jsBytes)} ${kb(cssBytes)} ${kb(htmlBytes)}  (${res.status})`
	);
}
await stopServer(server);
database.remove();
console.log(
	`\nCold start to first 200: ${cold.coldStartMs.toFixed(0)} ms with a new database (migrate + seed), ${warm.coldStartMs.toFixed(0)} ms on an existing one.`
);
console.log(
	over
		? `${over} page(s) over the ${BUDGET_JS / 1024} kB JS budget.`
		: `Every page is within the ${BUDGET_JS / 1024} kB JS budget.`
);
