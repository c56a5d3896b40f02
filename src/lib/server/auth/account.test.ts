import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-db';
import { createUser, checkCredentials } from '../users';
import { createSession, generateSessionToken, validateSessionToken } from './session';
import { changePassword, countSessions, signOutEverywhere } from './account';

async function twoDevices() {
	const { db } = createTestDatabase();
	const user = (await createUser(db, {
		username: `aigerim${crypto.randomUUID().slice(0, 6)}`,
		password: 'karkaraly-pines',
		role: 'student'
	}))!;
	const tokens = [generateSessionToken(), generateSessionToken()];
	const [here, other] = tokens.map((t) => createSession(db, t, user.id));
	return { db, user, tokens, here, other };
}

describe('a password change', () => {
	const address = () => `10.9.${Math.floor(Math.random() * 250)}.1`;

	it('needs the current password and the new one twice, and refuses a weak one', async () => {
		const { db, user, here } = await twoDevices();
		const change = (current: string, password: string, confirm = password) =>
			changePassword(db, user, here.id, address(), { current, password, confirm });
		expect(await change('wrong', 'steppe-horizon-42')).toEqual({
			ok: false,
			status: 400,
			message: 'Your current password is not right.',
			field: 'current'
		});
		expect(await change('karkaraly-pines', 'steppe-horizon-42', 'steppe-horizon-43')).toMatchObject(
			{
				ok: false,
				message: 'The two new passwords differ. Type them again.',
				field: 'confirm'
			}
		);
		expect(await change('karkaraly-pines', 'short')).toMatchObject({
			ok: false,
			status: 400,
			field: 'password'
		});
		expect(await checkCredentials(db, user.username, 'karkaraly-pines')).not.toBeNull();
	});

	it('takes the new password and signs out the other devices', async () => {
		const { db, user, tokens, here } = await twoDevices();
		expect(countSessions(db, user.id)).toBe(2);
		const result = await changePassword(db, user, here.id, address(), {
			current: 'karkaraly-pines',
			password: 'steppe-horizon-42',
			confirm: 'steppe-horizon-42'
		});
		expect(result).toEqual({ ok: true });
		expect(await checkCredentials(db, user.username, 'karkaraly-pines')).toBeNull();
		expect(await checkCredentials(db, user.username, 'steppe-horizon-42')).not.toBeNull();
		expect(validateSessionToken(db, tokens[0]).session?.id).toBe(here.id);
		expect(validateSessionToken(db, tokens[1]).session).toBeNull();
	});

	it('is throttled like sign-in, so a borrowed session cannot guess the password', async () => {
		const { db, user, here } = await twoDevices();
		const from = address();
		const tries = await Promise.all(
			Array.from({ length: 8 }, () =>
				changePassword(db, user, here.id, from, {
					current: 'guess',
					password: 'steppe-horizon-42',
					confirm: 'steppe-horizon-42'
				})
			)
		);
		expect(tries.filter((t) => !t.ok && t.status === 429)).toHaveLength(3);
	});
});

describe('signing out everywhere', () => {
	it('ends every session of the account', async () => {
		const { db, user, tokens } = await twoDevices();
		signOutEverywhere(db, user.id);
		expect(countSessions(db, user.id)).toBe(0);
		for (const token of tokens) expect(validateSessionToken(db, token).session).toBeNull();
	});
});
