import { test, expect } from './fixtures';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.js';
import { randomBytes } from 'node:crypto';

// A teacher's laptop on a classroom network: students browse to http://<LAN name>:PORT over
// plain HTTP. The browser maps the name to loopback so the test needs no real network.
test('sign-up, sign-in and forms work on a LAN-style host name over plain HTTP', async ({
	app
}) => {
	const browser = await chromium.launch({
		executablePath: findChromium() ?? undefined,
		args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP classroom-laptop.lan 127.0.0.1']
	});
	try {
		const page = await browser.newPage();
		const origin = `http://classroom-laptop.lan:${app.port}`;
		const username = `lan-${randomBytes(3).toString('hex')}`;
		await page.goto(`${origin}/register`);
		await page.getByLabel('Username').fill(username);
		await page.getByLabel('Your name').fill('Lan Student');
		await page.getByLabel('Password').fill('yurt-and-steppe');
		await page.getByLabel('Student').check();
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page).toHaveURL(`${origin}/`);
		await expect(page.getByRole('banner')).toContainText('Lan Student');

		const cookie = (await page.context().cookies()).find((c) => c.name === 'sabaq_session');
		expect(cookie?.secure).toBe(false);

		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.goto(`${origin}/login`);
		await page.getByLabel('Username').fill(username);
		await page.getByLabel('Password').fill('yurt-and-steppe');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('banner')).toContainText('Lan Student');
	} finally {
		await browser.close();
	}
});

test('a cross-site form post is still refused', async ({ app }) => {
	const res = await fetch(`${app.baseURL}/login`, {
		method: 'POST',
		headers: {
			origin: 'http://evil.example',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: 'username=someone&password=whatever',
		redirect: 'manual'
	});
	expect(res.status).toBe(403);
});
