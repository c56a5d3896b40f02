import { createUser, expect, expectAccessible, signInAs, test } from './fixtures';

test('a student changes the password and signs out everywhere', async ({ browser, app }) => {
	const student = await createUser(app, 'student', 'account');
	// A second device, signed in with the old password.
	const other = await (await browser.newContext({ baseURL: app.baseURL })).newPage();
	await other.goto('/login');
	await other.getByLabel('Username').fill(student.username);
	await other.getByLabel('Password').fill(student.password);
	await other.getByRole('button', { name: 'Sign in' }).click();
	await expect(other).toHaveURL(`${app.baseURL}/`);

	const page = await (await browser.newContext({ baseURL: app.baseURL })).newPage();
	await signInAs(page, app, student);
	await page.goto('/');
	await page.getByRole('link', { name: new RegExp(student.username) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
	await expect(page.getByText('You are signed in on 2 devices')).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Current password').fill('not my password');
	await page.getByLabel('New password', { exact: true }).fill('steppe-horizon-42');
	await page.getByLabel('New password again').fill('steppe-horizon-42');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('alert')).toContainText('Your current password is not right.');

	await page.getByLabel('Current password').fill(student.password);
	await page.getByLabel('New password', { exact: true }).fill('steppe-horizon-42');
	await page.getByLabel('New password again').fill('steppe-horizon-42');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password is changed');
	// The other device is signed out; this one is not.
	await other.goto('/history');
	await expect(other).toHaveURL(/\/login\?redirectTo=/);
	await page.goto('/history');
	await expect(page).toHaveURL(`${app.baseURL}/history`);

	await page.goto('/account');
	await page.getByRole('button', { name: 'Sign out everywhere' }).click();
	await expect(page).toHaveURL(`${app.baseURL}/login`);
	const sessions = app.db
		.prepare('select count(*) as n from sessions where user_id = ?')
		.get(student.id) as { n: number };
	expect(sessions.n).toBe(0);
	await Promise.all([page.context().close(), other.context().close()]);
});
