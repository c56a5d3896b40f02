import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { createUser, expect, expectAccessible, test, type AppServer } from './fixtures';
import { englishWords, visitIn } from './language-check';
import { assignInUi, completeAttempt, createClassInUi, joinInUi, pageFor } from './teacher-helpers';

// The teacher's pages in Kazakh and Russian: <html lang>, no English word outside the lesson's own
// text (its title, questions and answers, marked with the lang of their source), axe clean. The
// class, an assignment and its statistics, a student and one attempt, the question bank and
// editor, the lesson's statistics, the worksheet and its key, the import form and a finished job.

/**
 * Latin words that are names, not English, besides the brand: file formats and keys named on the
 * import and print pages, the QR code and the example of a made-up username (aigerim.s42). Codes
 * and addresses are marked lang="zxx" (no language) on the pages themselves.
 */
const ALLOWED = ['CSV', 'QR', 'QR-', 'UTF-', 'txt', 'md', 'Ctrl', 'aigerim'];

async function pageIn(browser: Browser, app: AppServer, locale: 'kk' | 'ru', token: string) {
	const context = await visitIn(browser, app.baseURL, locale, token);
	return context.newPage();
}

/** Screenshots for looking at the layout, when SCREENSHOTS names a folder. */
async function screenshot(page: Page, name: string) {
	const folder = process.env.SCREENSHOTS;
	if (!folder) return;
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('the teacher’s pages in Kazakh and Russian', async ({ browser, app }) => {
	test.setTimeout(240_000);
	const teacher = await createUser(app, 'teacher');
	const student = await createUser(app, 'student');
	// Names in Cyrillic, as in a Kazakh school; the lesson keeps its English title.
	app.db
		.prepare('update users set display_name = ?, username = ? where id = ?')
		.run('Сәуле Ахметова', 'сәуле.а', teacher.id);
	app.db
		.prepare('update users set display_name = ?, username = ? where id = ?')
		.run('Әйгерім Сейітова', 'әйгерім.с', student.id);

	// Set up in English, as the helpers speak it: a class, an assignment, a finished attempt, an import.
	const setup = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(setup, '9 Ә сыныбы');
	await assignInUi(setup, classId, { count: 3 });
	const assignment = app.db
		.prepare('select id, lesson_id as lessonId from assignments where class_id = ?')
		.get(classId) as { id: string; lessonId: number };
	const { slug } = app.db
		.prepare('select slug from lessons where id = ?')
		.get(assignment.lessonId) as {
		slug: string;
	};
	const question = app.db
		.prepare('select id from questions where lesson_id = ? and owner_id is null order by position')
		.get(assignment.lessonId) as { id: string };

	const learner = await pageFor(browser, app, student);
	await joinInUi(learner, code);
	await learner.goto(`/assignments/${assignment.id}`);
	await learner.getByRole('button', { name: /^Start/ }).click();
	await expect(learner).toHaveURL(/\/attempts\//);
	const attemptId = new URL(learner.url()).pathname.split('/').pop()!;
	await completeAttempt(learner, app, attemptId, [0]);

	await setup.goto('/teacher/import');
	await setup.getByLabel('Title (optional)').fill('River report');
	await setup
		.getByLabel('Paste the text')
		.fill(readFileSync('tests/fixtures/texts/river-flood-report.txt', 'utf8'));
	await setup.getByRole('button', { name: 'Import' }).click();
	await expect(setup.getByRole('heading', { level: 1, name: /^Import finished/ })).toBeVisible({
		timeout: 60_000
	});
	const jobPath = new URL(setup.url()).pathname;

	const pages: [string, string][] = [
		['class', `/teacher/classes/${classId}`],
		['add-students', `/teacher/classes/${classId}/add-students`],
		['assignment', `/teacher/classes/${classId}/assignments/${assignment.id}`],
		['assignment-stats', `/teacher/classes/${classId}/assignments/${assignment.id}/stats`],
		['student', `/teacher/classes/${classId}/students/${student.id}`],
		['student-password', `/teacher/classes/${classId}/students/${student.id}/password`],
		['attempt', `/teacher/attempts/${attemptId}`],
		['bank', `/teacher/lessons/${slug}/questions`],
		['editor', `/teacher/lessons/${slug}/questions/${encodeURIComponent(question.id)}`],
		['new-question', `/teacher/lessons/${slug}/questions/new?type=matching`],
		['lesson-stats', `/teacher/lessons/${slug}/stats`],
		['worksheet', `/teacher/lessons/${slug}/worksheet`],
		['answer-key', `/teacher/lessons/${slug}/worksheet/key`],
		['import', '/teacher/import'],
		['import-job', jobPath]
	];
	for (const locale of ['kk', 'ru'] as const) {
		const page = await pageIn(browser, app, locale, teacher.token);
		for (const [name, path] of pages) {
			await page.goto(path);
			await expect(page.locator('html'), path).toHaveAttribute('lang', locale);
			expect.soft(await englishWords(page, ALLOWED), `${locale} ${path}`).toEqual([]);
			await expectAccessible(page);
			await screenshot(page, `${locale}-${name}`);
		}

		// A refused form answers in the page's language too.
		await page.goto(`/teacher/classes/${classId}`);
		const assign = page.locator('form[action="?/assign"]');
		await assign.evaluate((form) => form.setAttribute('novalidate', ''));
		await assign.locator('select[name="lessonId"]').selectOption({ index: 1 });
		await assign.locator('input[name="questionCount"]').fill('99');
		await assign.locator('button[type="submit"]').click();
		await expect(page.getByRole('alert').filter({ hasText: /\d/ })).toContainText(
			locale === 'kk' ? 'бүтін сан' : 'целое число'
		);
		expect(await englishWords(page, ALLOWED)).toEqual([]);
		await page.context().close();
	}
});
