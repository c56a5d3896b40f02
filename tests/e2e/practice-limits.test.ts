import { randomUUID } from 'node:crypto';
import { test, expect, signInAs, sessionCookie, BUNDLED_LESSON } from './fixtures';
import type { AppServer, TestUser } from './fixtures';

/** Two lessons that have a quiz. */
function quizLessons(app: AppServer): { id: number; slug: string }[] {
	return app.db
		.prepare(
			`select l.id, l.slug from lessons l
			 where ${BUNDLED_LESSON}
			   and (select count(*) from questions q where q.lesson_id = l.id and q.enabled = 1) >= 5
			 order by l.position limit 2`
		)
		.all() as { id: number; slug: string }[];
}

/** Starts a practice quiz as a form posted from a script would: the status and the page. */
async function postStart(app: AppServer, user: TestUser, slug: string) {
	const res = await fetch(`${app.baseURL}/lessons/${slug}/quiz?/start`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: app.baseURL,
			accept: 'text/html',
			cookie: sessionCookie(user),
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: 'count=5'
	});
	return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

/** Unfinished practice quizzes with an answer each, written straight into the database. */
function answeredOpenQuizzes(app: AppServer, user: TestUser, lessonId: number, n: number) {
	const question = app.db
		.prepare('select id from questions where lesson_id = ? limit 1')
		.get(lessonId) as { id: string };
	for (let i = 0; i < n; i++) {
		const id = randomUUID();
		app.db
			.prepare(
				`insert into attempts (id, user_id, lesson_id, seed, kind, question_count)
				 values (?, ?, ?, 'seed', 'quiz', 5)`
			)
			.run(id, user.id, lessonId);
		app.db
			.prepare(
				`insert into answers (attempt_id, position, question_id, response, given, correct, score)
				 values (?, 0, ?, '"x"', 'x', 0, 0)`
			)
			.run(id, question.id);
	}
}

const startButton = { name: /^Start the (practice )?quiz$/ };

test('starting again replaces an unanswered quiz; at the cap the page lists the unfinished ones', async ({
	page,
	app,
	student
}) => {
	const [lesson, other] = quizLessons(app);
	await signInAs(page, app, student);
	await page.goto(`/lessons/${lesson.slug}/quiz`);
	await page.getByRole('button', startButton).click();
	await expect(page).toHaveURL(/\/attempts\//);
	const first = new URL(page.url()).pathname;

	await page.goto(`/lessons/${lesson.slug}/quiz`);
	await expect(page.getByRole('link', { name: 'Continue your unfinished quiz' })).toHaveAttribute(
		'href',
		first
	);
	await page.getByRole('button', startButton).click();
	await expect(page).toHaveURL(/\/attempts\//);
	const second = new URL(page.url()).pathname;
	expect(second).not.toBe(first);
	expect((await page.request.get(first)).status()).toBe(404);

	// Ten answered unfinished quizzes elsewhere: one more is refused, with the way back to each.
	answeredOpenQuizzes(app, student, other.id, 10);
	const refused = await postStart(app, student, lesson.slug);
	expect(refused.status).toBe(409);
	expect(refused.text).toContain('You have 11 unfinished quizzes, the most you can have at once');
	expect((await page.request.get(second)).status()).toBe(200);

	await page.goto(`/lessons/${lesson.slug}/quiz`);
	await page.getByRole('button', startButton).click();
	await expect(page.getByRole('alert')).toContainText('You have 11 unfinished quizzes');
	const list = page.getByRole('region', { name: 'Your unfinished quizzes' });
	await expect(list.getByRole('link')).toHaveCount(11);
	await list.locator(`a[href="${second}"]`).click();
	await expect(page).toHaveURL(second);
	await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
});

test('a student who starts quizzes too fast is asked to wait, and can go on with one', async ({
	page,
	app,
	student
}) => {
	const [lesson] = quizLessons(app);
	let last = '';
	for (let i = 0; i < 20; i++) {
		const started = await postStart(app, student, lesson.slug);
		expect(started.status).toBe(303);
		last = started.location!;
	}
	const refused = await postStart(app, student, lesson.slug);
	expect(refused.status).toBe(429);
	expect(refused.text).toContain('You have started 20 quizzes in the last 10 minutes. Wait');

	await signInAs(page, app, student);
	await page.goto(`/lessons/${lesson.slug}/quiz`);
	await page.getByRole('button', startButton).click();
	await expect(page.getByRole('alert')).toContainText('Wait 10 minutes before starting another');
	await page.getByRole('link', { name: 'Continue your unfinished quiz' }).click();
	await expect(page).toHaveURL(last);
});
