import type { Page, Response } from '@playwright/test';
import { BUNDLED_LESSON, createUser, expect, test } from './fixtures';

// The lesson list and the lessons are kept in memory for visitors without an account and answered
// by scripts/serve.js before the app sees the request (docs/decisions/0001). A signed-in visitor
// must never get one of those pages, and signing out brings them back.

/** scripts/serve.js adds Accept-Encoding to the Vary of a page it answers from memory; the app does not. */
const fromPageCache = (response: Response | null) =>
	/\bAccept-Encoding\b/i.test(response?.headers()['vary'] ?? '');

async function visit(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	return response;
}

test('a signed-in visitor never gets the cached anonymous page, and gets it again after signing out', async ({
	page,
	app
}) => {
	const { slug } = app.db
		.prepare(`select slug from lessons l where ${BUNDLED_LESSON} limit 1`)
		.get() as { slug: string };
	const paths = ['/', `/lessons/${slug}`];
	const header = page.getByRole('banner');

	// Twice each: the first visit fills the cache, the second is answered from it.
	for (const path of paths) {
		await visit(page, path);
		expect(fromPageCache(await visit(page, path)), path).toBe(true);
		await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
	}

	const student = await createUser(app, 'student', 'cache');
	app.db
		.prepare('update users set display_name = ? where id = ?')
		.run('Dana Cache-Reader', student.id);
	await page.goto('/login');
	await page.getByLabel('Username').fill(student.username);
	await page.getByLabel('Password').fill(student.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(header).toContainText('Dana Cache-Reader');

	for (const path of paths) {
		const response = await visit(page, path);
		expect(fromPageCache(response), path).toBe(false);
		expect(response?.headers()['cache-control'], path).toBe('private, no-store');
		await expect(header, path).toContainText('Dana Cache-Reader');
		await expect(header.getByRole('link', { name: 'Sign in' }), path).toHaveCount(0);
	}

	await header.getByRole('button', { name: 'Sign out' }).click();
	await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
	for (const path of paths) {
		expect(fromPageCache(await visit(page, path)), path).toBe(true);
		await expect(header.getByRole('link', { name: 'Sign in' }), path).toBeVisible();
		await expect(header, path).not.toContainText('Dana Cache-Reader');
	}
});
