import type { Page } from '@playwright/test';
import { createUser, expect, expectAccessible, test, type AppServer } from './fixtures';
import { attemptIdFromUrl, attemptSnapshots, fillAnswer } from './quiz-helpers';
import { createClassInUi, joinInUi, pageFor } from './teacher-helpers';

/**
 * A bundled lesson whose quiz asks every question of its bank (each from its own sentence, ten at
 * most) and has a fill-in: every practice quiz on it asks the same questions.
 */
function wholeBankLesson(app: AppServer): string {
	return (
		app.db
			.prepare(
				`select l.slug from lessons l join sources s on s.id = l.source_id
				 join questions q on q.lesson_id = l.id
				 where s.owner_id is null and q.enabled = 1 and q.owner_id is null
				 group by l.id
				 having count(*) between 2 and 10 and sum(q.type = 'fill_blank') >= 1
				    and count(distinct json_extract(q.data, '$.source.sentenceIndex')) = count(*)
				 order by count(*) desc limit 1`
			)
			.get() as { slug: string }
	).slug;
}

/** A practice quiz on the lesson: the fill-in gets `typed`, the other questions right or wrong. */
async function practise(page: Page, app: AppServer, slug: string, typed: string, right: boolean) {
	await page.goto(`/lessons/${slug}/quiz`);
	await page.getByRole('button', { name: 'Start the practice quiz' }).click();
	await page.waitForURL(/\/attempts\//);
	const questions = attemptSnapshots(app, attemptIdFromUrl(page));
	for (const q of questions) {
		if (q.type === 'fill_blank') await page.locator('input[name="answer"]').fill(typed);
		else await fillAnswer(page, q, right);
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(
			page.getByRole('heading', { level: 2, name: /Correct|Not quite|Partly/ })
		).toBeFocused();
	}
	return questions;
}

test('question statistics in plain words: most missed first, common wrong answers, unasked folded away', async ({
	browser,
	app,
	teacher
}) => {
	test.setTimeout(120_000);
	const page = await pageFor(browser, app, teacher);
	const { code } = await createClassInUi(page, 'Statistics class');
	const slug = wholeBankLesson(app);
	// Three students miss the fill-in: two type "Abay" (one in lower case), one "Kunanbaev".
	let asked: Awaited<ReturnType<typeof practise>> = [];
	for (const [typed, right] of [
		['Abay', true],
		['abay', true],
		['Kunanbaev', false]
	] as const) {
		const student = await pageFor(browser, app, await createUser(app, 'student'));
		await joinInUi(student, code);
		asked = await practise(student, app, slug, typed, right);
		await student.context().close();
	}
	const fillIn = asked.find((q) => q.type === 'fill_blank')!;

	// A question the teacher adds afterwards was asked of nobody.
	const added = 'How many years passed between the two plans, as the speech counts them?';
	await page.goto(`/teacher/lessons/${slug}/questions/new?type=numeric`);
	await page.getByLabel('Question', { exact: true }).fill(added);
	await page.getByLabel('Answer (a number)').fill('16');
	await page.getByRole('button', { name: 'Add question' }).click();
	await expect(page.getByText(added)).toBeVisible();

	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(`/teacher/lessons/${slug}/stats`);
		await expect(page.getByText('3 finished attempts by 3 students')).toBeVisible();
		const cards = page
			.getByRole('region', { name: 'Questions, most missed first' })
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { level: 3 }) });
		await expect(cards).toHaveCount(asked.length);
		// The fill-in nobody got right comes first, in plain words.
		const first = cards.first();
		await expect(first.getByRole('heading', { level: 3 })).toContainText(fillIn.prompt);
		await expect(first).toContainText(/Got it right:\s*0\s?%\s*\(0 of 3 answers\)/);
		await expect(first).toContainText('Told strong from weak students:');
		// Its most common wrong answers, with their counts.
		const wrong = first.getByRole('list', { name: 'Most common wrong answers' });
		await expect(wrong.getByRole('listitem')).toHaveText([
			'“Abay”: 2 times',
			'“Kunanbaev”: 1 time'
		]);
		// Shares right never go up down the page: most missed first.
		const shares = (await cards.locator('dd strong').allInnerTexts())
			.filter((t) => /%/.test(t))
			.map((t) => Number(t.replace(/[^\d.]/g, '')));
		expect(shares).toEqual([...shares].sort((a, b) => a - b));
		// The technical terms are in a note beside the plain words.
		const note = page.getByRole('complementary', { name: 'How to read these figures' });
		await expect(note).toContainText('difficulty');
		await expect(note).toContainText('discrimination');
		// The question nobody was asked is folded away; the keyboard opens it.
		const folded = page.getByText('1 question nobody was asked yet');
		await expect(page.getByText(added)).toBeHidden();
		await folded.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByText(added)).toBeVisible();
		await expectAccessible(page);
	}
	await page.context().close();
});
