import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { createTestDatabase } from '../db/test-db';
import { insertUser, checkCredentials } from '../users';
import { hashPassword } from './password';
import { createSession, generateSessionToken, validateSessionToken } from './session';
import { afterSignIn, firstSignInGate, setOwnPassword } from './first-sign-in';
import type { SessionUser } from './session';

const student = (mustChangePassword: boolean): SessionUser => ({
	id: 'u1',
	username: 'dana.n42',
	displayName: 'Dana',
	role: 'student',
	admin: false,
	mustChangePassword
});

function gate(user: SessionUser | null, path: string, method = 'GET') {
	const url = new URL(path, 'http://school.lan');
	const event = {
		locals: { user },
		url,
		request: new Request(url, { method })
	} as unknown as RequestEvent;
	return firstSignInGate({ event, resolve: () => new Response('page') });
}

describe('the first sign-in with a one-time password', () => {
	it('leads every page to choosing a password, keeping where the person was going', async () => {
		const answer = (await gate(student(true), '/history?page=2')) as Response;
		expect(answer.status).toBe(303);
		expect(answer.headers.get('location')).toBe(
			'/account/new-password?redirectTo=%2Fhistory%3Fpage%3D2'
		);
		const post = (await gate(student(true), '/join', 'POST')) as Response;
		expect(post.status).toBe(403);
		expect(await post.text()).toMatch(/^Choose a new password first/);
	});

	it('leaves that page, signing out and everyone else alone', async () => {
		for (const [user, path] of [
			[student(true), '/account/new-password'],
			[student(true), '/logout'],
			[student(true), '/language'],
			[student(false), '/history'],
			[null, '/history']
		] as const) {
			expect(await (await gate(user, path)).text()).toBe('page');
		}
	});

	it('sends a person who signed in with one to that page first', () => {
		expect(afterSignIn(student(true), '/join?code=K7TQ4M')).toBe(
			'/account/new-password?redirectTo=%2Fjoin%3Fcode%3DK7TQ4M'
		);
		expect(afterSignIn(student(false), '/join?code=K7TQ4M')).toBe('/join?code=K7TQ4M');
	});

	it('takes a password of their own (not the one-time one) and signs out other devices', async () => {
		const { db } = createTestDatabase();
		const user = insertUser(db, {
			username: 'dana.n42',
			passwordHash: await hashPassword('k7mq-x4pt'),
			role: 'student',
			displayName: 'Dana',
			mustChangePassword: true
		})!;
		const [here, teachers] = [generateSessionToken(), generateSessionToken()];
		const session = createSession(db, here, user.id);
		createSession(db, teachers, user.id);
		const set = (password: string, confirm = password) =>
			setOwnPassword(db, user, session.id, { password, confirm });

		expect(await set('k7mq-x4pt')).toEqual({
			ok: false,
			message: expect.stringMatching(/not the one-time password/),
			field: 'password'
		});
		expect(await set('steppe-horizon-42', 'steppe-horizon-43')).toMatchObject({
			ok: false,
			message: /differ/,
			field: 'confirm'
		});
		expect(await set('short')).toMatchObject({
			ok: false,
			message: /at least 8/,
			field: 'password'
		});
		expect(await set('steppe-horizon-42')).toEqual({ ok: true });

		expect(await checkCredentials(db, 'dana.n42', 'k7mq-x4pt')).toBeNull();
		expect(await checkCredentials(db, 'dana.n42', 'steppe-horizon-42')).toMatchObject({
			mustChangePassword: false
		});
		expect(validateSessionToken(db, here).user).toMatchObject({ mustChangePassword: false });
		expect(validateSessionToken(db, teachers).session).toBeNull();
	});
});
