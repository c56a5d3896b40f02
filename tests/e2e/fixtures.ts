import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { hash } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/connection';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import { codeHash } from '../../src/lib/server/invitations';

export interface AppServer {
	baseURL: string;
	port: number;
	databasePath: string;
	db: Database.Database;
	/** The same connection through the app's Drizzle schema, for the app's own modules. */
	appDb: Db;
}

export interface TestUser {
	id: string;
	username: string;
	password: string;
	role: 'student' | 'teacher';
	token: string;
}

async function waitForServer(url: string, child: ChildProcess, log: () => string) {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Server exited early:\n${log()}`);
		try {
			const res = await fetch(url);
			if (res.ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	throw new Error(`Server did not answer at ${url}:\n${log()}`);
}

/**
 * Starts the built server on its own port with a fresh database, once per worker; or on the
 * database that `env.DATABASE_URL` names (left in place when it stops).
 */
export async function startServer(port: number, env: Record<string, string> = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'sabaq-e2e-'));
	const databasePath = env.DATABASE_URL ?? join(dir, 'sabaq.db');
	let output = '';
	const child = spawn('node', ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_URL: databasePath,
			// The first teacher registered with this code becomes the administrator (see README).
			SETUP_CODE,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const baseURL = `http://localhost:${port}`;
	const exited = new Promise((r) => child.once('exit', r));
	const kill = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitForServer(baseURL + '/', child, () => output);
	} catch (error) {
		await kill(); // no server left behind when it never came up
		throw error;
	}
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	const appDb = drizzle(db, { schema }) as Db;
	return {
		server: { baseURL, port, databasePath, db, appDb } satisfies AppServer,
		stop: async () => {
			db.close();
			await kill();
		},
		output: () => output
	};
}

/** A port nobody listens on now, so parallel runs on one machine never collide. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * SQL condition on a lesson `l`: it belongs to the bundled text. Tests in one worker share a
 * database, so lessons another test imported may be there too; a test that counts or picks lessons
 * of the bundled text names them with this.
 */
export const BUNDLED_LESSON = 'l.source_id in (select id from sources where owner_id is null)';

/** The setup code every test server starts with. */
export const SETUP_CODE = 'E2E-SETUP-CODE';

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery';

/** Creates a user and a session directly in the database (the login UI has its own tests). */
export async function createUser(
	app: AppServer,
	role: 'student' | 'teacher',
	name: string = role,
	options: { admin?: boolean } = {}
): Promise<TestUser> {
	passwordHash ??= hash(TEST_PASSWORD);
	const id = randomUUID();
	const username = `${name}-${randomBytes(4).toString('hex')}`.toLowerCase();
	app.db
		.prepare(
			'insert into users (id, username, display_name, password_hash, role, admin) values (?, ?, ?, ?, ?, ?)'
		)
		.run(id, username, '', await passwordHash, role, options.admin ? 1 : 0);
	// The app's own session code: the token and the hash stored for it are made as at sign-in.
	const token = generateSessionToken();
	createSession(app.appDb, token, id);
	return { id, username, password: TEST_PASSWORD, role, token };
}

/** A teacher invitation written straight into the database, as an administrator would make it. */
export function invitationCode(app: AppServer): string {
	const code = randomBytes(8).toString('hex').toUpperCase();
	app.db
		.prepare('insert into invitations (id, code_hash, note) values (?, ?, ?)')
		.run(randomUUID(), codeHash(code), 'test');
	return code;
}

/** The Cookie header of a signed-in user's requests. */
export function sessionCookie(user: TestUser): string {
	return `${SESSION_COOKIE}=${user.token}`;
}

export async function signInAs(page: Page, app: AppServer, user: TestUser) {
	await page.context().addCookies([
		{
			name: SESSION_COOKIE,
			value: user.token,
			url: app.baseURL,
			httpOnly: true,
			sameSite: 'Lax'
		}
	]);
}

export const test = base.extend<{ student: TestUser; teacher: TestUser }, { app: AppServer }>({
	app: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from the pattern
		async ({}, use) => {
			const started = await startServer(await freePort());
			await use(started.server);
			await started.stop();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ app }, use) => use(app.baseURL),
	student: async ({ app }, use) => use(await createUser(app, 'student')),
	teacher: async ({ app }, use) => use(await createUser(app, 'teacher'))
});

export { expect };

/** axe finds nothing wrong with the page as it is now; each violation is named with its nodes. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations.map(
			(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' | ')})`
		)
	).toEqual([]);
}
