import { createHash } from 'node:crypto';
import { test, expect, createUser, invitationCode, startServer, type AppServer } from './fixtures';
import { bundledLesson, post, send, type Sent } from './access-matrix.world';

/** CSP directives by name. */
function csp(res: Sent): Map<string, string[]> {
	const header = res.headers.get('content-security-policy') ?? '';
	return new Map(
		header
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name, values])
	);
}

function expectSecurityHeaders(res: Sent, what: string) {
	expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
	expect(res.headers.get('x-frame-options'), what).toBe('DENY');
	expect(res.headers.get('referrer-policy'), what).toMatch(
		/^(same-origin|strict-origin|strict-origin-when-cross-origin|no-referrer)$/
	);
}

/** An HTML page: a CSP whose scripts are the site's own files or hashed, nothing inline else. */
function expectPageCsp(res: Sent, what: string) {
	expect(res.headers.get('content-type'), what).toContain('text/html');
	const directives = csp(res);
	const scripts = directives.get('script-src') ?? directives.get('default-src');
	expect(scripts, `${what}: script-src`).toContain("'self'");
	expect(scripts, what).not.toContain("'unsafe-inline'");
	expect(scripts, what).not.toContain("'unsafe-eval'");
	expect(scripts, what).not.toContain('*');
	expect(directives.get('default-src'), what).toEqual(["'self'"]);
	expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
	expect(directives.get('object-src'), what).toEqual(["'none'"]);
	expect(directives.get('base-uri'), what).toEqual(["'self'"]);
	expect(directives.get('form-action'), what).toEqual(["'self'"]);
	// Every script on the page is allowed by that policy: a same-site file, or inline and hashed.
	for (const m of res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const src = /\bsrc="([^"]*)"/.exec(m[1])?.[1];
		if (src !== undefined) {
			expect(src, what).toMatch(/^\/(?!\/)/);
		} else {
			const hash = `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`;
			expect(scripts, `${what}: inline script without its hash`).toContain(hash);
		}
	}
}

interface Cookie {
	value: string;
	attributes: Map<string, string>;
}

function sessionCookie(res: Sent): Cookie | undefined {
	const raw = res.headers.getSetCookie().find((c) => c.startsWith('sabaq_session='));
	if (!raw) return undefined;
	const [first, ...rest] = raw.split(';').map((p) => p.trim());
	return {
		value: first.slice('sabaq_session='.length),
		attributes: new Map(
			rest.map((p) => {
				const [k, ...v] = p.split('=');
				return [k.toLowerCase(), v.join('=')] as [string, string];
			})
		)
	};
}

function expectSessionCookie(res: Sent, secure: boolean) {
	const cookie = sessionCookie(res);
	expect(cookie, 'a session cookie').toBeDefined();
	expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
	expect(cookie!.attributes.has('httponly')).toBe(true);
	expect(cookie!.attributes.get('samesite')?.toLowerCase()).toBe('lax');
	expect(cookie!.attributes.get('path')).toBe('/');
	expect(cookie!.attributes.has('secure')).toBe(secure);
	expect(cookie!.attributes.has('domain')).toBe(false);
	return cookie!;
}

test('every kind of page carries the security headers and a strict CSP', async ({ app }) => {
	const teacher = await createUser(app, 'teacher');
	const student = await createUser(app, 'student');
	const { slug } = bundledLesson(app);
	const pages: [string, Awaited<ReturnType<typeof createUser>> | null, number][] = [
		['/', null, 200],
		// The second visit is answered from the server's memory of anonymous pages.
		['/', null, 200],
		[`/lessons/${slug}`, null, 200],
		[`/lessons/${slug}`, null, 200],
		[`/lessons/${slug}/quiz`, null, 200],
		['/login', null, 200],
		['/register', null, 200],
		['/lessons/no-such-lesson', null, 404],
		['/', student, 200],
		['/history', student, 200],
		['/teacher', student, 403],
		['/teacher', teacher, 200],
		['/teacher/import', teacher, 200]
	];
	for (const [path, user, status] of pages) {
		const what = `${path} as ${user?.role ?? 'visitor'}`;
		const res = await send(app, path, { user });
		expect(res.status, what).toBe(status);
		expectSecurityHeaders(res, what);
		expectPageCsp(res, what);
		if (user) expect(res.headers.get('cache-control'), what).toBe('private, no-store');
	}

	// Files a teacher downloads: attachments the browser must not sniff into a page.
	for (const path of [
		`/teacher/lessons/${slug}/export/gift`,
		`/teacher/lessons/${slug}/export/json`
	]) {
		const res = await send(app, path, { user: teacher });
		expect(res.status, path).toBe(200);
		expectSecurityHeaders(res, path);
		expect(res.headers.get('content-disposition'), path).toMatch(/^attachment;/);
		expect(res.headers.get('cache-control'), path).toBe('private, no-store');
	}
	const redirect = await send(app, '/teacher', {});
	expect(redirect.status).toBe(303);
	expectSecurityHeaders(redirect, 'a redirect to sign in');
});

test('over plain HTTP the session cookie is HttpOnly, SameSite=Lax, Path=/ and not Secure', async ({
	app
}) => {
	const user = await createUser(app, 'student');
	const login = await post(app, '/login', null, {
		username: user.username,
		password: user.password
	});
	expect(login.status).toBe(303);
	const cookie = expectSessionCookie(login, false);
	expect(new Date(cookie.attributes.get('expires')!).getTime()).toBeGreaterThan(
		Date.now() + 29 * 86_400_000
	);

	const registered = await post(app, '/register', null, {
		username: `cookie-${Date.now().toString(36)}`,
		password: 'steppe wind at dawn',
		role: 'teacher',
		invite: invitationCode(app)
	});
	expect(registered.status).toBe(303);
	const fresh = expectSessionCookie(registered, false);

	// A client cannot talk the server into thinking the connection was HTTPS.
	const forged = await send(app, '/login', {
		pairs: [
			['username', user.username],
			['password', user.password]
		],
		headers: { 'x-forwarded-proto': 'https', 'x-sabaq-socket-protocol': 'https' }
	});
	expect(forged.status).toBe(303);
	expectSessionCookie(forged, false);

	// Signing out deletes the cookie with the same path, and the session with it.
	const out = await send(app, '/logout', {
		pairs: [],
		headers: { cookie: `sabaq_session=${fresh.value}` }
	});
	expect(out.status).toBe(303);
	const gone = sessionCookie(out);
	expect(gone?.value).toBe('');
	expect(gone?.attributes.get('path')).toBe('/');
	expect(gone?.attributes.get('max-age') === '0' || !!gone?.attributes.get('expires')).toBe(true);
	const after = await send(app, '/teacher', {
		headers: { cookie: `sabaq_session=${fresh.value}` }
	});
	expect(after.status).toBe(303);
	expect(after.location).toMatch(/^\/login/);
});

test('a form posted from another site is refused before anything happens', async ({ app }) => {
	const user = await createUser(app, 'teacher');
	const before = app.db.prepare('select count(*) as n from sessions').get() as { n: number };
	for (const [path, form] of [
		['/login', { username: user.username, password: user.password }],
		['/teacher?/createClass', { name: 'Cross-site class' }]
	] as const) {
		const res = await send(app, path, {
			user,
			pairs: Object.entries(form),
			headers: { origin: 'https://evil.example' }
		});
		expect(res.status, path).toBe(403);
	}
	const after = app.db.prepare('select count(*) as n from sessions').get() as { n: number };
	expect(after.n).toBe(before.n);
	expect(
		app.db.prepare("select count(*) as n from classes where name = 'Cross-site class'").get()
	).toEqual({ n: 0 });
});

test('behind a TLS proxy the session cookie is Secure', async () => {
	const port = 4500 + (test.info().workerIndex % 100);
	const started = await startServer(port, { PROTOCOL_HEADER: 'x-forwarded-proto' });
	try {
		const app: AppServer = started.server;
		const user = await createUser(app, 'student');
		const httpsOrigin = `https://localhost:${port}`;
		const form: [string, string][] = [
			['username', user.username],
			['password', user.password]
		];
		const login = await send(app, '/login', {
			pairs: form,
			headers: { origin: httpsOrigin, 'x-forwarded-proto': 'https' }
		});
		expect(login.status, started.output()).toBe(303);
		const cookie = expectSessionCookie(login, true);

		// The Origin must match what the proxy says: the http origin is now cross-site.
		const mismatched = await send(app, '/login', {
			pairs: form,
			headers: { 'x-forwarded-proto': 'https' }
		});
		expect(mismatched.status).toBe(403);

		// Pages over the proxy keep their headers; signing out clears the Secure cookie.
		const page = await send(app, '/', { headers: { 'x-forwarded-proto': 'https' } });
		expectSecurityHeaders(page, 'home behind the proxy');
		expectPageCsp(page, 'home behind the proxy');
		const out = await send(app, '/logout', {
			pairs: [],
			headers: {
				origin: httpsOrigin,
				'x-forwarded-proto': 'https',
				cookie: `sabaq_session=${cookie.value}`
			}
		});
		expect(out.status).toBe(303);
		const gone = sessionCookie(out);
		expect(gone?.value).toBe('');
		expect(gone?.attributes.has('secure')).toBe(true);
	} finally {
		await started.stop();
	}
});
