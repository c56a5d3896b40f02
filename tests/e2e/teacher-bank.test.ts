import { readFileSync } from 'node:fs';
import { parse as parseGift } from 'gift-pegjs';
import { XMLParser } from 'fast-xml-parser';
import { test, expect, createUser, expectAccessible } from './fixtures';
import { assignInUi, completeAttempt, createClassInUi, joinInUi, pageFor } from './teacher-helpers';

function firstLessonSlug(app: { db: import('better-sqlite3').Database }) {
	return (
		app.db
			.prepare(
				`select l.slug from lessons l join sources s on s.id = l.source_id
				 where s.owner_id is null and l.active = 1 order by l.position limit 1`
			)
			.get() as { slug: string }
	).slug;
}

test('exports download in every format with the enabled questions only', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const page = await pageFor(browser, app, teacher);
	const slug = firstLessonSlug(app);
	const enabled = (
		app.db
			.prepare(
				'select count(*) n from questions q join lessons l on l.id = q.lesson_id where l.slug = ? and q.enabled = 1'
			)
			.get(slug) as { n: number }
	).n;
	expect(enabled).toBeGreaterThan(2);

	const gift = await page.request.get(`/teacher/lessons/${slug}/export/gift`);
	expect(gift.status()).toBe(200);
	expect(gift.headers()['content-type']).toBe('text/plain; charset=utf-8');
	expect(gift.headers()['content-disposition']).toContain(`filename="${slug}-gift.txt"`);
	const parsed = parseGift(await gift.text()) as { type: string }[];
	expect(parsed.filter((q) => q.type !== 'Category')).toHaveLength(enabled);

	const xml = await page.request.get(`/teacher/lessons/${slug}/export/moodle-xml`);
	expect(xml.headers()['content-type']).toContain('application/xml');
	const quiz = new XMLParser({ ignoreAttributes: false }).parse(await xml.text()).quiz;
	expect(quiz.question).toHaveLength(enabled + 1); // plus the category

	const qti = await page.request.get(`/teacher/lessons/${slug}/export/qti`);
	expect(qti.headers()['content-type']).toBe('application/zip');
	expect((await qti.body()).subarray(0, 2).toString()).toBe('PK');

	const json = await page.request.get(`/teacher/lessons/${slug}/export/json`);
	expect(JSON.parse(await json.text()).questions).toHaveLength(enabled);

	expect((await page.request.get(`/teacher/lessons/${slug}/export/pdf`)).status()).toBe(404);
	expect((await page.request.get(`/teacher/lessons/no-such-lesson/export/gift`)).status()).toBe(
		404
	);
	const pupil = await pageFor(browser, app, student);
	expect((await pupil.request.get(`/teacher/lessons/${slug}/export/gift`)).status()).toBe(403);

	// Disabling a question removes it from the exports.
	await page.goto(`/teacher/lessons/${slug}/questions`);
	await expectAccessible(page);
	// On a phone each term (Answer, Explanation) sits above its value, which gets the full width.
	await page.setViewportSize({ width: 390, height: 800 });
	const explanation = page.locator('dl.pairs dd').nth(1);
	const term = (await page.locator('dl.pairs dt').nth(1).boundingBox())!;
	const value = (await explanation.boundingBox())!;
	expect(value.y).toBeGreaterThanOrEqual(term.y + term.height);
	expect(value.width).toBeGreaterThan(280);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.getByRole('button', { name: 'Disable question 1', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('is disabled');
	const after = await page.request.get(`/teacher/lessons/${slug}/export/json`);
	expect(JSON.parse(await after.text()).questions).toHaveLength(enabled - 1);
	await page.getByRole('button', { name: 'Enable question 1', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('is enabled');
	await Promise.all([page.context().close(), pupil.context().close()]);
});

test('a keyboard user keeps their place in the bank when switching a question off and on', async ({
	browser,
	app,
	teacher
}) => {
	const page = await pageFor(browser, app, teacher);
	const slug = firstLessonSlug(app);
	await page.goto(`/teacher/lessons/${slug}/questions`);
	const disable = page.getByRole('button', { name: 'Disable question 3', exact: true });
	await disable.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('is disabled');
	// Focus stays on the same question's control, far down the page, not back at the top.
	const enable = page.getByRole('button', { name: 'Enable question 3', exact: true });
	await expect(enable).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('is enabled');
	await expect(disable).toBeFocused();
	await page.context().close();
});

test('an edit shows in the bank while an earlier attempt keeps what was asked', async ({
	browser,
	app,
	teacher,
	student
}) => {
	test.setTimeout(90_000);
	const page = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(page, 'Curation class');
	const studentPage = await pageFor(browser, app, student);
	await joinInUi(studentPage, code);
	await assignInUi(page, classId, { count: 3 });
	const assignment = app.db
		.prepare('select id, lesson_id from assignments where class_id = ?')
		.get(classId) as { id: string; lesson_id: number };
	await studentPage.goto(`/assignments/${assignment.id}`);
	await studentPage.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(studentPage).toHaveURL(/\/attempts\//);
	const attemptId = new URL(studentPage.url()).pathname.split('/').pop()!;
	await completeAttempt(studentPage, app, attemptId);

	const asked = app.db
		.prepare(
			'select question_id, snapshot from attempt_questions where attempt_id = ? and position = 0'
		)
		.get(attemptId) as { question_id: string; snapshot: string };
	const oldPrompt = JSON.parse(asked.snapshot).prompt as string;
	const slug = (
		app.db.prepare('select slug from lessons where id = ?').get(assignment.lesson_id) as {
			slug: string;
		}
	).slug;

	// The app's database lives as long as the test worker: other tests may have edited it already.
	const versionBefore = (
		app.db.prepare('select version from questions where id = ?').get(asked.question_id) as {
			version: number;
		}
	).version;
	await page.goto(`/teacher/lessons/${slug}/questions/${asked.question_id}`);
	await expectAccessible(page);
	const newPrompt = `Edited for the e2e test: ${oldPrompt}`.slice(0, 480);
	await page.getByLabel('Question', { exact: true }).fill(newPrompt);
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page).toHaveURL(new RegExp(`/teacher/lessons/${slug}/questions`));
	const card = page.locator(`[id="q-${asked.question_id}"]`);
	await expect(card).toContainText(newPrompt);
	await expect(card).toContainText('Edited');
	await expect(card).toContainText(`Version ${versionBefore + 1}`);

	// An empty prompt is refused with a message, not saved.
	await page.goto(`/teacher/lessons/${slug}/questions/${asked.question_id}`);
	await page.getByLabel('Question', { exact: true }).fill('');
	await page.evaluate(() =>
		document.querySelector('form[action="?/save"]')?.setAttribute('novalidate', '')
	);
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page.getByRole('alert')).toContainText('The question needs at least 5 characters');

	// The teacher's view of the old attempt, and the student's, still show the old wording.
	await page.goto(`/teacher/attempts/${attemptId}`);
	await expect(page.getByText(oldPrompt, { exact: false }).first()).toBeVisible();
	await expect(page.getByText(newPrompt)).toHaveCount(0);
	await studentPage.goto(`/attempts/${attemptId}`);
	await expect(studentPage.getByText(newPrompt)).toHaveCount(0);

	// Statistics of the assignment and of the lesson count the attempt.
	await page.goto(`/teacher/classes/${classId}/assignments/${assignment.id}/stats`);
	await expect(page.getByText('1 finished attempt by 1 student')).toBeVisible();
	await expect(page.getByText('Well known: 80% or more correct')).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/teacher/lessons/${slug}/stats`);
	await expect(page.getByText('1 finished attempt by 1 student')).toBeVisible();
	await expectAccessible(page);
	// On a phone each question is a card as wide as the page, in plain words first.
	await page.setViewportSize({ width: 390, height: 800 });
	const firstQuestion = page.locator('.per-question > li').first();
	expect((await firstQuestion.boundingBox())!.width).toBeGreaterThan(330);
	await expect(firstQuestion).toContainText('Got it right:');
	await expectAccessible(page);
	await page.setViewportSize({ width: 1280, height: 800 });

	// A hand-written question joins the bank.
	await page.goto(`/teacher/lessons/${slug}/questions/new?type=true_false`);
	await expectAccessible(page);
	await page.getByLabel('Question', { exact: true }).fill('The lesson was written for this test.');
	await page.getByLabel('False').check();
	await page.getByRole('button', { name: 'Add question' }).click();
	await expect(page.getByText('The lesson was written for this test.')).toBeVisible();
	await expect(page.getByText('Written by a teacher').first()).toBeVisible();

	// Another teacher's stats of this lesson do not include this class.
	const other = await pageFor(browser, app, await createUser(app, 'teacher', 'other'));
	await other.goto(`/teacher/lessons/${slug}/stats`);
	await expect(other.getByText('0 finished attempts by 0 students')).toBeVisible();
	expect(
		(
			await other.request.get(`/teacher/classes/${classId}/assignments/${assignment.id}/stats`)
		).status()
	).toBe(404);
	await Promise.all([
		page.context().close(),
		studentPage.context().close(),
		other.context().close()
	]);
});

test('importing a pasted text makes lessons for its owner only', async ({
	browser,
	app,
	teacher
}) => {
	test.setTimeout(90_000);
	const page = await pageFor(browser, app, teacher);
	await page.goto('/teacher/import');
	await expectAccessible(page);
	// The main menu marks one page as current: the import, not also the classes above it.
	const current = page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]');
	await expect(current).toHaveCount(1);
	await expect(current).toHaveText('Import a text');

	// Bad input first: nothing sent, then a binary file.
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Paste' })).toContainText(
		'Paste a text or choose a .txt or .md file'
	);
	await page.getByLabel('Or upload a .txt or .md file').setInputFiles({
		name: 'photo.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3])
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'binary' })).toContainText('looks binary');
	await page.getByLabel('Or upload a .txt or .md file').setInputFiles({
		name: 'notes.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('hello')
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'not a' })).toContainText(
		'is not a .txt or .md file'
	);

	const text = readFileSync('tests/fixtures/texts/river-flood-report.txt', 'utf8');
	// A refused import gives back the whole pasted text, however long, ready to send again.
	const long = `${text}\n\n${text}`;
	expect(long.length).toBeGreaterThan(2000);
	await page.getByLabel('Paste the text').fill(long);
	await page.getByLabel('Or upload a .txt or .md file').setInputFiles({
		name: 'notes.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('Some notes.')
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'not both' })).toBeVisible();
	expect(await page.getByLabel('Paste the text').inputValue()).toBe(long.replace(/\r\n/g, '\n'));
	await page.getByLabel('Or upload a .txt or .md file').setInputFiles([]);
	await page.getByLabel('Title (optional)').fill('Flood report');
	await page.getByLabel('Paste the text').fill(text);
	const importId = await page.locator('input[name="importId"]').inputValue();
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page).toHaveURL(/\/teacher\/import\/[0-9a-f-]+$/);
	const jobPath = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import finished', {
		timeout: 30_000
	});
	await expectAccessible(page);
	const lessonLink = page
		.getByRole('main')
		.getByRole('link')
		.filter({ hasNotText: /Review|Assign|Import/ })
		.first();
	const href = (await lessonLink.getAttribute('href'))!;
	const slug = href.split('/').pop()!;

	// The same form sent again (a double click, a resend from history) shows the same import.
	const resend = (from: typeof page) =>
		from.request.post('/teacher/import?/import', {
			multipart: { importId, title: 'Flood report', text },
			headers: { origin: app.baseURL, accept: 'text/html' },
			maxRedirects: 0
		});
	const again = await resend(page);
	expect(again.status()).toBe(303);
	expect(again.headers()['location']).toBe(jobPath);
	const importsOf = (ownerId: string) =>
		(
			app.db.prepare('select count(*) n from sources where owner_id = ?').get(ownerId) as {
				n: number;
			}
		).n;
	expect(importsOf(teacher.id)).toBe(1);

	await page.goto('/teacher/import');
	await expect(page.getByRole('heading', { name: 'Flood report' })).toBeVisible();
	// The lesson list names each text above its own lessons, numbered from 1 in each.
	await page.goto('/');
	const speech = app.db
		.prepare('select title from sources where owner_id is null order by id limit 1')
		.get() as { title: string };
	const texts = page.getByRole('main').getByRole('heading', { level: 2 });
	await expect(texts).toHaveText([speech.title, 'Flood report']);
	const flood = page.getByRole('region', { name: 'Flood report' });
	await expect(flood.getByRole('heading', { level: 3 }).first()).toBeVisible();
	await expect(flood.locator('.topic').first()).toContainText('Lesson 1 ·');
	await expect(flood.locator(`a[href="${href}"]`)).toBeVisible();
	await expectAccessible(page);
	await page.goto('/teacher');
	await expect(page.getByRole('table', { name: 'Lessons you can assign' })).toContainText(
		'Flood report'
	);
	expect((await page.request.get(`/teacher/lessons/${slug}/export/gift`)).status()).toBe(200);

	const rival = await createUser(app, 'teacher', 'rival');
	const other = await pageFor(browser, app, rival);
	// Another teacher sending that form is refused, and nothing is imported for anyone.
	const foreign = await resend(other);
	expect(foreign.status()).toBe(400);
	expect(await foreign.text()).toContain('This form is out of date');
	expect(importsOf(rival.id)).toBe(0);
	expect(importsOf(teacher.id)).toBe(1);
	for (const path of [
		`/lessons/${slug}`,
		`/teacher/lessons/${slug}/questions`,
		`/teacher/lessons/${slug}/stats`,
		`/teacher/lessons/${slug}/export/json`
	]) {
		expect((await other.request.get(path)).status(), path).toBe(404);
	}
	await other.goto('/teacher');
	await expect(other.getByRole('table', { name: 'Lessons you can assign' })).not.toContainText(
		'Flood report'
	);
	// One text, no shelf headings: the lessons' own titles are the level-2 headings.
	await other.goto('/');
	await expect(other.getByRole('main')).toContainText('lessons from');
	await expect(other.getByRole('main')).not.toContainText('Flood report');
	await expect(other.getByRole('main').getByRole('heading', { level: 3 })).toHaveCount(0);

	// A job left running by a server that stopped is reported, not shown as running forever.
	app.db
		.prepare("insert into import_jobs (id, owner_id, status, message) values (?, ?, 'running', '')")
		.run('stale-job', teacher.id);
	await page.goto('/teacher/import/stale-job');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The import failed');
	await expect(page.getByRole('alert')).toContainText('interrupted');
	await expectAccessible(page);
	expect((await other.request.get('/teacher/import/stale-job')).status()).toBe(404);

	// Deleting the import removes its lessons.
	await page.goto('/teacher/import');
	page.once('dialog', (dialog) => {
		expect(dialog.message()).toContain('Delete “Flood report” with its lessons');
		void dialog.accept();
	});
	await page.getByRole('button', { name: 'Delete Flood report' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toBeVisible();
	expect((await page.request.get(`/lessons/${slug}`)).status()).toBe(404);
	await Promise.all([page.context().close(), other.context().close()]);
});
