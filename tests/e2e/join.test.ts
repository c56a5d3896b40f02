import { test, expect, createUser, expectAccessible } from './fixtures';
import { assignInUi, completeAttempt, createClassInUi, pageFor } from './teacher-helpers';

test('a student joins with the keyboard alone, and errors are announced', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const owner = await pageFor(browser, app, teacher);
	const { code } = await createClassInUi(owner, 'Keyboard class');
	const page = await pageFor(browser, app, student);
	await page.goto('/join');

	// Tab from the top of the page to the code field.
	for (let i = 0; i < 30; i++) {
		await page.keyboard.press('Tab');
		if (await page.getByLabel('Join code').evaluate((el) => el === document.activeElement)) break;
	}
	await expect(page.getByLabel('Join code')).toBeFocused();
	await page.keyboard.type('zzzzzz');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toContainText('No class takes new students with this code');
	await expectAccessible(page);

	await page.getByLabel('Join code').fill(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `);
	await page.getByLabel('Join code').press('Enter');
	await expect(page.getByRole('status')).toContainText('You joined "Keyboard class"');
	await expect(page.getByRole('region', { name: 'Your classes' })).toContainText('Keyboard class');
	await Promise.all([owner.context().close(), page.context().close()]);
});

test('starting an assignment: members only, and no more than the attempts allowed', async ({
	browser,
	app,
	teacher,
	student
}) => {
	test.setTimeout(60_000);
	const owner = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(owner, 'One try');
	await assignInUi(owner, classId, { count: 2, attempts: 1 });
	const { id } = app.db.prepare('select id from assignments where class_id = ?').get(classId) as {
		id: string;
	};

	// Not a member yet: the assignment does not exist for this student.
	const page = await pageFor(browser, app, student);
	expect((await page.request.get(`/assignments/${id}`)).status()).toBe(404);
	const start = () =>
		page.request.post(`/assignments/${id}?/start`, {
			form: {},
			headers: { origin: app.baseURL, accept: 'application/json' },
			maxRedirects: 0
		});
	expect((await start()).status()).toBe(404);

	await page.goto('/join');
	await page.getByLabel('Join code').fill(code);
	await page.getByRole('button', { name: 'Join class' }).click();
	await page.goto(`/assignments/${id}`);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page).toHaveURL(/\/attempts\//);
	const attemptId = new URL(page.url()).pathname.split('/').pop()!;

	// Starting again while unfinished continues the same attempt.
	await page.goto(`/assignments/${id}`);
	await page.getByRole('button', { name: 'Continue the quiz' }).click();
	await expect(page).toHaveURL(`/attempts/${attemptId}`);
	await completeAttempt(page, app, attemptId);

	await page.goto(`/assignments/${id}`);
	await expect(page.getByText('You have used all your attempts')).toBeVisible();
	const again = await start();
	expect((await again.json()).status).toBe(400);

	// Teachers cannot start assignments.
	expect((await owner.request.get(`/assignments/${id}`)).status()).toBe(403);
	const other = await pageFor(browser, app, await createUser(app, 'student', 'other'));
	expect((await other.request.get(`/assignments/${id}`)).status()).toBe(404);
	await Promise.all([owner.context().close(), page.context().close(), other.context().close()]);
});
