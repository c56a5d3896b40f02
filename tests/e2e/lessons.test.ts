import { test, expect, expectAccessible, BUNDLED_LESSON } from './fixtures';

test('the home page lists every lesson of the speech with its summary and question count', async ({
	page,
	app
}) => {
	await page.goto('/');
	await expect(page).toHaveTitle(/Lessons · Sabaq/);
	const count = (
		app.db
			.prepare(`select count(*) as n from lessons l where l.active = 1 and ${BUNDLED_LESSON}`)
			.get() as { n: number }
	).n;
	expect(count).toBeGreaterThanOrEqual(10);
	const cards = page.locator('.lesson-list > li');
	await expect(cards).toHaveCount(count);
	await expect(cards.first()).toContainText(/min read/);
	await expect(cards.first()).toContainText(/\d+ questions?/);
	await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
});

test('a lesson card shows at most five lines of its summary, however tall its row', async ({
	page
}) => {
	await page.setViewportSize({ width: 1100, height: 900 });
	await page.goto('/');
	const heights = await page
		.locator('.lesson-card .summary')
		.evaluateAll((summaries) =>
			summaries.map((p) => p.clientHeight / parseFloat(getComputedStyle(p).lineHeight))
		);
	expect(heights.length).toBeGreaterThanOrEqual(10);
	// Cards in a row share the tallest one's height; the summary box itself must not stretch,
	// or the text past the ellipsis shows below it.
	for (const lines of heights) expect(lines).toBeLessThanOrEqual(5.05);
});

test('the main menu marks Lessons as the page on the home page, as the section on a lesson', async ({
	page
}) => {
	const lessons = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
		name: 'Lessons'
	});
	await page.goto('/');
	await expect(lessons).toHaveAttribute('aria-current', 'page');
	await page.locator('.lesson-list h2 a').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(lessons).toHaveAttribute('aria-current', 'true');
	await page.getByRole('link', { name: 'Take the quiz' }).click();
	await expect(lessons).toHaveAttribute('aria-current', 'true');
	await page.goto('/login');
	await expect(lessons).not.toHaveAttribute('aria-current');
});

test('a lesson reads well: title, summary, text, facts, neighbours and the quiz action', async ({
	page
}) => {
	await page.goto('/');
	await page.locator('.lesson-list h2 a').nth(1).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('.lesson-text p').first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Take the quiz' })).toBeVisible();
	await expect(page.locator('a[rel="prev"]')).toBeVisible();
	await expect(page.locator('a[rel="next"]')).toBeVisible();
	const sentences = page.locator('.lesson-text .sentence');
	expect(await sentences.count()).toBeGreaterThan(3);
	await expect(sentences.first()).toHaveAttribute('id', 's-1');
	// Sentences are separate elements, but the text still reads with spaces between them.
	const text = await page.locator('.lesson-text').innerText();
	expect(text).not.toMatch(/[a-z][.!?]["”]?[A-Z]/);
});

test('the lesson on water lists its figures and the byline stays out of the lesson text', async ({
	page,
	app
}) => {
	const row = app.db
		.prepare(`select slug from lessons l where body like '%176 villages%' and ${BUNDLED_LESSON}`)
		.get() as {
		slug: string;
	};
	await page.goto(`/lessons/${row.slug}`);
	await expect(page.getByRole('heading', { name: 'Key figures' })).toBeVisible();
	await expect(page.locator('aside')).toContainText('176');
	await expect(page.locator('.lesson-text')).not.toContainText('Kazakhstanskaya Pravda');
});

test('a sentence anchor scrolls to and highlights its sentence', async ({ page, app }) => {
	const row = app.db
		.prepare(
			`select slug from lessons l where ${BUNDLED_LESSON} order by position limit 1 offset 2`
		)
		.get() as {
		slug: string;
	};
	await page.goto(`/lessons/${row.slug}#s-3`);
	const target = page.locator('#s-3');
	await expect(target).toBeInViewport();
	const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(background).not.toBe('rgba(0, 0, 0, 0)');
});

test('an unknown lesson is a 404 page, not a crash', async ({ page }) => {
	const response = await page.goto('/lessons/no-such-lesson');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('the lesson pages work with the keyboard alone', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.keyboard.press('Enter');
	// Tab through to the first lesson link and open it.
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Tab');
		const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
		if (href?.startsWith('/lessons/')) break;
	}
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/lessons\//);
});

for (const path of ['/', '/login', '/register', '/lessons/__first__', '/lessons/__first__/quiz']) {
	test(`axe finds no violations on ${path}`, async ({ page, app }) => {
		const first = app.db
			.prepare(`select slug from lessons l where ${BUNDLED_LESSON} order by position limit 1`)
			.get() as {
			slug: string;
		};
		await page.goto(path.replace('__first__', first.slug));
		await expectAccessible(page);
	});
}

test('axe finds no violations on the error page and on a narrow phone screen', async ({
	page,
	app
}) => {
	await page.goto('/lessons/missing');
	await expectAccessible(page);
	await page.setViewportSize({ width: 375, height: 740 });
	const first = app.db
		.prepare(`select slug from lessons l where ${BUNDLED_LESSON} order by position limit 1`)
		.get() as {
		slug: string;
	};
	await page.goto(`/lessons/${first.slug}`);
	await expectAccessible(page);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth > document.documentElement.clientWidth
	);
	expect(overflow).toBe(false);
});

test('a lesson without questions says it has no quiz instead of offering one', async ({
	page,
	app
}) => {
	const counts = app.db
		.prepare(
			`select l.slug, (select count(*) from questions q where q.lesson_id = l.id and q.enabled = 1) as n
			 from lessons l where l.active = 1 and ${BUNDLED_LESSON} order by l.position`
		)
		.all() as { slug: string; n: number }[];
	const empty = counts.find((c) => c.n === 0);
	const asked = counts.find((c) => c.n > 0)!;
	expect(empty, 'a lesson of the speech with no question').toBeDefined();
	await page.goto(`/lessons/${empty!.slug}`);
	await expect(page.getByText('This lesson has no quiz')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Take the quiz' })).toHaveCount(0);
	await expectAccessible(page);
	await page.goto(`/lessons/${asked.slug}`);
	await expect(page.getByRole('link', { name: 'Take the quiz' })).toBeVisible();
	await page.goto('/');
	await expect(
		page.locator('.lesson-card', { has: page.locator(`a[href="/lessons/${empty!.slug}"]`) })
	).toContainText('No quiz');
});
