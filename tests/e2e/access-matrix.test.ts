import { test, expect, type AppServer, type TestUser } from './fixtures';
import { accessTable, type Outcome, type RouteCase } from './access-matrix.table';
import {
	ACTORS,
	alertText,
	buildWorld,
	changedTables,
	dbSnapshot,
	errorPageText,
	fillRoute,
	routesOnDisk,
	send,
	type Actor,
	type Sent,
	type World
} from './access-matrix.world';

test.describe.configure({ mode: 'serial' });

let world: World;

test.beforeAll(async ({ app }) => {
	test.setTimeout(90_000);
	world = await buildWorld(app);
});

function userOf(actor: Actor): TestUser | null {
	return actor === 'visitor' ? null : world.users[actor];
}

/**
 * What an actor must never read: the other side's markers (a visitor: both sides'; the
 * administrator: both sides' but the teachers' names, which the list of teachers shows).
 */
function forbiddenFor(actor: Actor): string[] {
	if (actor === 'visitor') return [...world.markers.A, ...world.markers.B];
	if (actor === 'admin') {
		const teachers = [world.markers.A[2], world.markers.B[2]];
		return [...world.markers.A, ...world.markers.B].filter((m) => !teachers.includes(m));
	}
	return actor.endsWith('A') ? world.markers.B : world.markers.A;
}

function describeOutcome(o: Outcome | 'allowed'): string {
	return typeof o === 'object' ? `303 -> ${o.redirect}` : String(o);
}

/** Empty when the response is what the table says, else why not. */
function mismatch(res: Sent, expected: Outcome, path: string, page = path): string | null {
	const got = `${res.status}${res.location ? ` -> ${res.location}` : ''}`;
	if (expected === 'login') {
		// Back to the address asked for after signing in (an action's address shows its page).
		const targets = [path, page].map((p) => `/login?redirectTo=${encodeURIComponent(p)}`);
		return res.status === 303 && targets.includes(res.location ?? '')
			? null
			: `expected 303 -> ${targets[0]}, got ${got}`;
	}
	if (typeof expected === 'object') {
		const { redirect } = expected;
		const ok =
			res.status === 303 &&
			res.location !== null &&
			(typeof redirect === 'string' ? res.location === redirect : redirect.test(res.location));
		return ok ? null : `expected 303 -> ${redirect}, got ${got}`;
	}
	if (res.status !== expected) {
		const why = alertText(res.text) || errorPageText(res.text);
		return `expected ${expected}, got ${got}${why ? ` (${why.slice(0, 120)})` : ''}`;
	}
	if (expected >= 400 && !(alertText(res.text) || errorPageText(res.text))) {
		return `a ${expected} without a message for people`;
	}
	return null;
}

function leaks(res: Sent, actor: Actor): string[] {
	const body = res.text + ' ' + (res.headers.get('content-disposition') ?? '');
	return forbiddenFor(actor).filter((marker) => body.includes(marker));
}

interface Planned {
	routeId: string;
	routeCase: RouteCase;
	path: string;
}

function plannedCases(): Planned[] {
	return Object.entries(accessTable).flatMap(([routeId, entry]) =>
		entry.cases.map((routeCase) => {
			const params = routeCase.params(world);
			return {
				routeId,
				routeCase,
				path:
					fillRoute(routeId, params) +
					(typeof routeCase.query === 'function' ? routeCase.query(world) : (routeCase.query ?? ''))
			};
		})
	);
}

test('every route and form action on disk has an entry in the access table', () => {
	const disk = routesOnDisk();
	expect(disk.length).toBeGreaterThan(20);
	const problems: string[] = [];
	for (const route of disk) {
		const entry = accessTable[route.id];
		if (!entry || entry.cases.length === 0) {
			problems.push(`${route.id} (${route.dir}) has no entry in access-matrix.table.ts`);
			continue;
		}
		const names = [...route.actions, ...route.methods.filter((m) => m !== 'GET' && m !== 'HEAD')];
		for (const name of names) {
			if (!entry.cases.some((c) => c.actions?.[name])) {
				problems.push(`${route.id}: action "${name}" has no entry in access-matrix.table.ts`);
			}
		}
		for (const c of entry.cases) {
			for (const name of Object.keys(c.actions ?? {})) {
				if (!names.includes(name))
					problems.push(`${route.id}: the table lists "${name}", not on disk`);
			}
		}
	}
	for (const id of Object.keys(accessTable)) {
		if (!disk.some((r) => r.id === id)) problems.push(`${id} is in the table but not on disk`);
	}
	expect(problems).toEqual([]);
	// The parser itself: the route with the most actions.
	expect(disk.find((r) => r.id === '/teacher/classes/[id]')?.actions.sort()).toEqual(
		['archive', 'assign', 'regenerate', 'remove', 'rename', 'unarchive'].sort()
	);
	expect(disk.find((r) => r.id === '/join')?.actions).toEqual(['default']);
});

test('GET: every route answers each actor as the table says, with no foreign data', async ({
	app
}) => {
	test.setTimeout(60_000);
	const failures: string[] = [];
	const seen = new Set<string>();
	let cells = 0;
	for (const { routeId, routeCase, path } of plannedCases()) {
		for (const actor of ACTORS) {
			const res = await send(app, path, { user: userOf(actor) });
			cells++;
			for (const marker of [...world.markers.A, ...world.markers.B]) {
				if (res.text.includes(marker)) seen.add(marker);
			}
			const label = `GET ${routeId} [${routeCase.name}] as ${actor}`;
			const wrong = mismatch(res, routeCase.get[actor], path);
			if (res.status >= 500) failures.push(`${label}: ${res.status} ${res.text.slice(0, 200)}`);
			else if (wrong) failures.push(`${label}: ${wrong}`);
			const leaked = leaks(res, actor);
			if (leaked.length) failures.push(`${label}: shows ${leaked.join(', ')}`);
		}
	}
	console.log(`access matrix: ${cells} GET cells`);
	expect(failures).toEqual([]);
	// Every marker shows up somewhere it belongs, so its absence elsewhere means something.
	expect([...world.markers.A, ...world.markers.B].filter((m) => !seen.has(m))).toEqual([]);
});

async function postAs(app: AppServer, path: string, action: string, actor: Actor, form: object) {
	const target = action === 'default' ? path : `${path}?/${action}`;
	return {
		target,
		res: await send(app, target, {
			user: userOf(actor),
			pairs: Object.entries(form as Record<string, string>)
		})
	};
}

test('POST: form actions refuse the actors who must not use them and change nothing', async ({
	app
}) => {
	test.setTimeout(60_000);
	const failures: string[] = [];
	let cells = 0;
	for (const { routeId, routeCase, path } of plannedCases()) {
		for (const [action, spec] of Object.entries(routeCase.actions ?? {})) {
			for (const actor of ACTORS) {
				const expected = spec.expect[actor];
				if (expected === 'allowed') continue;
				const before = dbSnapshot(app);
				const { target, res } = await postAs(app, path, action, actor, spec.form(world));
				const after = dbSnapshot(app);
				cells++;
				const label = `POST ${routeId}?/${action} [${routeCase.name}] as ${actor}`;
				const wrong = mismatch(res, expected, target, path);
				if (res.status >= 500) failures.push(`${label}: ${res.status}`);
				else if (wrong) failures.push(`${label}: ${wrong}`);
				const changed = changedTables(before, after);
				if (changed.length) failures.push(`${label}: changed ${changed.join(', ')}`);
				const leaked = leaks(res, actor);
				if (leaked.length) failures.push(`${label}: shows ${leaked.join(', ')}`);
			}
		}
	}
	console.log(`access matrix: ${cells} refused action cells`);
	expect(cells).toBeGreaterThan(50);
	expect(failures).toEqual([]);
});

test('the same forms work for the actor allowed to use them', async ({ app }) => {
	test.setTimeout(60_000);
	const controls = plannedCases().flatMap(({ routeId, routeCase, path }) =>
		Object.entries(routeCase.actions ?? {})
			.filter(([, spec]) => spec.control)
			.map(([action, spec]) => ({ routeId, routeCase, path, action, spec, control: spec.control! }))
	);
	controls.sort((a, b) => Number(!!a.control.destructive) - Number(!!b.control.destructive));
	const failures: string[] = [];
	for (const { routeId, routeCase, path, action, spec, control } of controls) {
		const before = dbSnapshot(app);
		const { target, res } = await postAs(app, path, action, control.actor, spec.form(world));
		const changed = changedTables(before, dbSnapshot(app));
		const label = `POST ${routeId}?/${action} [${routeCase.name}] as ${control.actor}`;
		const wrong = mismatch(res, control.expect, target);
		if (wrong) failures.push(`${label}: ${wrong} (${describeOutcome(control.expect)})`);
		if ((control.changes ?? true) !== changed.length > 0) {
			failures.push(`${label}: tables changed: ${changed.join(', ') || 'none'}`);
		}
	}
	expect(controls.length).toBeGreaterThan(15);
	expect(failures).toEqual([]);
});
