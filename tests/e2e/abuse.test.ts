// What an attacker on the network tried (issue 17): a flood of form fields, redirects to another
// site, guessing passwords and join codes. Each test failed before its fix.
import http from 'node:http';
import { createUser, expect, test, type AppServer } from './fixtures';
import { alertText, createClassAs, post, send } from './access-matrix.world';

interface Answer {
	status: number;
	location: string | undefined;
	text: string;
}

/** A form post from a chosen loopback address (the server sees it as the client's address). */
function postFrom(
	app: AppServer,
	path: string,
	body: string,
	from = '127.0.0.1',
	headers: Record<string, string> = {}
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port: app.port,
				path,
				method: 'POST',
				localAddress: from,
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body),
					origin: app.baseURL,
					accept: 'text/html',
					host: `localhost:${app.port}`,
					...headers
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode!, location: res.headers.location, text })
				);
			}
		);
		request.on('error', reject);
		request.end(body);
	});
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

test('a flood of form fields is refused at once and never holds up other requests', async ({
	app
}) => {
	test.setTimeout(60_000);
	// 250,000 fields, 2.4 MB: under the body limit. One such request took 224 s of the main thread.
	const flood = Array.from({ length: 250_000 }, (_, i) => `f${i}=x`).join('&');
	const started = Date.now();
	const floods = Array.from({ length: 8 }, () => postFrom(app, '/login', flood));
	// While the floods are read, the server goes on answering.
	const healthStarted = Date.now();
	const health = await fetch(`${app.baseURL}/healthz`);
	expect(health.status).toBe(200);
	expect(Date.now() - healthStarted).toBeLessThan(3000);
	for (const answer of await Promise.all(floods)) {
		expect(answer.status).toBe(400);
		expect(alertText(answer.text)).toContain('The form has more than 1000 fields');
	}
	expect(Date.now() - started).toBeLessThan(15_000);
});

test('sign-in and registration never redirect to another site', async ({ app }) => {
	const user = await createUser(app, 'student', 'redirect');
	const targets = [
		'/.//evil.example/x',
		'/a/..//evil.example/x',
		'/%2e//evil.example/x',
		'/..//evil.example/x'
	];
	const isHere = (location: string | null | undefined) => {
		expect(location).toBeTruthy();
		expect(location).not.toMatch(/^\/\//);
		expect(new URL(location!, app.baseURL).origin).toBe(app.baseURL);
	};
	for (const target of targets) {
		const query = `?redirectTo=${encodeURIComponent(target)}`;
		const credentials = { username: user.username, password: user.password };
		const signIn = await post(app, `/login${query}`, null, credentials);
		expect(signIn.status, target).toBe(303);
		isHere(signIn.location);

		// The JSON answer that progressive enhancement reads.
		const json = await send(app, `/login${query}`, {
			pairs: Object.entries(credentials),
			accept: 'application/json'
		});
		const result = JSON.parse(json.text) as { type: string; location?: string };
		expect(result.type, target).toBe('redirect');
		isHere(result.location);

		const register = await post(app, `/register${query}`, null, {
			username: `r${Math.random().toString(36).slice(2, 10)}`,
			password: 'steppe-horizon-42',
			displayName: 'Abuse Test',
			role: 'student'
		});
		expect(register.status, target).toBe(303);
		isHere(register.location);
	}
});

test('wrong passwords slow down only their username from their address', async ({ app }) => {
	const user = await createUser(app, 'student', 'throttle');
	const wrong = form({ username: user.username, password: 'not-it' });
	const right = form({ username: user.username, password: user.password });
	const statuses: number[] = [];
	for (let i = 0; i < 6; i++) statuses.push((await postFrom(app, '/login', wrong)).status);
	expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
	// The same username from an address that has not failed signs in.
	expect((await postFrom(app, '/login', right, '127.0.0.2')).status).toBe(303);
	// A classmate behind the failing address signs in too.
	const classmate = await createUser(app, 'student', 'classmate');
	const classmateForm = form({ username: classmate.username, password: classmate.password });
	expect((await postFrom(app, '/login', classmateForm)).status).toBe(303);
});

test('wrong passwords sent at once are counted before they are checked', async ({ app }) => {
	const user = await createUser(app, 'student', 'parallel');
	const wrong = form({ username: user.username, password: 'not-it' });
	const answers = await Promise.all(
		Array.from({ length: 30 }, () => postFrom(app, '/login', wrong, '127.0.0.3'))
	);
	const checked = answers.filter((a) => a.status === 400).length;
	expect(checked).toBe(5);
	expect(answers.filter((a) => a.status === 429)).toHaveLength(25);
});

test('join codes: one answer for unknown and archived codes, and guessing is stopped', async ({
	app
}) => {
	const teacher = await createUser(app, 'teacher');
	const student = await createUser(app, 'student', 'guesser');
	const archived = await createClassAs(app, teacher, 'Archived class name');
	expect((await post(app, `/teacher/classes/${archived.id}?/archive`, teacher, {})).status).toBe(
		200
	);
	const unknown = await post(app, '/join', student, { code: 'ZZZZZZ' });
	const closed = await post(app, '/join', student, { code: archived.code });
	expect(closed.status).toBe(unknown.status);
	expect(alertText(closed.text)).toBe(alertText(unknown.text));
	expect(closed.text).not.toContain('Archived class name');

	const statuses: number[] = [];
	for (let i = 0; i < 5; i++) {
		statuses.push((await post(app, '/join', student, { code: `QQQQQ${i}` })).status);
	}
	expect(statuses).toEqual([400, 400, 400, 429, 429]);
});
