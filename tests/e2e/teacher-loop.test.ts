import { randomUUID } from 'node:crypto';
import { test, expect, createUser, expectAccessible } from './fixtures';
import { assignInUi, completeAttempt, createClassInUi, joinInUi, pageFor } from './teacher-helpers';

test('a class from creation to gradebook: join, assign, answer, grade, export', async ({
	browser,
	app,
	teacher,
	student
}) => {
	test.setTimeout(120_000);
	const page = await pageFor(browser, app, teacher);

	const { classId, code } = await createClassInUi(page, 'History 9B');
	expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY3479]{6}$/);
	await expectAccessible(page);
	// A class belongs to Classes: the menu marks that part of the site, not a page.
	const current = page.getByRole('navigation', { name: 'Main' }).locator('[aria-current]');
	await expect(current).toHaveCount(1);
	await expect(current).toHaveText('Classes');
	await expect(current).toHaveAttribute('aria-current', 'true');

	// The student joins with the code typed in lower case.
	const studentPage = await pageFor(browser, app, student);
	await studentPage.goto('/join');
	await expectAccessible(studentPage);
	await joinInUi(studentPage, code.toLowerCase());
	await expect(studentPage.getByRole('status')).toContainText('You joined "History 9B"');
	await joinInUi(studentPage, code);
	await expect(studentPage.getByRole('alert')).toContainText('You are already in this class');
	await joinInUi(studentPage, 'QQQQQQ');
	await expect(studentPage.getByRole('alert')).toContainText(
		'No class takes new students with this code'
	);

	// The teacher sees the student on the roster and assigns a lesson.
	await page.reload();
	await expect(page.getByRole('table', { name: 'Students in History 9B' })).toContainText(
		student.username
	);
	const lessonTitle = await assignInUi(page, classId, { count: 3, attempts: 2 });
	await expectAccessible(page);

	// On a phone every student and assignment is a block with its actions in sight, still read
	// as a table's rows; so are the classes and lessons of the teacher's home page.
	await page.setViewportSize({ width: 390, height: 800 });
	const inSight = async (name: string | RegExp, role: 'button' | 'link') => {
		const box = (await page.getByRole(role, { name }).first().boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(390);
	};
	await inSight(/^Remove /, 'button');
	await inSight(new RegExp(`^Statistics of ${lessonTitle}`), 'link');
	const assignments = page.getByRole('table', { name: 'Assignments of History 9B' });
	await expect(assignments.getByRole('row')).toHaveCount(2);
	await expect(assignments.getByRole('cell', { name: 'No due date', exact: true })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/teacher');
	await inSight('Gradebook of History 9B', 'link');
	await inSight(/^JSON export of /, 'link');
	await expectAccessible(page);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`/teacher/classes/${classId}`);
	const assignment = app.db
		.prepare('select id from assignments where class_id = ?')
		.get(classId) as { id: string };

	// The student starts it from the assignment page and answers through the quiz pages.
	await studentPage.goto(`/assignments/${assignment.id}`);
	await expect(studentPage.getByRole('heading', { level: 1 })).toHaveText(lessonTitle);
	await expectAccessible(studentPage);
	// Home page: the assignment is listed as to do, with a start button, in sight on a phone too.
	await studentPage.setViewportSize({ width: 390, height: 800 });
	await studentPage.goto('/');
	const home = studentPage.getByRole('region', { name: 'Your assignments' });
	const line = home.getByRole('row', { name: new RegExp(lessonTitle) });
	await expect(line).toContainText('To do');
	const start = line.getByRole('button', { name: new RegExp(`^Start`) });
	const startBox = (await start.boundingBox())!;
	expect(startBox.x + startBox.width).toBeLessThanOrEqual(390);
	await expectAccessible(studentPage);
	await studentPage.setViewportSize({ width: 1280, height: 800 });
	await start.click();
	await expect(studentPage).toHaveURL(/\/attempts\//);
	const attemptId = new URL(studentPage.url()).pathname.split('/').pop()!;
	await completeAttempt(studentPage, app, attemptId, [0]);
	const score = app.db.prepare('select score from attempts where id = ?').get(attemptId) as {
		score: number;
	};
	const percent = `${Math.round(score.score * 100)}%`;
	expect(score.score).toBeLessThan(1);

	await studentPage.goto(`/assignments/${assignment.id}`);
	await expect(studentPage.getByText('Done', { exact: true })).toBeVisible();
	await expect(studentPage.getByText('1 of 2 used')).toBeVisible();

	// The gradebook shows the score; the CSV has it under the username.
	await page.goto(`/teacher/classes/${classId}/gradebook`);
	const row = page.getByRole('row', { name: new RegExp(student.username) });
	await expect(row).toContainText(percent);
	await expect(row).toContainText('Done');
	await expectAccessible(page);

	const csv = await page.request.get(`/teacher/classes/${classId}/gradebook.csv`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(csv.headers()['content-disposition']).toContain(
		'attachment; filename="history-9b-grades.csv"'
	);
	const body = await csv.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = body.toString('utf8').slice(1).split('\r\n');
	expect(lines[0]).toBe(`Username,Student ID,Display name,${lessonTitle} (%)`);
	expect(lines[1]).toBe(
		`${student.username},${student.id},,${Math.round(score.score * 10000) / 100}`
	);

	// Drill down to the student and to the attempt, with the key and the student's answers.
	await row.getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: /See answers/ }).click();
	await expect(page.getByText('Correct answer').first()).toBeVisible();
	await expect(page.getByText('Wrong', { exact: true }).first()).toBeVisible();
	await expectAccessible(page);

	await Promise.all([studentPage.context().close(), page.context().close()]);
});

test('other teachers and students cannot reach a class, its gradebook or its exports', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const owner = await pageFor(browser, app, teacher);
	const { classId } = await createClassInUi(owner, 'Private class');
	// A real attempt by a student: the intruder must not reach it although it exists.
	const attemptRow = { id: crypto.randomUUID() };
	app.db
		.prepare(
			`insert into attempts (id, user_id, lesson_id, seed, question_count)
			 values (?, ?, (select id from lessons order by position limit 1), 'seed', 1)`
		)
		.run(attemptRow.id, student.id);

	const intruder = await createUser(app, 'teacher', 'intruder');
	const other = await pageFor(browser, app, intruder);
	for (const path of [
		`/teacher/classes/${classId}`,
		`/teacher/classes/${classId}/gradebook`,
		`/teacher/classes/${classId}/gradebook.csv`,
		`/teacher/attempts/${attemptRow.id}`
	]) {
		const res = await other.request.get(path);
		expect(res.status(), path).toBe(404);
	}
	const post = await other.request.post(`/teacher/classes/${classId}?/rename`, {
		form: { name: 'Hacked' },
		headers: { origin: app.baseURL }
	});
	expect(post.status()).toBe(404);

	const pupil = await pageFor(browser, app, student);
	for (const path of [`/teacher`, `/teacher/classes/${classId}/gradebook.csv`]) {
		const res = await pupil.request.get(path);
		expect(res.status(), path).toBe(403);
	}
	const visitor = await browser.newContext({ baseURL: app.baseURL });
	const res = await visitor.request.get(`/teacher/classes/${classId}`, { maxRedirects: 0 });
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toContain('/login');
	const join = await visitor.request.get('/join', { maxRedirects: 0 });
	expect(join.status()).toBe(303);
	const teacherJoin = await owner.request.get('/join');
	expect(teacherJoin.status()).toBe(403);
	await Promise.all([owner.context().close(), other.context().close(), pupil.context().close()]);
	await visitor.close();
});

test('home, assignment edit, archive and code renewal', async ({
	browser,
	app,
	teacher,
	student
}) => {
	test.setTimeout(60_000);
	const page = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(page, 'Geography 8A');
	await page.goto('/teacher');
	await expect(page.getByRole('table', { name: 'Your active classes' })).toContainText(
		'Geography 8A'
	);
	await expectAccessible(page);

	await assignInUi(page, classId, { count: 4, due: '2020-01-01T09:00' });
	await page
		.getByRole('link', { name: /^Edit / })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Edit assignment');
	await expect(page.getByLabel('Due date and time')).toHaveValue('2020-01-01T09:00');
	await expectAccessible(page);
	await page.getByLabel('Number of questions').fill('5');
	await page.getByRole('button', { name: 'Save changes' }).click();
	// The Questions cell of the assignment's row, not any 5 anywhere in the table.
	const row = page
		.getByRole('table', { name: 'Assignments of Geography 8A' })
		.getByRole('row')
		.nth(1);
	await expect(row.getByRole('cell').nth(1)).toHaveText('5');

	// A past due date with nothing done is "missing" for the student.
	const studentPage = await pageFor(browser, app, student);
	await joinInUi(studentPage, code);
	await studentPage.goto('/');
	await expect(studentPage.getByRole('region', { name: 'Your assignments' })).toContainText(
		'Missing'
	);
	await page.goto(`/teacher/classes/${classId}/gradebook`);
	await expect(page.getByRole('row', { name: new RegExp(student.username) })).toContainText(
		'Missing'
	);

	// A new code replaces the old one; archiving hides the class from joining and from students.
	await page.goto(`/teacher/classes/${classId}`);
	// It asks first: declined, the code stays.
	const questions: string[] = [];
	const answerDialog = (accept: boolean) =>
		page.once('dialog', (dialog) => {
			questions.push(dialog.message());
			void (accept ? dialog.accept() : dialog.dismiss());
		});
	answerDialog(false);
	await page.getByRole('button', { name: 'Make a new code' }).click();
	await expect.poll(() => questions.length).toBe(1);
	expect(questions[0]).toContain('The current code stops working');
	expect((await page.getByTestId('join-code').textContent())!.trim()).toBe(code);
	answerDialog(true);
	await page.getByRole('button', { name: 'Make a new code' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'New join code' })).toBeVisible();
	const fresh = (await page.getByTestId('join-code').textContent())!.trim();
	expect(fresh).not.toBe(code);
	await page.getByRole('button', { name: 'Archive the class' }).click();
	await expect(page.getByText('This class is archived')).toBeVisible();
	const late = await pageFor(browser, app, await createUser(app, 'student', 'late'));
	await joinInUi(late, fresh);
	// An archived class's code is answered like an unknown one: nothing about the class leaks.
	await expect(late.getByRole('alert')).toContainText('No class takes new students with this code');
	await studentPage.goto('/');
	await expect(studentPage.getByText('Missing', { exact: true })).toHaveCount(0);
	await page.getByRole('button', { name: 'Unarchive the class' }).click();
	await expect(page.getByText('This class is archived')).toHaveCount(0);

	// Removing the student, then deleting the assignment.
	answerDialog(true);
	await page.getByRole('button', { name: new RegExp(`Remove ${student.username}`) }).click();
	await expect(page.getByRole('status').filter({ hasText: 'removed' })).toBeVisible();
	await page
		.getByRole('link', { name: /^Edit / })
		.first()
		.click();
	answerDialog(true);
	await page.getByRole('button', { name: 'Delete assignment' }).click();
	await expect(page.getByText('Nothing assigned yet.')).toBeVisible();
	expect(questions.slice(2)).toEqual([
		expect.stringContaining(`Remove `),
		expect.stringContaining('Delete this assignment?')
	]);
	await Promise.all([
		page.context().close(),
		studentPage.context().close(),
		late.context().close()
	]);
});

test('bad input answers 400 with a message, not a 500', async ({ browser, app, teacher }) => {
	const owner = await pageFor(browser, app, teacher);
	const { classId } = await createClassInUi(owner, 'Form checks');
	const post = (action: string, form: Record<string, string>) =>
		owner.request.post(`/teacher/classes/${classId}?/${action}`, {
			form,
			headers: { origin: app.baseURL, accept: 'application/json' }
		});
	for (const [action, form] of [
		['rename', { name: '   ' }],
		['assign', { lessonId: '999999' }],
		['assign', { lessonId: '1', questionCount: '99' }],
		['assign', { lessonId: '1', dueAt: 'tomorrow' }],
		['assign', { lessonId: '1', reveal: 'due' }],
		['remove', { studentId: 'nobody' }]
	] as const) {
		const res = await post(action, form);
		const json = await res.json();
		expect(json.type, `${action} ${JSON.stringify(form)}`).toBe('failure');
		expect(json.status).toBe(400);
	}
	await owner.context().close();
});

test('on a phone the gradebook scrolls sideways with each student kept in sight', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const page = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(page, 'Many lessons');
	const studentPage = await pageFor(browser, app, student);
	await joinInUi(studentPage, code);
	const lessons = app.db.prepare('select id from lessons order by id limit 6').all() as {
		id: number;
	}[];
	const insert = app.db.prepare(
		'insert into assignments (id, class_id, lesson_id, question_count) values (?, ?, ?, 5)'
	);
	for (const lesson of lessons) insert.run(randomUUID(), classId, lesson.id);

	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto(`/teacher/classes/${classId}/gradebook`);
	const grid = page.getByRole('table', { name: 'Best score per student and assignment' });
	await expect(grid.getByRole('columnheader')).toHaveCount(lessons.length + 1);
	const scroller = page.locator('.table-scroll');
	await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
	expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(300);
	const name = grid.getByRole('rowheader').first();
	const box = (await name.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x).toBeLessThan(40);
	await expectAccessible(page);
	await Promise.all([page.context().close(), studentPage.context().close()]);
});

test('asking for more questions than a lesson can ask together assigns as many as it can, and says so', async ({
	browser,
	app,
	teacher
}) => {
	const page = await pageFor(browser, app, teacher);
	const { classId } = await createClassInUi(page, 'Long quizzes');
	const form = page.locator('form[action="?/assign"]');
	await form.getByLabel('Lesson').selectOption({ index: 1 });
	await form.getByLabel('Number of questions').fill('50');
	await form.getByRole('button', { name: 'Assign' }).click();
	const notice = page.getByRole('status').filter({ hasText: 'The lesson was assigned with' });
	await expect(notice).toContainText("without one giving away another's answer");
	const most = Number(/assigned with (\d+) questions/.exec((await notice.textContent())!)![1]);
	expect(most).toBeGreaterThan(0);
	expect(most).toBeLessThan(50);
	const stored = app.db
		.prepare('select id, question_count as n from assignments where class_id = ?')
		.get(classId) as { id: string; n: number };
	expect(stored.n).toBe(most);
	const row = page
		.getByRole('table', { name: 'Assignments of Long quizzes' })
		.getByRole('row')
		.nth(1);
	await expect(row.getByRole('cell').nth(1)).toHaveText(String(most));
	await expectAccessible(page);

	// Editing asks again: the same answer.
	await page.goto(`/teacher/classes/${classId}/assignments/${stored.id}`);
	await page.getByLabel('Number of questions').fill('40');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: `The assignment was saved with ${most} questions` })
	).toBeVisible();
	await page.context().close();
});
