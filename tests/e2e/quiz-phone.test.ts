import type { Browser, Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	signInAs,
	test,
	type AppServer,
	type TestUser
} from './fixtures';
import { attemptIdFromUrl, attemptSnapshots, fillAnswer } from './quiz-helpers';
import { pageFor } from './teacher-helpers';

/** The bundled lesson with the most questions. */
function richestLesson(app: AppServer): string {
	return (
		app.db
			.prepare(
				`select l.slug from lessons l join sources s on s.id = l.source_id
				 join questions q on q.lesson_id = l.id
				 where s.owner_id is null and q.enabled = 1 and q.owner_id is null
				 group by l.id order by count(*) desc limit 1`
			)
			.get() as { slug: string }
	).slug;
}

async function phone(browser: Browser, app: AppServer, user: TestUser, javaScript: boolean) {
	const context = await browser.newContext({
		baseURL: app.baseURL,
		viewport: { width: 390, height: 844 },
		javaScriptEnabled: javaScript
	});
	const page = await context.newPage();
	await signInAs(page, app, user);
	return page;
}

const plain = (text: string) =>
	` ${text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()} `;

/** How often the feedback quotes the question's source sentence (five of its words in a row). */
function timesQuoted(feedback: string, sentence: string, key: string): number {
	const keyWords = new Set(plain(key).trim().split(' '));
	const words = plain(sentence).trim().split(' ');
	for (let i = 0; i + 5 <= words.length; i++) {
		const run = words.slice(i, i + 5);
		if (run.some((w) => keyWords.has(w))) continue;
		return plain(feedback).split(` ${run.join(' ')} `).length - 1;
	}
	return 0;
}

async function startPractice(page: Page, app: AppServer) {
	await page.goto(`/lessons/${richestLesson(app)}/quiz`);
	await page.getByRole('button', { name: 'Start the practice quiz' }).click();
	await page.waitForURL(/\/attempts\//);
}

for (const javaScript of [true, false]) {
	test(`on a 390 px phone the verdict and the next question share the screen (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
		browser,
		app,
		student
	}) => {
		const page = await phone(browser, app, student, javaScript);
		await startPractice(page, app);
		const questions = attemptSnapshots(app, attemptIdFromUrl(page));
		const total = questions.length;
		expect(total).toBeGreaterThan(2);
		for (let position = 0; position < Math.min(3, total - 1); position++) {
			const q = questions[position];
			await fillAnswer(page, q, position % 2 === 1);
			await page.getByRole('button', { name: 'Check answer' }).click();
			const verdict = page.getByRole('heading', { level: 2, name: /Correct|Not quite|Partly/ });
			// Focus is on the verdict, which is on screen without scrolling...
			await expect(verdict).toBeFocused();
			await expect(verdict).toBeInViewport({ ratio: 1 });
			// ...and so is the next question, whose number is announced (or found as a heading).
			const next = questions[position + 1];
			const card = page.locator('form.question-card');
			await expect(card.getByText(next.prompt, { exact: true })).toBeInViewport({ ratio: 1 });
			await expect(
				page.getByRole('heading', { name: `Next question: ${position + 2} of ${total}` })
			).toBeAttached();
			if (javaScript) {
				await expect(page.locator('#announcer')).toHaveText(
					`Next question: ${position + 2} of ${total}`
				);
			}
			// The feedback quotes the source sentence at most once.
			const feedback = await page.locator(`.feedback[data-position="${position}"]`).innerText();
			expect(
				timesQuoted(feedback, q.source.sentence, String(q.answer)),
				feedback
			).toBeLessThanOrEqual(1);
		}
		// axe runs in the page's JavaScript: checked on the page with it.
		if (javaScript) await expectAccessible(page);
		await page.context().close();
	});
}

test('at 1280 px the verdict has the focus and the next question follows it', async ({
	browser,
	app,
	student
}) => {
	const page = await pageFor(browser, app, student);
	await page.setViewportSize({ width: 1280, height: 900 });
	await startPractice(page, app);
	const questions = attemptSnapshots(app, attemptIdFromUrl(page));
	await fillAnswer(page, questions[0], false);
	await page.getByRole('button', { name: 'Check answer' }).click();
	await expect(page.getByRole('heading', { level: 2, name: /Not quite/ })).toBeFocused();
	await expect(
		page.locator('form.question-card').getByText(questions[1].prompt, { exact: true })
	).toBeInViewport({ ratio: 1 });
	await expectAccessible(page);
	await page.context().close();
});

test('a numeric question names its unit in the hint: "Type a number. Unit: years."', async ({
	browser,
	app,
	teacher
}) => {
	const page = await pageFor(browser, app, teacher);
	// A lesson of the teacher's own version gets a numeric question; her practice asks it.
	const slug = (
		app.db
			.prepare(
				`select l.slug from lessons l join sources s on s.id = l.source_id
				 join questions q on q.lesson_id = l.id
				 where s.owner_id is null and q.enabled = 1 and q.owner_id is null
				 group by l.id order by count(*) limit 1`
			)
			.get() as { slug: string }
	).slug;
	const prompt = 'How many years did the Karaganda Master Plan stay in force?';
	await page.goto(`/teacher/lessons/${slug}/questions/new?type=numeric`);
	await page.getByLabel('Question', { exact: true }).fill(prompt);
	await page.getByLabel('Answer (a number)').fill('16');
	await page.getByLabel('Unit').fill('years');
	await page.getByRole('button', { name: 'Add question' }).click();
	await expect(page.getByText(prompt)).toBeVisible();
	await page.goto(`/lessons/${slug}/quiz`);
	const field = page.getByLabel(prompt);
	await expect(field).toHaveAccessibleDescription('Type a number. Unit: years.');
	await expect(page.getByText('Type a number. Unit: years.', { exact: true })).toBeVisible();
	await page.context().close();
});
