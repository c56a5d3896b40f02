// `npm run bench:live`: live class games on the built server, over loopback, with real
// server-sent event streams (one per player) as phones hold them.
//  1. One game with PLAYERS (300) players.
//  2. GAMES (10) games of GAME_PLAYERS (30) players at once, their hosts pressing "Next" together.
// For each question: the time from the host's "Next question" to each player's stream having the
// question (p50, p99, worst: the last player), then every player answers (a bounded number of
// requests in flight) and the answers acknowledged per second. At the end every acknowledged
// answer must be in the database exactly once, and nothing unacknowledged may be there: the
// script exits 1 otherwise. Also: the server's memory per connected player and its CPU.
import http from 'node:http';
import { readFileSync } from 'node:fs';
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

const PLAYERS = Number(process.env.PLAYERS ?? 300);
const GAMES = Number(process.env.GAMES ?? 10);
const GAME_PLAYERS = Number(process.env.GAME_PLAYERS ?? 30);
const QUESTIONS = Number(process.env.QUESTIONS ?? 5);
/** Requests the driver keeps in flight at once (joins, answers). */
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 32);
const PORT = await benchPort();

ensureBuild();
const database = freshDatabasePath();
const server = await startServer({ port: PORT, databasePath: database.path });
const origin = server.base;
const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
let failures = 0;

function request(method, path, { headers = {}, body = null } = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(
			origin + path,
			{ method, headers: { origin, ...headers }, agent },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (text += d));
				res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
			}
		);
		req.on('error', reject);
		if (body) req.write(body);
		req.end();
	});
}

/** Runs `work` over `items` with at most IN_FLIGHT at once. */
async function bounded(items, work) {
	let next = 0;
	const results = new Array(items.length);
	await Promise.all(
		Array.from({ length: Math.min(IN_FLIGHT, items.length) }, async () => {
			while (next < items.length) {
				const i = next++;
				results[i] = await work(items[i], i);
			}
		})
	);
	return results;
}

function serverCpuMs() {
	const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

function serverRssKb() {
	const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

/** The lesson whose bank gives the longest live game (no matching questions). */
function liveLesson() {
	const db = new Database(database.path, { readonly: true });
	const row = db
		.prepare(
			`select l.slug, (select count(*) from questions q where q.lesson_id = l.id and q.enabled = 1
			   and q.type <> 'matching') as n
			 from lessons l where l.active = 1 order by n desc limit 1`
		)
		.get();
	db.close();
	return row.slug;
}

const teachers = createStudents(database.path, GAMES + 1, 'teacher');
const slug = liveLesson();
const db = new Database(database.path, { readonly: true });

async function createGame(teacher) {
	const body = new URLSearchParams({
		count: String(QUESTIONS),
		seconds: '20',
		leaderboard: 'on',
		lateJoin: 'on',
		who: 'anyone'
	}).toString();
	const res = await request('POST', `/teacher/live/new?lesson=${slug}`, {
		headers: {
			cookie: teacher.cookie,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body
	});
	if (res.status !== 303)
		throw new Error(`could not start a game: ${res.status} ${res.text.slice(0, 200)}`);
	const id = res.headers.location.split('/').pop();
	const row = db.prepare('select pin, questions from live_games where id = ?').get(id);
	return { id, pin: row.pin, questions: JSON.parse(row.questions), teacher, players: [] };
}

async function join(game, nickname) {
	const res = await request('POST', '/play', {
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ pin: game.pin, nickname }).toString()
	});
	const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('sabaq_player='));
	if (res.status !== 303 || !cookie) throw new Error(`join refused: ${res.status}`);
	return { nickname, cookie: cookie.split(';')[0], game, received: new Map(), waiters: [] };
}

/** Holds the player's event stream open, noting when each question arrives. */
function listen(player) {
	return new Promise((resolve, reject) => {
		const req = http.get(
			`${origin}/play/${player.game.pin}/events`,
			{ headers: { cookie: player.cookie, accept: 'text/event-stream' }, agent: false },
			(res) => {
				if (res.statusCode !== 200) return reject(new Error(`stream refused: ${res.statusCode}`));
				res.setEncoding('utf8');
				let buffer = '';
				res.on('data', (chunk) => {
					const now = performance.now();
					buffer += chunk;
					let end;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const frame = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const event = /^event: (.*)$/m.exec(frame)?.[1];
						if (event === 'state') resolve();
						if (event !== 'question') continue;
						const data = JSON.parse(/^data: (.*)$/m.exec(frame)[1]);
						player.received.set(data.current, { at: now, question: data.question });
						for (const w of player.waiters.splice(0)) w();
					}
				});
			}
		);
		req.on('error', reject);
		player.stream = req;
	});
}

function receivedAll(players, position, timeoutMs = 15_000) {
	return Promise.race([
		Promise.all(
			players.map((p) =>
				p.received.has(position)
					? null
					: new Promise((resolve) => {
							const check = () => (p.received.has(position) ? resolve() : p.waiters.push(check));
							check();
						})
			)
		),
		new Promise((_, reject) =>
			setTimeout(() => reject(new Error('a question never arrived')), timeoutMs)
		)
	]);
}

async function hostNext(game) {
	const res = await request('POST', `/teacher/live/${game.id}?/next`, {
		headers: {
			cookie: game.teacher.cookie,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: ''
	});
	if (res.status !== 200 || !res.text.includes('"success"')) {
		throw new Error(`next refused: ${res.status} ${res.text.slice(0, 200)}`);
	}
}

const acknowledged = []; // [gameId, nickname, position]

async function answerAll(players, position) {
	return bounded(players, async (player) => {
		const q = player.received.get(position).question;
		const response = q.options.length
			? q.options[Math.floor(Math.random() * q.options.length)]
			: 'answer';
		const res = await request('POST', `/play/${player.game.pin}/answer`, {
			headers: {
				cookie: player.cookie,
				'content-type': 'application/json',
				accept: 'application/json'
			},
			body: JSON.stringify({ position, response })
		});
		if (res.status === 200 && JSON.parse(res.text).status === 'recorded') {
			acknowledged.push([player.game.id, player.nickname, position]);
		} else failures++;
	});
}

async function scenario(name, gameCount, playersPerGame) {
	const games = await Promise.all(teachers.slice(0, gameCount).map(createGame));
	const rssBefore = serverRssKb();
	const all = [];
	for (const game of games) {
		game.players = await bounded(
			Array.from({ length: playersPerGame }, (_, i) => `p${i}-${game.pin}`),
			(nickname) => join(game, nickname)
		);
		all.push(...game.players);
	}
	await bounded(all, listen);
	await new Promise((r) => setTimeout(r, 300));
	const rssAfter = serverRssKb();
	const delivery = [];
	const lastOfEach = [];
	let answers = 0;
	let answerMs = 0;
	const cpuStart = serverCpuMs();
	const wallStart = performance.now();
	for (let position = 0; position < QUESTIONS; position++) {
		const t0 = performance.now();
		await Promise.all(games.map(hostNext));
		await receivedAll(all, position);
		for (const game of games) {
			const times = game.players.map((p) => p.received.get(position).at - t0);
			delivery.push(...times);
			lastOfEach.push(Math.max(...times));
		}
		const a0 = performance.now();
		const before = acknowledged.length;
		await answerAll(all, position);
		answerMs += performance.now() - a0;
		answers += acknowledged.length - before;
		// Everyone answered: each question closes by itself; give the close a moment.
		await new Promise((r) => setTimeout(r, 100));
	}
	const wallMs = performance.now() - wallStart;
	const cpuMs = serverCpuMs() - cpuStart;
	for (const game of games) {
		await request('POST', `/teacher/live/${game.id}?/end`, {
			headers: {
				cookie: game.teacher.cookie,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: ''
		});
	}
	for (const p of all) p.stream.destroy();
	delivery.sort((a, b) => a - b);
	lastOfEach.sort((a, b) => a - b);
	const result = {
		scenario: name,
		players: all.length,
		questions: QUESTIONS,
		deliveryMs: {
			p50: +percentile(delivery, 50).toFixed(1),
			p99: +percentile(delivery, 99).toFixed(1),
			worst: +delivery[delivery.length - 1].toFixed(1)
		},
		lastPlayerMs: {
			p50: +percentile(lastOfEach, 50).toFixed(1),
			worst: +lastOfEach[lastOfEach.length - 1].toFixed(1)
		},
		answersPerSecond: Math.round(answers / (answerMs / 1000)),
		memoryKbPerPlayer: +((rssAfter - rssBefore) / all.length).toFixed(1),
		serverCpuPercentOfOneCore: Math.round((cpuMs / wallMs) * 100)
	};
	console.log(JSON.stringify(result));
	return result;
}

let code = 0;
try {
	const one = await scenario(`1 game of ${PLAYERS}`, 1, PLAYERS);
	await scenario(`${GAMES} games of ${GAME_PLAYERS} at once`, GAMES, GAME_PLAYERS);

	// Every acknowledged answer stored once; nothing stored that was not acknowledged.
	const countOf = db.prepare(
		`select count(*) as n from live_answers a join live_players p on p.id = a.player_id
		 where a.game_id = ? and p.name = ? and a.position = ?`
	);
	let missing = 0;
	let duplicated = 0;
	for (const [gameId, nickname, position] of acknowledged) {
		const n = countOf.get(gameId, nickname, position).n;
		if (n === 0) missing++;
		if (n > 1) duplicated++;
	}
	const stored = db.prepare('select count(*) as n from live_answers').get().n;
	console.log(
		JSON.stringify({
			acknowledged: acknowledged.length,
			stored,
			missing,
			duplicated,
			refused: failures
		})
	);
	if (missing || duplicated || stored !== acknowledged.length || failures) {
		console.error('FAIL: answers lost, counted twice or refused');
		code = 1;
	}
	if (one.deliveryMs.p99 >= 250) {
		console.error(
			`FAIL: p99 from "Next question" to the players is ${one.deliveryMs.p99} ms (target < 250 ms)`
		);
		code = 1;
	}
} catch (error) {
	console.error(error);
	code = 1;
} finally {
	db.close();
	agent.destroy();
	await stopServer(server);
	database.remove();
}
process.exit(code);
