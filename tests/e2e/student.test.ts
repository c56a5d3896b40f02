import {
	test,
	expect,
	expectAccessible,
	signInAs,
	sessionCookie,
	BUNDLED_LESSON
} from './fixtures';
import {
	answerCurrent,
	attemptIdFromUrl,
	attemptSnapshots,
	fillAnswer,
	finishQuiz,
	startQuiz
} from './quiz-helpers';
import type { AppServer } from './fixtures';

/**
 * The lesson whose bank covers the most sentences (at least five), so it gives a quiz of five:
 * a quiz asks one question per sentence.
 */
function lessonWithQuestions(app: AppServer): string {
	return (
		app.db
			.prepare(
				`select l.slug, (select count(distinct json_extract(q.data, '$.source.sentenceIndex'))
				        from questions q where q.lesson_id = l.id and q.enabled = 1) as covered
				 from lessons l where covered >= 5 and ${BUNDLED_LESSON}
				 order by covered desc, l.position limit 1`
			)
			.get() as { slug: string }
	).slug;
}

test('take a quiz: progress, feedback with the source, results, history and retry of the missed', async ({
	page,
	app,
	student
}) => {
	await signInAs(page, app, student);
	const slug = lessonWithQuestions(app);
	await page.goto(`/lessons/${slug}/quiz`);
	await expectAccessible(page);
	await page.getByLabel('Number of questions').selectOption('5');
	await page.getByRole('button', { name: 'Start the practice quiz' }).click();
	await expect(page).toHaveURL(/\/attempts\//);
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	await expectAccessible(page);

	// A wrong answer: words and an icon, the right answer, and a link to the source sentence.
	const first = await answerCurrent(page, app, false);
	const feedback = page.locator('.feedback');
	await expect(feedback.getByRole('heading')).toContainText('Not quite');
	await expect(feedback).toContainText('Correct answer');
	const source = feedback.getByRole('link', { name: 'Read it in the lesson' });
	await expect(source).toHaveAttribute('href', `/lessons/${slug}#s-${first.source.sentenceIndex}`);
	// Focus is on the verdict (announced when it gets the focus).
	await expect(feedback.getByRole('heading', { name: 'Not quite' })).toBeFocused();
	// The next question comes with the feedback: no extra page load, and a heading leads to it.
	await expect(page.getByRole('heading', { level: 2, name: 'Next question: 2 of 5' })).toHaveCount(
		1
	);
	await expect(page.getByText('Question 2 of 5')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
	await expectAccessible(page);

	// Questions 2..5: right except the 4th.
	await finishQuiz(page, app, (i) => i !== 2);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');
	await expect(page.getByRole('status').first()).toContainText('60%');
	await expect(page.locator('main').getByText('3 of 5 correct')).toBeVisible();
	await expect(page.getByText(/Time taken/)).toBeVisible();
	await expectAccessible(page);
	const attemptId = attemptIdFromUrl(page);
	const stored = app.db
		.prepare('select count(*) as n, sum(correct) as c from answers where attempt_id = ?')
		.get(attemptId) as { n: number; c: number };
	expect(stored).toEqual({ n: 5, c: 3 });

	// History: the attempt with its score, the per-lesson table and the chart.
	await page.goto('/history');
	await expect(page.getByRole('img', { name: 'Quiz scores over time' })).toBeVisible();
	await expect(page.locator('table').first()).toContainText('60%');
	await expectAccessible(page);

	// The home page shows the lesson's progress.
	await page.goto('/');
	await expect(
		page.locator('.lesson-card', { has: page.locator(`a[href="/lessons/${slug}"]`) })
	).toContainText('Best 60%');

	// Retry the two missed questions only.
	await page.goto(`/attempts/${attemptId}`);
	await page.getByRole('button', { name: 'Retry the 2 I missed' }).click();
	await expect(page.getByText('Question 1 of 2')).toBeVisible();
	const retryId = attemptIdFromUrl(page);
	const missedIds = (
		app.db
			.prepare(
				'select question_id as id from answers where attempt_id = ? and correct = 0 order by question_id'
			)
			.all(attemptId) as { id: string }[]
	).map((r) => r.id);
	const retryIds = attemptSnapshots(app, retryId)
		.map((q) => q.id)
		.sort();
	expect(retryIds).toEqual(missedIds);
	await finishQuiz(page, app, () => true);
	await expect(page.locator('main').getByText('2 of 2 correct')).toBeVisible();
});

test('the review queue brings back missed questions and schedules the next review', async ({
	page,
	app,
	student
}) => {
	await signInAs(page, app, student);
	await page.goto('/review');
	await expect(page.getByText('Nothing is due for review today.')).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/lessons/${lessonWithQuestions(app)}/quiz`);
	await page.getByLabel('Number of questions').selectOption('5');
	await page.getByRole('button', { name: 'Start the practice quiz' }).click();
	await finishQuiz(page, app, (i) => i >= 2);

	await page.goto('/review');
	await expect(page.getByText('2 questions are due today.')).toBeVisible();
	await expectAccessible(page);
	const questionId = await page.locator('input[name="questionId"]').inputValue();
	const q = app.db.prepare('select data from questions where id = ?').get(questionId) as {
		data: string;
	};
	await fillAnswer(page, JSON.parse(q.data), true);
	await page.getByRole('button', { name: 'Check answer' }).click();
	await expect(page.locator('.feedback')).toContainText('Correct');
	await expect(page.getByText('Next review of this question:')).toBeVisible();
	const card = app.db
		.prepare('select due from review_cards where user_id = ? and question_id = ?')
		.get(student.id, questionId) as { due: number };
	expect(card.due).toBeGreaterThan(Date.now());
	await page.getByRole('link', { name: 'Next question' }).click();
	await expect(page.getByText('1 question is due today.')).toBeVisible();
});

test('no page or response holds an answer key before the question is answered', async ({
	page,
	app,
	student,
	request
}) => {
	await signInAs(page, app, student);
	await page.goto(`/lessons/${lessonWithQuestions(app)}/quiz`);
	await startQuiz(page);
	const attemptId = attemptIdFromUrl(page);
	const questions = attemptSnapshots(app, attemptId);
	const cookie = sessionCookie(student);
	for (let i = 0; i < questions.length; i++) {
		const q = questions[i];
		const html = await (
			await request.get(`/attempts/${attemptId}`, { headers: { cookie } })
		).text();
		const data = await (
			await request.get(`/attempts/${attemptId}/__data.json`, { headers: { cookie } })
		).text();
		const scripts = await page.evaluate(() =>
			[...document.scripts].map((s) => s.textContent ?? '').join('\n')
		);
		// The page as shown: after the first answer, its feedback and this question below it.
		const shown = await page.locator('main').innerHTML();
		for (const body of [html, data, scripts, shown]) {
			// A true statement may be its source sentence word for word; anything else holds the key.
			if (!q.prompt.includes(q.source.sentence)) {
				expect(body).not.toContain(q.explanation);
				expect(body).not.toContain(q.source.sentence);
			}
			expect(body).not.toMatch(/"(answer|accept|pairs|tolerance)"\s*:/);
			if (q.type === 'matching') {
				for (const [left, right] of q.pairs!) expect(body).not.toContain(`${left} → ${right}`);
			}
		}
		if (q.type === 'fill_blank') {
			// The question form itself (the lesson title may share a word with the answer), as
			// loaded and as shown; it must be there to be checked.
			for (const body of [html, shown]) {
				const question = /<form[^>]*question-card[\s\S]*?<\/form>/.exec(body)?.[0];
				expect(question).toBeDefined();
				expect(question!.toLowerCase()).not.toContain(String(q.answer).toLowerCase());
			}
		}
		await answerCurrent(page, app, true);
	}
});

test('answering twice (double click, replay) records one answer', async ({
	page,
	app,
	student
}) => {
	await signInAs(page, app, student);
	await page.goto(`/lessons/${lessonWithQuestions(app)}/quiz`);
	await startQuiz(page);
	const attemptId = attemptIdFromUrl(page);
	const q = attemptSnapshots(app, attemptId)[0];
	// The form as the page fills it (matching questions have one field per item), posted three
	// times at once as a browser does after a double click or a replayed request.
	await fillAnswer(page, q, true);
	const form = await page
		.locator('form.question-card')
		.evaluate((f: HTMLFormElement) =>
			Object.fromEntries([...new FormData(f)].map(([k, v]) => [k, String(v)]))
		);
	expect(form.position).toBe('0');
	const post = () =>
		page.request.post(`/attempts/${attemptId}?/answer`, {
			form,
			headers: { origin: app.baseURL, accept: 'text/html' }
		});
	const results = await Promise.all([post(), post(), post()]);
	for (const r of results) {
		expect(r.status()).toBe(200);
		// Every copy gets the verdict on the first answer.
		expect(await r.text()).toContain('data-position="0"');
	}
	const n = app.db
		.prepare('select count(*) as n from answers where attempt_id = ? and position = 0')
		.get(attemptId) as { n: number };
	expect(n.n).toBe(1);
});

test('another student cannot open my attempt', async ({ page, app, student, browser }) => {
	await signInAs(page, app, student);
	await page.goto(`/lessons/${lessonWithQuestions(app)}/quiz`);
	await startQuiz(page);
	const attemptId = attemptIdFromUrl(page);
	const { createUser } = await import('./fixtures');
	const other = await createUser(app, 'student', 'other');
	const context = await browser.newContext();
	const otherPage = await context.newPage();
	await signInAs(otherPage, app, other);
	const response = await otherPage.goto(`${app.baseURL}/attempts/${attemptId}`);
	expect(response?.status()).toBe(404);
	await context.close();
});

test('the quiz works without JavaScript', async ({ browser, app, student }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: app.baseURL });
	const page = await context.newPage();
	await signInAs(page, app, student);
	await page.goto(`/lessons/${lessonWithQuestions(app)}/quiz`);
	await page.getByLabel('Number of questions').selectOption('5');
	await page.getByRole('button', { name: 'Start the practice quiz' }).click();
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	await finishQuiz(page, app, () => true);
	await expect(page.locator('main').getByText('5 of 5 correct')).toBeVisible();
	await context.close();
});

test('a visitor can practise without an account: graded, not saved, invited to sign up', async ({
	page,
	app
}) => {
	const before = (app.db.prepare('select count(*) as n from answers').get() as { n: number }).n;
	await page.goto(`/lessons/${lessonWithQuestions(app)}/quiz`);
	await expect(page.getByText(/Practice quiz/)).toBeVisible();
	const html = await page.content();
	expect(html).not.toMatch(/"(answer|accept|pairs|explanation)"\s*:/);
	// Answer the first true/false or multiple-choice question and leave the rest blank.
	await page.locator('input[type="radio"]').first().check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.locator('main').getByText(/of \d+ correct/)).toBeVisible();
	await expect(page.getByText('This practice quiz was not saved.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Create an account' }).last()).toBeVisible();
	await expect(page.locator('.feedback').first()).toContainText(/Correct answer|Correct/);
	await expectAccessible(page);
	const after = (app.db.prepare('select count(*) as n from answers').get() as { n: number }).n;
	expect(after).toBe(before);
});

test('a quiz can be taken with the keyboard alone', async ({ page, app, student }) => {
	await signInAs(page, app, student);
	await page.goto(`/lessons/${lessonWithQuestions(app)}/quiz`);
	// Tab to the start button and press it.
	for (let i = 0; i < 20; i++) {
		await page.keyboard.press('Tab');
		const label = await page.evaluate(() => document.activeElement?.textContent?.trim());
		if (label === 'Start the practice quiz') break;
	}
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/attempts\//);
	const attemptId = attemptIdFromUrl(page);
	const questions = attemptSnapshots(app, attemptId);
	// Answer every question from the keyboard: Tab into the field, choose or type, press Enter.
	for (let position = 0; position < questions.length; position++) {
		const q = questions[position];
		await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
		await page.keyboard.press('Tab');
		for (let i = 0; i < 20; i++) {
			const inForm = await page.evaluate(
				() =>
					!!document.activeElement?.closest('form.question-card') &&
					document.activeElement?.tagName !== 'BUTTON'
			);
			if (inForm) break;
			await page.keyboard.press('Tab');
		}
		if (q.type === 'fill_blank' || q.type === 'numeric') {
			await page.keyboard.type(String(q.answer));
		} else if (q.type === 'matching') {
			for (let i = 0; i < q.pairs!.length; i++) {
				// A native select takes typed text to pick the option.
				await page.keyboard.type(q.pairs![i][1].slice(0, 12));
				await page.keyboard.press('Tab');
			}
			// Enter does not submit from a select: the last Tab reached the button.
		} else {
			// Arrow keys move through a radio group and select as they go.
			await page.keyboard.press('Space');
		}
		await page.keyboard.press('Enter');
		await expect(page.locator(`.feedback[data-position="${position}"]`)).toBeVisible();
		// Focus moves to the feedback; the next question follows it on the page.
		const focused = await page.evaluate(() => !!document.activeElement?.closest('.live'));
		expect(focused).toBe(true);
	}
	// After the last answer: Tab from the feedback to the results link.
	for (let i = 0; i < 30; i++) {
		await page.keyboard.press('Tab');
		const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
		if (text === 'See your results') break;
	}
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');
	const stored = app.db
		.prepare('select count(*) as n from answers where attempt_id = ?')
		.get(attemptId) as { n: number };
	expect(stored.n).toBe(questions.length);
});

test('a page swapped in place brings its own stylesheets and drops the old page’s', async ({
	page,
	app,
	student
}) => {
	const sheets = () =>
		page.evaluate(() =>
			[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
				.map((l) => l.href)
				.sort()
		);
	await signInAs(page, app, student);
	await page.goto(`/lessons/${lessonWithQuestions(app)}/quiz`);
	await startQuiz(page);
	const swapped = await sheets();
	const width = () =>
		page.locator('form.question-card').evaluate((form) => getComputedStyle(form).maxWidth);
	expect(await width()).toBe('768px');
	await page.reload();
	expect(await sheets()).toEqual(swapped);
	expect(await width()).toBe('768px');
});
