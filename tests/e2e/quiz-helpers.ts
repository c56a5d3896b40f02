import { expect, type Page } from '@playwright/test';
import type { AppServer } from './fixtures';

interface Snapshot {
	id: string;
	type: string;
	prompt: string;
	options: string[];
	answer?: unknown;
	accept?: string[];
	pairs?: [string, string][];
	explanation: string;
	source: { sentence: string; sentenceIndex: number };
}

/** The questions of an attempt exactly as asked, read from the test's own database. */
export function attemptSnapshots(app: AppServer, attemptId: string): Snapshot[] {
	return app.db
		.prepare('select snapshot from attempt_questions where attempt_id = ? order by position')
		.all(attemptId)
		.map((r) => JSON.parse((r as { snapshot: string }).snapshot));
}

export function attemptIdFromUrl(page: Page): string {
	const match = /\/attempts\/([0-9a-f-]{36})/.exec(page.url());
	if (!match) throw new Error(`not on an attempt page: ${page.url()}`);
	return match[1];
}

/** Fills the current question's form with the right answer, or a wrong one. */
export async function answerCurrent(page: Page, app: AppServer, correct: boolean) {
	const attemptId = attemptIdFromUrl(page);
	const position = Number(await page.locator('input[name="position"]').inputValue());
	const q = attemptSnapshots(app, attemptId)[position];
	await fillAnswer(page, q, correct);
	await page.getByRole('button', { name: 'Check answer' }).click();
	// The answer's feedback, with the next question (if any) below it on the same page.
	await expect(page.locator(`.feedback[data-position="${position}"]`)).toBeVisible();
	return q;
}

export async function fillAnswer(page: Page, q: Snapshot, correct: boolean, name = 'answer') {
	switch (q.type) {
		case 'multiple_choice': {
			const value = correct ? String(q.answer) : q.options.find((o) => o !== q.answer)!;
			await page.locator(`input[name="${name}"][value="${cssEscape(value)}"]`).check();
			break;
		}
		case 'true_false': {
			const value = (correct ? q.answer : !q.answer) ? 'True' : 'False';
			await page.locator(`input[name="${name}"][value="${value}"]`).check();
			break;
		}
		case 'fill_blank':
			await page.locator(`input[name="${name}"]`).fill(correct ? String(q.answer) : 'zzz wrong');
			break;
		case 'numeric':
			await page.locator(`input[name="${name}"]`).fill(correct ? String(q.answer) : '-987654');
			break;
		case 'matching': {
			const pairs = q.pairs!;
			for (let i = 0; i < pairs.length; i++) {
				const right = correct ? pairs[i][1] : pairs[(i + 1) % pairs.length][1];
				await page.locator(`select[name="${name}-${i}"]`).selectOption(right);
			}
			break;
		}
	}
}

function cssEscape(value: string) {
	return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Answers every remaining question; `pattern(i)` says whether answer i is right. */
export async function finishQuiz(page: Page, app: AppServer, pattern: (i: number) => boolean) {
	const results = page.getByRole('link', { name: 'See your results' });
	for (let i = 0; i < 50; i++) {
		await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
		await answerCurrent(page, app, pattern(i));
		if (await results.isVisible()) {
			// The verdict on the last answer is still the quiz; the results come on the next page.
			await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Results');
			await results.click();
			await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');
			return;
		}
	}
	throw new Error('quiz did not finish');
}

export async function startQuiz(page: Page) {
	await page.getByRole('button', { name: 'Start the practice quiz' }).click();
	await page.waitForURL(/\/attempts\//);
	await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
}
