import type { Browser, Page } from '@playwright/test';
import { expect, signInAs, type AppServer, type TestUser } from './fixtures';
import { finishQuiz } from './quiz-helpers';

/** A fresh browser context signed in as this user. */
export async function pageFor(browser: Browser, app: AppServer, user: TestUser): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.baseURL });
	const page = await context.newPage();
	await signInAs(page, app, user);
	return page;
}

/** Creates a class through the teacher home page; returns its id and join code. */
export async function createClassInUi(page: Page, name: string) {
	await page.goto('/teacher');
	await page.getByLabel('Class name').fill(name);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const classId = new URL(page.url()).pathname.split('/').pop()!;
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	return { classId, code };
}

export async function joinInUi(page: Page, code: string) {
	await page.goto('/join');
	await page.getByLabel('Join code').fill(code);
	// Done once the server has answered: a page opened sooner may not see the class yet.
	const answered = page.waitForResponse(
		(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/join'
	);
	await page.getByRole('button', { name: 'Join class' }).click();
	await answered;
}

/** Assigns the first lesson in the list from the class page; returns the lesson title. */
export async function assignInUi(
	page: Page,
	classId: string,
	options: { count?: number; attempts?: number; due?: string } = {}
) {
	await page.goto(`/teacher/classes/${classId}`);
	const form = page.locator('form[action="?/assign"]');
	const select = form.getByLabel('Lesson');
	await select.selectOption({ index: 1 });
	const title = (await select.locator('option:checked').textContent())!.trim();
	await form.getByLabel('Number of questions').fill(String(options.count ?? 3));
	await form.getByLabel('Attempts allowed').fill(String(options.attempts ?? 0));
	if (options.due) await form.getByLabel('Due date and time').fill(options.due);
	await form.getByRole('button', { name: 'Assign' }).click();
	await expect(page.locator('main').getByText('The lesson was assigned.')).toBeVisible();
	return title;
}

/**
 * Answers every question of an attempt through the real quiz page, reading the key from the
 * database; `wrong` lists positions to answer wrongly.
 */
export async function completeAttempt(
	page: Page,
	app: AppServer,
	attemptId: string,
	wrong: number[] = []
) {
	await page.goto(`/attempts/${attemptId}`);
	// A fresh attempt asks its questions in order, so the i-th answer is position i.
	await finishQuiz(page, app, (i) => !wrong.includes(i));
}
