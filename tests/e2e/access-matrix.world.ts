/**
 * Shared by the access matrix and the bad-input tests: plain HTTP as a browser without JavaScript
 * sends it (no cookie jar: every request says who it is), the list of routes on disk, a hash of
 * the whole database, and a small world of two teachers, their classes, students and attempts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createUser, sessionCookie, type AppServer, type TestUser } from './fixtures';

// ---------------------------------------------------------------- HTTP

export interface FilePart {
	file: true;
	name: string;
	type: string;
	data: Uint8Array | string;
}
export type FieldValue = string | FilePart;
export type Pair = [string, FieldValue];

export interface Sent {
	status: number;
	location: string | null;
	headers: Headers;
	text: string;
}

export interface SendOptions {
	user?: TestUser | null;
	method?: string;
	pairs?: Pair[];
	/** multipart/form-data instead of urlencoded; implied by a file part. */
	multipart?: boolean;
	/** A raw body with its own content type (JSON, text, …). */
	raw?: { body: string; type: string };
	headers?: Record<string, string>;
	accept?: string;
}

export function isFile(value: FieldValue): value is FilePart {
	return typeof value !== 'string';
}

/** One request, redirects not followed, with the Origin a same-site form post carries. */
export async function send(app: AppServer, path: string, options: SendOptions = {}): Promise<Sent> {
	const method = options.method ?? (options.pairs || options.raw ? 'POST' : 'GET');
	const headers: Record<string, string> = {
		accept: options.accept ?? 'text/html',
		...(method === 'GET' ? {} : { origin: app.baseURL }),
		...options.headers
	};
	if (options.user) headers.cookie = sessionCookie(options.user);
	let body: BodyInit | undefined;
	if (options.raw) {
		body = options.raw.body;
		headers['content-type'] = options.raw.type;
	} else if (options.pairs) {
		if (options.multipart || options.pairs.some(([, v]) => isFile(v))) {
			const form = new FormData();
			for (const [name, value] of options.pairs) {
				if (isFile(value)) {
					const data = typeof value.data === 'string' ? value.data : new Uint8Array(value.data);
					form.append(name, new File([data], value.name, { type: value.type }));
				} else form.append(name, value);
			}
			body = form;
		} else {
			body = new URLSearchParams(options.pairs as [string, string][]).toString();
			headers['content-type'] = 'application/x-www-form-urlencoded';
		}
	}
	const res = await fetch(app.baseURL + path, { method, headers, body, redirect: 'manual' });
	return {
		status: res.status,
		location: res.headers.get('location'),
		headers: res.headers,
		text: await res.text()
	};
}

/** Posts a form (urlencoded) as this user. */
export function post(
	app: AppServer,
	path: string,
	user: TestUser | null,
	form: Record<string, string>
): Promise<Sent> {
	return send(app, path, { user, pairs: Object.entries(form) });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function textOf(html: string) {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e])
		.replace(/\s+/g, ' ')
		.trim();
}

/** The text of the page's role="alert" regions (form messages), joined. */
export function alertText(html: string): string {
	const parts: string[] = [];
	for (const m of html.matchAll(/<div role="alert"[^>]*>([\s\S]*?)<\/div>/g))
		parts.push(textOf(m[1]));
	for (const m of html.matchAll(/<p role="alert"[^>]*>([\s\S]*?)<\/p>/g)) parts.push(textOf(m[1]));
	return parts.filter(Boolean).join(' ');
}

/** The message of an error page (403, 404, 415, …): the app's, or SvelteKit's plain one. */
export function errorPageText(html: string): string {
	const m =
		/<section class="card error-page[^"]*">([\s\S]*?)<\/section>/.exec(html) ??
		/<div class="message">\s*<h1>([\s\S]*?)<\/h1>/.exec(html);
	return m ? textOf(m[1]) : '';
}

// ---------------------------------------------------------------- routes on disk

export interface DiskRoute {
	/** The URL pattern: groups like (public) left out, '/' for the root. */
	id: string;
	dir: string;
	/** Form action names of +page.server.ts ('default' included). */
	actions: string[];
	/** HTTP methods a +server.ts exports. */
	methods: string[];
	kind: 'page' | 'endpoint';
}

/** Top-level keys of the object literal that `export const actions` is. */
export function parseActionNames(source: string): string[] {
	const start = /export\s+const\s+actions\b[^=]*=\s*\{/.exec(source);
	if (!start) return [];
	const names: string[] = [];
	let depth = 1;
	let i = start.index + start[0].length;
	let expectKey = true;
	while (i < source.length && depth > 0) {
		const c = source[i];
		const rest = source.slice(i);
		if (rest.startsWith('//')) {
			i = source.indexOf('\n', i);
			if (i < 0) break;
			continue;
		}
		if (rest.startsWith('/*')) {
			i = source.indexOf('*/', i) + 2;
			continue;
		}
		if (c === '"' || c === "'" || c === '`') {
			let j = i + 1;
			while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
			if (depth === 1 && expectKey) {
				names.push(source.slice(i + 1, j));
				expectKey = false;
			}
			i = j + 1;
			continue;
		}
		if (c === '{' || c === '(' || c === '[') depth++;
		else if (c === '}' || c === ')' || c === ']') depth--;
		else if (c === ',' && depth === 1) expectKey = true;
		else if (depth === 1 && expectKey && /[A-Za-z_$]/.test(c)) {
			const m = /^(?:async\s+)?([A-Za-z_$][\w$]*)/.exec(rest)!;
			names.push(m[1]);
			expectKey = false;
			i += m[0].length;
			continue;
		}
		i++;
	}
	return names;
}

export function parseEndpointMethods(source: string): string[] {
	const found = source.matchAll(
		/export\s+(?:const|let|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fallback)\b/g
	);
	return [...new Set([...found].map((m) => m[1]))];
}

/** Every page and endpoint under src/routes, read from disk now. */
export function routesOnDisk(root = 'src/routes'): DiskRoute[] {
	const routes: DiskRoute[] = [];
	const walk = (dir: string, segments: string[]) => {
		const entries = readdirSync(dir);
		const has = (f: string) => entries.includes(f);
		if (has('+page.svelte') || has('+page.server.ts') || has('+server.ts')) {
			const visible = segments.filter((s) => !/^\(.+\)$/.test(s));
			const id = '/' + visible.join('/');
			const pageServer = has('+page.server.ts')
				? readFileSync(join(dir, '+page.server.ts'), 'utf8')
				: '';
			const endpoint = has('+server.ts') ? readFileSync(join(dir, '+server.ts'), 'utf8') : '';
			routes.push({
				id,
				dir,
				actions: parseActionNames(pageServer),
				methods: parseEndpointMethods(endpoint),
				kind: has('+server.ts') && !has('+page.svelte') ? 'endpoint' : 'page'
			});
		}
		for (const entry of entries.sort()) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path, [...segments, entry]);
		}
	};
	walk(root, []);
	return routes;
}

/** '/teacher/classes/[id]' with { id: 'x' } -> '/teacher/classes/x'; throws on a missing param. */
export function fillRoute(id: string, params: Record<string, string>): string {
	return id.replace(/\[([^\]]+)\]/g, (_, name: string) => {
		const value = params[name];
		if (value === undefined) throw new Error(`no value for [${name}] in ${id}`);
		return encodeURIComponent(value);
	});
}

// ---------------------------------------------------------------- database

export function tableNames(app: AppServer): string[] {
	return (
		app.db
			.prepare(
				`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%drizzle%' order by name`
			)
			.all() as { name: string }[]
	).map((r) => r.name);
}

/** A hash of every row of every table, per table, so a difference names the table. */
export function dbSnapshot(app: AppServer): Record<string, string> {
	const out: Record<string, string> = {};
	for (const table of tableNames(app)) {
		const hash = createHash('sha256');
		let rows = 0;
		for (const row of app.db.prepare(`select * from "${table}" order by rowid`).raw().iterate()) {
			hash.update(JSON.stringify(row));
			rows++;
		}
		out[table] = `${rows}:${hash.digest('hex').slice(0, 16)}`;
	}
	return out;
}

/** Tables whose content differs between two snapshots. */
export function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
	return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]);
}

// ---------------------------------------------------------------- world

export const rand = () => randomBytes(4).toString('hex');

export interface Snapshot {
	type: string;
	answer?: unknown;
	pairs?: [string, string][];
	options?: string[];
}

function answerFields(q: Snapshot, wrongText: string | null): Record<string, string> {
	switch (q.type) {
		case 'multiple_choice':
			return { answer: String(q.answer) };
		case 'true_false':
			return { answer: q.answer ? 'True' : 'False' };
		case 'fill_blank':
			return { answer: wrongText ?? String(q.answer) };
		case 'numeric':
			return { answer: String(q.answer) };
		case 'matching':
			return Object.fromEntries((q.pairs ?? []).map(([, right], i) => [`answer-${i}`, right]));
		default:
			throw new Error(`unknown question type ${q.type}`);
	}
}

/**
 * Answers every question of an attempt through the quiz form: right, except fill-in-the-blank
 * questions, which get `wrongText` when it is given.
 */
export async function answerAttempt(
	app: AppServer,
	user: TestUser,
	attemptId: string,
	wrongText: string | null
) {
	const rows = app.db
		.prepare(
			'select position, snapshot from attempt_questions where attempt_id = ? order by position'
		)
		.all(attemptId) as { position: number; snapshot: string }[];
	for (const row of rows) {
		const q = JSON.parse(row.snapshot) as Snapshot;
		const res = await post(app, `/attempts/${attemptId}?/answer`, user, {
			position: String(row.position),
			...answerFields(q, wrongText)
		});
		if (res.status !== 200) throw new Error(`answering ${attemptId}: ${res.status}`);
	}
}

export function expectStatus(res: Sent, status: number, what: string) {
	if (res.status !== status) {
		throw new Error(`${what}: expected ${status}, got ${res.status} ${res.location ?? ''}
${alertText(res.text) || errorPageText(res.text)}`);
	}
}

/** A bundled lesson with at least `min` enabled questions. */
export function bundledLesson(app: AppServer, min = 5) {
	const row = app.db
		.prepare(
			`select l.id, l.slug from lessons l join sources s on s.id = l.source_id
			 where s.owner_id is null and l.active = 1
			   and (select count(*) from questions q where q.lesson_id = l.id and q.enabled = 1) >= ?
			 order by l.position limit 1`
		)
		.get(min) as { id: number; slug: string };
	const question = app.db
		.prepare(
			`select id from questions where lesson_id = ? and enabled = 1 order by position limit 1`
		)
		.get(row.id) as { id: string };
	return { id: row.id, slug: row.slug, questionId: question.id };
}

export async function createClassAs(app: AppServer, teacher: TestUser, name: string) {
	const res = await post(app, '/teacher?/createClass', teacher, { name });
	expectStatus(res, 303, 'create class');
	const id = res.location!.split('/').pop()!;
	const { join_code: code } = app.db
		.prepare('select join_code from classes where id = ?')
		.get(id) as { join_code: string };
	return { id, code };
}

export async function joinAs(app: AppServer, student: TestUser, code: string) {
	expectStatus(await post(app, '/join', student, { code }), 200, 'join');
}

export async function assignAs(
	app: AppServer,
	teacher: TestUser,
	classId: string,
	lessonId: number,
	questionCount = 15
) {
	const res = await post(app, `/teacher/classes/${classId}?/assign`, teacher, {
		lessonId: String(lessonId),
		dueAt: '',
		questionCount: String(questionCount),
		attemptsAllowed: '0',
		reveal: 'each'
	});
	expectStatus(res, 303, 'assign');
	return (
		app.db
			.prepare('select id from assignments where class_id = ? order by created_at desc, rowid desc')
			.get(classId) as { id: string }
	).id;
}

/** A live game the teacher starts through its form, and a visitor who joins it. */
export async function liveGameAs(app: AppServer, teacher: TestUser, slug: string) {
	const res = await post(app, `/teacher/live/new?lesson=${slug}`, teacher, {
		count: '3',
		seconds: '20',
		leaderboard: 'on',
		lateJoin: 'on',
		who: 'anyone'
	});
	expectStatus(res, 303, 'start live game');
	const id = res.location!.split('/').pop()!;
	const { pin } = app.db.prepare('select pin from live_games where id = ?').get(id) as {
		pin: string;
	};
	const joined = await send(app, '/play', {
		pairs: [
			['pin', pin],
			['nickname', 'Visitor']
		]
	});
	expectStatus(joined, 303, 'join live game');
	const { playerId } = app.db
		.prepare('select id as playerId from live_players where game_id = ?')
		.get(id) as { playerId: string };
	return { id, pin, playerId };
}

export async function startAssignmentAs(app: AppServer, student: TestUser, assignmentId: string) {
	const res = await post(app, `/assignments/${assignmentId}?/start`, student, {});
	expectStatus(res, 303, 'start assignment');
	return res.location!.split('/').pop()!;
}

/** Imports a text as this teacher through the import form and waits for the job to finish. */
export async function importAs(app: AppServer, teacher: TestUser, title: string, text: string) {
	const res = await post(app, '/teacher/import?/import', teacher, { title, text });
	expectStatus(res, 303, 'import');
	const jobId = res.location!.split('/').pop()!;
	const deadline = Date.now() + 60_000;
	for (;;) {
		const job = app.db
			.prepare('select status, source_id, message from import_jobs where id = ?')
			.get(jobId) as { status: string; source_id: number | null; message: string };
		if (job.status === 'done' && job.source_id !== null) {
			const lesson = app.db
				.prepare(
					'select id, slug from lessons where source_id = ? and active = 1 order by position limit 1'
				)
				.get(job.source_id) as { id: number; slug: string };
			return { jobId, sourceId: job.source_id, lessonId: lesson.id, slug: lesson.slug };
		}
		if (job.status === 'failed') throw new Error(`import failed: ${job.message}`);
		if (Date.now() > deadline) throw new Error('import did not finish');
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Adds a true/false question to a lesson through the curation form; returns its id. */
export async function addTrueFalseAs(
	app: AppServer,
	teacher: TestUser,
	slug: string,
	prompt: string
) {
	const res = await post(app, `/teacher/lessons/${slug}/questions/new?/create`, teacher, {
		type: 'true_false',
		prompt,
		explanation: '',
		sentence: '',
		answer: 'true'
	});
	expectStatus(res, 303, 'add question');
	return decodeURIComponent(res.location!.split('#q-')[1]);
}

/** An invitation made through the administrator's form; returns its id. */
export async function inviteAs(app: AppServer, admin: TestUser) {
	expectStatus(await post(app, '/admin?/invite', admin, { note: 'Matrix' }), 200, 'invite');
	return (
		app.db.prepare('select id from invitations order by rowid desc limit 1').get() as {
			id: string;
		}
	).id;
}

export function setDisplayName(app: AppServer, user: TestUser, name: string) {
	app.db.prepare('update users set display_name = ? where id = ?').run(name, user.id);
}

export const IMPORT_TEXT = readFileSync('tests/fixtures/texts/river-flood-report.txt', 'utf8');

export type Actor = 'visitor' | 'studentA' | 'studentB' | 'teacherA' | 'teacherB' | 'admin';
export const ACTORS: Actor[] = ['visitor', 'studentA', 'studentB', 'teacherA', 'teacherB', 'admin'];

export interface World {
	users: Record<Exclude<Actor, 'visitor'>, TestUser>;
	bundled: { slug: string; lessonId: number; questionId: string };
	imported: {
		slug: string;
		lessonId: number;
		questionId: string;
		sourceId: number;
		jobId: string;
	};
	classA: { id: string; code: string; assignmentId: string };
	classB: { id: string; code: string; assignmentId: string };
	attemptA: string;
	attemptB: string;
	/** A question in student A's review queue (student B has none). */
	reviewQuestionA: string;
	/** An open teacher invitation (made by the administrator). */
	invitationId: string;
	/** A live game teacher A hosts on the bundled lesson, with one visitor playing. */
	liveGame: { id: string; pin: string; playerId: string };
	/** Strings only side A (teacher A and class A) may see, and only side B. */
	markers: { A: string[]; B: string[] };
}

/**
 * Teacher A with class A, student A1 (a member) who completed an assignment of a bundled lesson,
 * teacher A's imported text; teacher B with class B and student B1 with their own attempt.
 * Built through the forms, as the people would.
 */
export async function buildWorld(app: AppServer): Promise<World> {
	const tag = rand();
	const teacherA = await createUser(app, 'teacher', 'teacher-a');
	const teacherB = await createUser(app, 'teacher', 'teacher-b');
	const studentA = await createUser(app, 'student', 'student-a1');
	const studentB = await createUser(app, 'student', 'student-b1');
	const admin = await createUser(app, 'teacher', 'admin', { admin: true });
	const names = {
		teacherA: `Teacher-A-Name-${tag}`,
		teacherB: `Teacher-B-Name-${tag}`,
		studentA: `Student-A1-Name-${tag}`,
		studentB: `Student-B1-Name-${tag}`
	};
	setDisplayName(app, teacherA, names.teacherA);
	setDisplayName(app, teacherB, names.teacherB);
	setDisplayName(app, studentA, names.studentA);
	setDisplayName(app, studentB, names.studentB);

	const classAName = `Class-A-${tag}`;
	const classBName = `Class-B-${tag}`;
	const a = await createClassAs(app, teacherA, classAName);
	const b = await createClassAs(app, teacherB, classBName);
	await joinAs(app, studentA, a.code);
	await joinAs(app, studentB, b.code);

	const importTitle = `Import-A-Title-${tag}`;
	const textMarker = `Qarmarker${tag}`;
	// In the first paragraph, so the first lesson carries it.
	const text = IMPORT_TEXT.replace(
		'from 14 villages.',
		`from 14 villages. The district engineer Dana ${textMarker} inspected every dam on Monday.`
	);
	const imported = await importAs(app, teacherA, importTitle, text);
	const promptMarker = `Import-A-Question-${tag} is a statement about the flood.`;
	const importQuestion = await addTrueFalseAs(app, teacherA, imported.slug, promptMarker);

	const bundled = bundledLesson(app);
	const assignA = await assignAs(app, teacherA, a.id, bundled.id);
	const assignB = await assignAs(app, teacherB, b.id, bundled.id);

	const answerMarker = `Answer-A1-${tag}`;
	const attemptA = await startAssignmentAs(app, studentA, assignA);
	await answerAttempt(app, studentA, attemptA, answerMarker);
	const attemptB = await startAssignmentAs(app, studentB, assignB);
	await answerAttempt(app, studentB, attemptB, null);

	const card = app.db
		.prepare('select question_id from review_cards where user_id = ? limit 1')
		.get(studentA.id) as { question_id: string } | undefined;
	if (!card) throw new Error('student A has nothing to review: the lesson has no fill-in question');
	const bCards = app.db
		.prepare('select count(*) as n from review_cards where user_id = ?')
		.get(studentB.id) as { n: number };
	if (bCards.n !== 0) throw new Error('student B should have nothing to review');

	return {
		users: { studentA, studentB, teacherA, teacherB, admin },
		bundled: { slug: bundled.slug, lessonId: bundled.id, questionId: bundled.questionId },
		imported: {
			slug: imported.slug,
			lessonId: imported.lessonId,
			questionId: importQuestion,
			sourceId: imported.sourceId,
			jobId: imported.jobId
		},
		classA: { ...a, assignmentId: assignA },
		classB: { ...b, assignmentId: assignB },
		attemptA,
		attemptB,
		reviewQuestionA: card.question_id,
		invitationId: await inviteAs(app, admin),
		liveGame: await liveGameAs(app, teacherA, bundled.slug),
		markers: {
			A: [
				classAName,
				a.code,
				names.teacherA,
				names.studentA,
				studentA.username,
				importTitle,
				textMarker,
				promptMarker.split(' ')[0],
				answerMarker
			],
			B: [classBName, b.code, names.teacherB, names.studentB, studentB.username]
		}
	};
}
