import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createUser, expect, expectAccessible, signInAs, test, type AppServer } from './fixtures';
import { assignInUi, createClassInUi, joinInUi, pageFor } from './teacher-helpers';

/** A bundled lesson with at least three questions in use. */
function bundledLesson(app: AppServer): string {
	return (
		app.db
			.prepare(
				`select l.slug from lessons l join sources s on s.id = l.source_id
				 join questions q on q.lesson_id = l.id
				 where s.owner_id is null and q.enabled = 1 and q.owner_id is null
				 group by l.id having count(*) >= 3 order by count(*) desc limit 1`
			)
			.get() as { slug: string }
	).slug;
}

/** Imports a pasted text through the form and waits for the import's last page. */
async function importText(page: Page, title: string, text: string) {
	await page.goto('/teacher/import');
	await page.getByLabel('Title (optional)').fill(title);
	await page.getByLabel('Paste the text').fill(text);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: /^Import finished|failed/ })
	).toBeVisible({
		timeout: 60_000
	});
}

for (const javaScript of [true, false]) {
	test(`saving an edited question says "Saved" at its place in the bank (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
		browser,
		app,
		teacher
	}) => {
		const context = await browser.newContext({
			baseURL: app.baseURL,
			javaScriptEnabled: javaScript,
			viewport: { width: 390, height: 844 }
		});
		const page = await context.newPage();
		await signInAs(page, app, teacher);
		const slug = bundledLesson(app);
		await page.goto(`/teacher/lessons/${slug}/questions`);
		// The last question in the list: far down the page.
		const edit = page.getByRole('link', { name: /^Edit question \d+$/ }).last();
		const label = (await edit.textContent())!.replace('Edit', '').trim();
		await edit.click();
		const prompt = page.getByLabel('Question', { exact: true });
		await prompt.fill(`${await prompt.inputValue()} (checked)`);
		await page.getByRole('button', { name: 'Save question' }).click();
		await expect(page).toHaveURL(new RegExp(`/teacher/lessons/${slug}/questions\\?saved=`));
		const saved = page.getByRole('status').filter({ hasText: `Saved: ${label}` });
		await expect(saved).toBeVisible();
		await expect(saved).toBeFocused();
		await expect(saved).toBeInViewport({ ratio: 1 });
		// It stands in the card of the question that was edited.
		await expect(page.locator('.bank > li').filter({ has: saved })).toContainText('(checked)');
		if (javaScript) {
			await expect(page.locator('#announcer')).toContainText(`Saved: ${label}`);
			await expectAccessible(page);
		}
		await context.close();
	});
}

test('the student start button is named "Start" and the lesson, once', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const page = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(page, 'Start button class');
	const s = await pageFor(browser, app, student);
	await joinInUi(s, code);
	const title = await assignInUi(page, classId, { count: 3 });
	for (const width of [390, 1280]) {
		await s.setViewportSize({ width, height: 900 });
		await s.goto('/');
		const start = s.getByRole('button', { name: `Start ${title}`, exact: true });
		await expect(start).toBeVisible();
		await expectAccessible(s);
	}
	await Promise.all([page.context().close(), s.context().close()]);
});

test('a teacher renames her imported text and its lesson; another teacher cannot', async ({
	browser,
	app,
	teacher
}) => {
	test.setTimeout(90_000);
	const page = await pageFor(browser, app, teacher);
	const text = readFileSync('tests/fixtures/texts/river-flood-report.txt', 'utf8');
	await importText(page, 'River report', text);
	await page.goto('/teacher/import');
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'River report' }) });
	await card.getByText('Rename').first().click();
	await card.getByLabel('Title of the text').fill('Spring floods, 2024');
	await card.getByRole('button', { name: 'Rename the text' }).click();
	await expect(page.getByRole('status')).toContainText(
		'The text is now called “Spring floods, 2024”.'
	);
	await expect(page.getByRole('heading', { level: 3, name: 'Spring floods, 2024' })).toBeVisible();

	const renamed = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Spring floods, 2024' }) });
	await renamed.getByText('Rename').first().click();
	await renamed.getByLabel('Title of lesson 1').fill('When the river rose');
	await renamed.getByRole('button', { name: 'Rename lesson 1' }).click();
	await expect(page.getByRole('status')).toContainText(
		'The lesson is now called “When the river rose”.'
	);
	await renamed.getByRole('link', { name: 'When the river rose', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('When the river rose');
	await expectAccessible(page);

	// Another teacher's rename of it is refused, and nothing changes.
	const other = await pageFor(browser, app, await createUser(app, 'teacher', 'other'));
	const sourceId = (
		app.db.prepare("select id from sources where title = 'Spring floods, 2024'").get() as {
			id: number;
		}
	).id;
	const refused = await other.request.post('/teacher/import?/renameText', {
		form: { sourceId: String(sourceId), title: 'Taken over' },
		headers: { origin: app.baseURL, accept: 'text/html' }
	});
	expect(refused.status()).toBe(400);
	expect(
		(app.db.prepare('select title from sources where id = ?').get(sourceId) as { title: string })
			.title
	).toBe('Spring floods, 2024');
	await Promise.all([page.context().close(), other.context().close()]);
});

test('an import that made no question is a warning with the reason, not a success', async ({
	browser,
	app,
	teacher
}) => {
	test.setTimeout(90_000);
	const page = await pageFor(browser, app, teacher);
	const russian = Array.from(
		{ length: 8 },
		(_, i) =>
			`Аральское море когда-то было четвёртым по величине озером мира. Его реки отвели для орошения хлопковых полей в ${1960 + i} году, и море начало мелеть.`
	).join('\n\n');
	await importText(page, 'Аральское море', russian);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Import finished without questions'
	);
	const warning = page.getByRole('alert');
	await expect(warning).toContainText('Warning:');
	await expect(warning).toContainText(/English/);
	await expect(page.locator('.message.success')).toHaveCount(0);
	await expectAccessible(page);
	// The list of imports says so too.
	await page.goto('/teacher/import');
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Аральское море' }) });
	await expect(card).toContainText('No questions:');
	await page.context().close();
});

test('a printable worksheet of a lesson and its answer key, for teachers only', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const page = await pageFor(browser, app, teacher);
	const slug = bundledLesson(app);
	const keys = app.db
		.prepare(
			`select json_extract(data, '$.prompt') as prompt from questions where lesson_id = (select id from lessons where slug = ?) and enabled = 1 and owner_id is null`
		)
		.all(slug) as { prompt: string }[];
	await page.goto(`/teacher/lessons/${slug}/questions`);
	await page.getByRole('link', { name: 'Printable worksheet' }).click();
	const sheet = page.getByRole('article');
	await expect(sheet.getByRole('listitem').filter({ hasText: keys[0].prompt })).toBeVisible();
	await expect(sheet.getByText('Name:')).toBeVisible();
	// No answer on the worksheet: the key is a page of its own.
	await expect(page.getByText('Correct answer')).toHaveCount(0);
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await expectAccessible(page);
	}
	// On paper: no menu, breadcrumbs or buttons, the questions in a serif type.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
	await expect(page.getByRole('link', { name: 'Answer key' })).toBeHidden();
	await expect(sheet).toBeVisible();
	expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(
		/Georgia|serif/
	);
	await page.emulateMedia({ media: 'screen' });

	await page.getByRole('link', { name: 'Answer key' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Answer key');
	await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(keys.length);
	await expectAccessible(page);

	// A student never gets the key, nor the worksheet's page.
	const s = await pageFor(browser, app, student);
	for (const path of [
		`/teacher/lessons/${slug}/worksheet/key`,
		`/teacher/lessons/${slug}/worksheet`
	]) {
		const response = await s.goto(path);
		expect(response!.status()).toBe(403);
	}
	await Promise.all([page.context().close(), s.context().close()]);
});

test('a lesson prints as its text: no menu, buttons or forms', async ({ page, app }) => {
	const slug = bundledLesson(app);
	await page.goto(`/lessons/${slug}`);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.getByRole('link', { name: 'Take the quiz' })).toBeHidden();
	expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('16px');
});
