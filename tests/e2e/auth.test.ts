import { request } from '@playwright/test';
import { test, expect, createUser, expectAccessible, invitationCode, signInAs } from './fixtures';
import { randomBytes } from 'node:crypto';
import type { AppServer } from './fixtures';

/** What a browser sends with a plain HTML form post. */
const formHeaders = (app: AppServer) => ({ origin: app.baseURL, accept: 'text/html' });

const uniqueName = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;

test('register, see yourself signed in, sign out and sign in again', async ({ page }) => {
	const username = uniqueName('aigerim');
	await page.goto('/register');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Your name').fill('Aigerim Nurlanovna');
	await page.getByLabel('Password').fill('steppe-wind-2024');
	await page.getByLabel('Student').check();
	await page.getByRole('button', { name: 'Create account' }).click();

	await expect(page).toHaveURL('/');
	const header = page.getByRole('banner');
	await expect(header).toContainText('Aigerim Nurlanovna');

	const cookie = (await page.context().cookies()).find((c) => c.name === 'sabaq_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	expect(cookie?.secure).toBe(false);

	await header.getByRole('button', { name: 'Sign out' }).click();
	await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
	expect((await page.context().cookies()).find((c) => c.name === 'sabaq_session')).toBeUndefined();

	await page.goto('/login');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill('steppe-wind-2024');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(header).toContainText('Aigerim Nurlanovna');
});

test('each field of the sign-up form is described by its hint, and the form passes axe', async ({
	page
}) => {
	await page.goto('/register');
	const username = page.getByLabel('Username');
	await expect(username).toHaveAttribute('aria-describedby', 'username-hint');
	await expect(username).toHaveAccessibleDescription(/^3–32 letters of one alphabet/);
	await expect(username).not.toHaveAttribute('aria-invalid');
	await expect(page.getByLabel('Your name')).toHaveAccessibleDescription(
		/^As your teacher will see it/
	);
	await expect(page.getByLabel('Invitation code')).toHaveAccessibleDescription(
		/^A teacher account needs the code/
	);
	await expectAccessible(page);

	// A field without a hint names nothing.
	await page.goto('/login');
	await expect(page.getByLabel('Username')).not.toHaveAttribute('aria-describedby');
	await expectAccessible(page);
});

test('a refused field is marked, says why beside itself, and the others are left alone', async ({
	page,
	app
}) => {
	const taken = await createUser(app, 'student');
	await page.goto('/register');
	// Passes the browser's own checks; the server refuses the shape (a space).
	await page.getByLabel('Username').fill('ana bek');
	await page.getByLabel('Your name').fill('Ana Bek');
	await page.getByLabel('Password').fill('steppe-wind-2024');
	await page.getByRole('button', { name: 'Create account' }).click();

	const username = page.getByLabel('Username');
	await expect(username).toHaveAttribute('aria-invalid', 'true');
	await expect(username).toHaveAttribute('aria-describedby', 'username-hint username-error');
	await expect(page.locator('#username-error')).toHaveText(/^A username uses letters/);
	await expect(username).toHaveAccessibleDescription(/alphabet.*A username uses letters/s);
	// The form's alert says it too, as a link to the field to mend.
	await expect(
		page.getByRole('alert').getByRole('link', { name: /^A username uses/ })
	).toHaveAttribute('href', '#username');
	await expect(page.getByLabel('Your name')).not.toHaveAttribute('aria-invalid');
	await expect(page.getByLabel('Your name')).toHaveValue('Ana Bek');
	await expectAccessible(page);

	// A refusal found after the form was read (a taken name) is marked the same way.
	await username.fill(taken.username);
	await page.getByLabel('Password').fill('steppe-wind-2024');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.locator('#username-error')).toContainText(`“${taken.username}” is taken`);
	await expect(username).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Password')).not.toHaveAttribute('aria-invalid');

	// A weak password is marked on the password, not on the username.
	await username.fill(uniqueName('ana'));
	await page.getByLabel('Password').fill('password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#password-error')).toBeVisible();
	await expect(page.getByRole('alert').getByRole('link')).toHaveAttribute('href', '#password');
	await expect(username).not.toHaveAttribute('aria-invalid');
	await expectAccessible(page);
});

test('a wrong password shows a message and keeps the username', async ({ page, app }) => {
	const user = await createUser(app, 'student');
	await page.goto('/login');
	await page.getByLabel('Username').fill(user.username);
	await page.getByLabel('Password').fill('not-the-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('Wrong username or password');
	await expect(page.getByLabel('Username')).toHaveValue(user.username);
	await expect(page.getByLabel('Password')).toHaveValue('');
});

test('register and login answer 303 on success and 400 on a taken name, without JavaScript', async ({
	app
}) => {
	// Each post from a fresh client, as a visitor's browser without JavaScript would send it.
	const post = async (path: string, form: Record<string, string>) => {
		const context = await request.newContext({ baseURL: app.baseURL });
		const res = await context.post(path, { form, maxRedirects: 0, headers: formHeaders(app) });
		const result = {
			status: res.status(),
			location: res.headers()['location'],
			text: await res.text()
		};
		await context.dispose();
		return result;
	};
	const username = uniqueName('daulet');
	const form = {
		username,
		password: 'karkaraly-pines',
		role: 'teacher',
		invite: invitationCode(app)
	};
	const created = await post('/register', form);
	expect(created.status).toBe(303);
	expect(created.location).toBe('/teacher');

	const taken = await post('/register', form);
	expect(taken.status).toBe(400);
	expect(taken.text).toContain('is taken');
	expect(taken.text).toContain(`value="${username}"`);

	const weak = await post('/register', {
		username: uniqueName('weak'),
		password: 'short',
		role: 'student',
		displayName: 'Weak Password'
	});
	expect(weak.status).toBe(400);
	expect(weak.text).toContain('at least 8 characters');

	const wrong = await post('/login', { username, password: 'not-the-password' });
	expect(wrong.status).toBe(400);
	expect(wrong.text).toContain('Wrong username or password');

	const login = await post('/login', { username, password: 'karkaraly-pines' });
	expect(login.status).toBe(303);
	expect(login.location).toBe('/teacher');
});

test('repeated wrong passwords are throttled with 429', async ({ request, app }) => {
	const user = await createUser(app, 'student', 'throttled');
	const statuses: number[] = [];
	for (let i = 0; i < 6; i++) {
		const res = await request.post('/login', {
			form: { username: user.username, password: `wrong-${i}` },
			maxRedirects: 0,
			headers: formHeaders(app)
		});
		statuses.push(res.status());
	}
	expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
	expect(statuses[5]).toBe(429);
	const blocked = await request.post('/login', {
		form: { username: user.username, password: user.password },
		maxRedirects: 0,
		headers: formHeaders(app)
	});
	expect(blocked.status()).toBe(429);
	expect(await blocked.text()).toContain('Too many failed sign-ins');
});

test('a student is refused a teacher page', async ({ page, app, student }) => {
	await signInAs(page, app, student);
	const response = await page.goto('/teacher');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('do not have access');
});

test('a visitor asking for a teacher page is sent to sign in', async ({ page }) => {
	await page.goto('/teacher');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fteacher/);
});
