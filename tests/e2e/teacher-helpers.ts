import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, signInAs, type AppServer, type TestUser } from './fixtures';

/** A fresh browser context signed in as this user. */
export async function pageFor(browser: Browser, app: AppServer, user: TestUser): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.baseURL });
	const page = await context.newPage();
	await signInAs(page, app, user);
	return page;
}

export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations.map(
			(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' | ')})`
		)
	).toEqual([]);
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
	await page.getByRole('button', { name: 'Join class' }).click();
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

interface Snapshot {
	type: string;
	answer?: string | number | boolean;
	pairs?: [string, string][];
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
	const rows = app.db
		.prepare(
			'select position, snapshot from attempt_questions where attempt_id = ? order by position'
		)
		.all(attemptId) as { position: number; snapshot: string }[];
	const byPosition = new Map(rows.map((r) => [r.position, JSON.parse(r.snapshot) as Snapshot]));
	await page.goto(`/attempts/${attemptId}`);
	for (let i = 0; i < rows.length; i++) {
		const position = Number(await page.locator('input[name="position"]').inputValue());
		const q = byPosition.get(position)!;
		await answer(page, q, wrong.includes(position));
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(page.locator(`.feedback[data-position="${position}"]`)).toBeVisible();
	}
	await page.getByRole('link', { name: 'See your results' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');
}

async function answer(page: Page, q: Snapshot, wrong: boolean) {
	const form = page.locator('form[action="?/answer"]');
	switch (q.type) {
		case 'multiple_choice': {
			const radios = form.locator('input[name="answer"]');
			const n = await radios.count();
			for (let k = 0; k < n; k++) {
				const value = await radios.nth(k).getAttribute('value');
				if ((value === q.answer) !== wrong) return radios.nth(k).check();
			}
			throw new Error('No option to pick');
		}
		case 'true_false': {
			const value = (q.answer === true) !== wrong ? 'True' : 'False';
			await form.locator(`input[name="answer"][value="${value}"]`).check();
			return;
		}
		case 'fill_blank':
			await form.locator('input[name="answer"]').fill(wrong ? 'zzzz qqqq' : String(q.answer));
			return;
		case 'numeric':
			await form.locator('input[name="answer"]').fill(wrong ? '-987654' : String(q.answer));
			return;
		case 'matching': {
			const pairs = q.pairs ?? [];
			for (let i = 0; i < pairs.length; i++) {
				const right = wrong ? pairs[(i + 1) % pairs.length][1] : pairs[i][1];
				await form.locator(`select[name="answer-${i}"]`).selectOption(right);
			}
			return;
		}
	}
}
