/**
 * The classroom loop as a class lives it: a lesson leads a student to the quiz their class set
 * (practice comes second and says it is not counted), the teacher comments on an attempt and
 * changes its score, and the student sees what is due soon and what the teacher wrote.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, createUser, type AppServer } from './fixtures';
import { createClassInUi, joinInUi, pageFor } from './teacher-helpers';
import { attemptIdFromUrl, finishQuiz } from './quiz-helpers';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

/** Screenshots for a look by eye when SABAQ_SCREENSHOTS names a folder: the screen at `at`. */
async function shot(page: Page, name: string, at?: Locator) {
	const dir = process.env.SABAQ_SCREENSHOTS;
	if (!dir) return;
	await at?.first().scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${dir}/${name}.png` });
}

/** A row's name holds its lesson title, matched as plain text. */
const named = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

const pad = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value in this machine's zone, which the test server shares (TZ). */
function localInput(d: Date) {
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
/** The same time of day, `days` calendar days away (minutes only: the form has no seconds). */
function daysAway(days: number) {
	const d = new Date();
	d.setSeconds(0, 0);
	d.setDate(d.getDate() + days);
	return d;
}

/** Bundled lessons with at least three questions, in their order. */
function lessonsWithQuestions(app: AppServer) {
	return app.db
		.prepare(
			`select l.id, l.slug, l.title from lessons l join sources s on s.id = l.source_id
			 where s.owner_id is null and l.active = 1
			   and (select count(*) from questions q where q.lesson_id = l.id and q.enabled = 1) >= 3
			 order by l.position`
		)
		.all() as { id: number; slug: string; title: string }[];
}

/** Assigns one lesson from the class page; returns the assignment's id. */
async function assign(
	page: Page,
	app: AppServer,
	classId: string,
	lessonId: number,
	due: Date | null,
	count = 3
) {
	await page.goto(`/teacher/classes/${classId}`);
	const form = page.locator('form[action="?/assign"]');
	await form.getByLabel('Lesson').selectOption(String(lessonId));
	await form.getByLabel('Number of questions').fill(String(count));
	if (due) await form.getByLabel('Due date and time').fill(localInput(due));
	await form.getByRole('button', { name: 'Assign' }).click();
	await expect(page.locator('main').getByText(/^The lesson was assigned/)).toBeVisible();
	return (
		app.db
			.prepare('select id from assignments where class_id = ? order by created_at desc, rowid desc')
			.get(classId) as { id: string }
	).id;
}

test('a lesson leads to its assigned quiz first; practice says it is not counted and stays in the history', async ({
	browser,
	app,
	teacher,
	student
}) => {
	test.setTimeout(120_000);
	const [lesson] = lessonsWithQuestions(app);
	const t = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(t, 'Class 9B');
	const due = daysAway(3);
	const assignmentId = await assign(t, app, classId, lesson.id, due);
	const s = await pageFor(browser, app, student);
	await joinInUi(s, code);

	// On a phone: the assignment's quiz is the lesson's first button, with its due date.
	await s.setViewportSize(PHONE);
	await s.goto(`/lessons/${lesson.slug}`);
	const assigned = s.getByRole('button', { name: /^Start the assigned quiz · due / });
	await expect(assigned).toBeVisible();
	await expect(assigned.locator('time')).toHaveAttribute('datetime', due.toISOString());
	const call = s.getByRole('region', { name: 'Your assignment on this lesson' });
	await expect(call).toContainText('Set by your class Class 9B · due in 3 days');
	await expect(s.getByRole('link', { name: 'Take the quiz' })).toHaveCount(0);
	const practise = call.getByRole('link', { name: 'Practise on your own' });
	await expect(call).toContainText('not counted for your class');
	const [first, second] = [await assigned.boundingBox(), await practise.boundingBox()];
	expect(first!.y).toBeLessThan(second!.y);
	await expectAccessible(s);
	await shot(s, 'lesson-assigned-390', call);
	await s.setViewportSize(LAPTOP);
	await expectAccessible(s);
	await shot(s, 'lesson-assigned-1280', call);
	await s.setViewportSize(PHONE);

	// The practice quiz says it is practice, not counted, and offers the assignment.
	await practise.click();
	await expect(s.getByRole('heading', { level: 1 })).toHaveText(`Practice quiz: ${lesson.title}`);
	await expect(s.getByText('Not counted for any class.')).toBeVisible();
	const fromPractice = s.getByRole('region', { name: 'Your class has set this lesson' });
	await expect(
		fromPractice.getByRole('button', { name: /^Start the assigned quiz · due / })
	).toBeVisible();
	await expectAccessible(s);
	await shot(s, 'practice-start-390');

	await s.getByLabel('Number of questions').selectOption('5');
	await s.getByRole('button', { name: 'Start the practice quiz' }).click();
	await s.waitForURL(/\/attempts\//);
	const practiceId = attemptIdFromUrl(s);
	await expect(s.getByText('Not counted for any class: kept in your history.')).toBeVisible();
	await finishQuiz(s, app, () => true);
	const notCounted = s.getByRole('region', { name: 'This practice is not counted' });
	await expect(notCounted.getByRole('button', { name: /Start the assigned quiz/ })).toBeVisible();
	await expectAccessible(s);
	await shot(s, 'practice-results-390', notCounted);
	expect(
		app.db.prepare('select assignment_id as a from attempts where id = ?').get(practiceId)
	).toEqual({ a: null });

	// Nothing counted yet: the gradebook says so.
	await t.goto(`/teacher/classes/${classId}/gradebook`);
	const gradeRow = t.getByRole('row', { name: new RegExp(student.username) });
	await expect(gradeRow).toContainText('Not yet');
	await expect(gradeRow).toContainText('0 attempts');

	// The practice attempt is kept in the history, marked Practice.
	await s.goto('/history');
	const attempts = s.getByRole('table', { name: 'Every finished quiz, newest first' });
	await expect(attempts.getByRole('row')).toHaveCount(2);
	await expect(attempts.getByRole('row').nth(1)).toContainText('Practice');

	// The assigned quiz, from the lesson page: it says whom it counts for, and it counts.
	await s.goto(`/lessons/${lesson.slug}`);
	await assigned.click();
	await s.waitForURL(/\/attempts\//);
	const assignedId = attemptIdFromUrl(s);
	await expect(s.getByText('For your class Class 9B · due')).toBeVisible();
	await finishQuiz(s, app, () => true);
	expect(
		app.db.prepare('select assignment_id as a from attempts where id = ?').get(assignedId)
	).toEqual({ a: assignmentId });
	await t.reload();
	await expect(gradeRow).toContainText('Done');
	await expect(gradeRow).toContainText('1 attempt');

	// Done: the lesson offers its quiz again, as practice of their own.
	await s.goto(`/lessons/${lesson.slug}`);
	await expect(s.getByRole('button', { name: /Start the assigned quiz/ })).toHaveCount(0);
	await expect(s.getByRole('link', { name: 'Take the quiz' })).toBeVisible();
	await expect(s.getByText('not counted for a class')).toBeVisible();

	// The history tells the two apart: the class for one, Practice for the other.
	await s.goto('/history');
	await expect(attempts.getByRole('row')).toHaveCount(3);
	await expect(attempts.getByRole('row').nth(1)).toContainText('Class 9B');
	await expect(attempts.getByRole('row').nth(2)).toContainText('Practice');
	await expectAccessible(s);
	await shot(s, 'history-390', attempts);
	await s.setViewportSize(LAPTOP);
	await shot(s, 'history-1280', attempts);
	await Promise.all([s.context().close(), t.context().close()]);
});

test('the class teacher comments and overrides a score; gradebook and CSV use it, the student sees both', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const [lesson] = lessonsWithQuestions(app);
	const t = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(t, 'Class 10A');
	const assignmentId = await assign(t, app, classId, lesson.id, null, 3);
	const s = await pageFor(browser, app, student);
	await joinInUi(s, code);
	await s.goto(`/assignments/${assignmentId}`);
	await s.getByRole('button', { name: 'Start the quiz' }).click();
	await s.waitForURL(/\/attempts\//);
	const attemptId = attemptIdFromUrl(s);
	await finishQuiz(s, app, (i) => i !== 0);

	await t.setViewportSize(PHONE);
	await t.goto(`/teacher/attempts/${attemptId}`);
	await expect(t.getByText('with 67% (2 of 3 right)')).toBeVisible();
	// A score that is no percentage is refused with a message, keeping what was typed.
	await t.getByLabel('New score (%)').fill('150');
	await t.getByLabel('Reason').fill('The first question was ambiguous.');
	await t.getByRole('button', { name: 'Override the score' }).click();
	await expect(
		t.getByRole('alert').filter({ hasText: 'Enter the new score as a percentage from 0 to 100.' })
	).toBeVisible();
	await expect(t.getByLabel('Reason')).toHaveValue('The first question was ambiguous.');
	await t.getByLabel('New score (%)').fill('90');
	await t.getByRole('button', { name: 'Override the score' }).click();
	await expect(
		t.getByRole('main').getByText('The new score counts in the gradebook')
	).toBeVisible();
	await expect(t.getByText('Overridden to 90% (graded 67%).')).toBeVisible();
	await expect(t.getByText('Score 90%, overridden: graded 67% (2 of 3 right).')).toBeVisible();
	await t.getByLabel('Comment').fill('Good work.\nRead the part on the mines again.');
	await t.getByRole('button', { name: 'Save comment' }).click();
	await expect(t.getByRole('main').getByText('The comment is saved.')).toBeVisible();
	await expect(t.getByLabel('Comment')).toHaveValue(
		'Good work.\nRead the part on the mines again.'
	);
	await expectAccessible(t);
	await shot(t, 'teacher-attempt-390', t.getByRole('heading', { name: 'Marking' }));
	await t.setViewportSize(LAPTOP);
	await expectAccessible(t);
	await shot(t, 'teacher-attempt-1280', t.getByRole('heading', { name: 'Marking' }));

	// The attempt keeps its graded score; the gradebook and the CSV take the override.
	expect(app.db.prepare('select score from attempts where id = ?').get(attemptId)).toEqual({
		score: 2 / 3
	});
	await t.goto(`/teacher/classes/${classId}/gradebook`);
	const row = t.getByRole('row', { name: new RegExp(student.username) });
	await expect(row).toContainText('90%');
	await expect(row).toContainText('Overridden (graded 67%)');
	await expectAccessible(t);
	await shot(t, 'gradebook-1280');
	const csv = (await (await t.request.get(`/teacher/classes/${classId}/gradebook.csv`)).text())
		.slice(1)
		.split('\r\n');
	expect(csv[0]).toBe(`Username,Student ID,Display name,${lesson.title} (%),${lesson.title} note`);
	expect(csv[1]).toBe(`${student.username},${student.id},,90,"Overridden, graded 66.67"`);

	// The student reads both scores, the reason and the comment with the result.
	await s.setViewportSize(PHONE);
	await s.goto(`/attempts/${attemptId}`);
	const note = s.getByRole('region', { name: 'From your teacher' });
	await expect(note).toContainText('Your teacher changed your score to 90% (the quiz gave 67%).');
	await expect(note).toContainText('Reason: The first question was ambiguous.');
	await expect(note).toContainText('Good work.');
	await expect(note).toContainText('Read the part on the mines again.');
	await expect(s.getByRole('status').first()).toContainText('67%');
	await expectAccessible(s);
	await shot(s, 'student-results-390', note);
	await s.goto('/history');
	await expect(s.getByRole('row', { name: /Class 10A/ })).toContainText(
		'90% (set by your teacher)'
	);

	// Removing the override brings the graded score back everywhere.
	await t.goto(`/teacher/attempts/${attemptId}`);
	await t.getByRole('button', { name: 'Remove the override' }).click();
	await expect(
		t.getByRole('main').getByText('The attempt’s own score counts again.')
	).toBeVisible();
	await t.goto(`/teacher/classes/${classId}/gradebook`);
	await expect(row).toContainText('67%');
	await expect(row).not.toContainText('Overridden');
	await s.goto(`/attempts/${attemptId}`);
	await expect(note).not.toContainText('changed your score');
	await expect(note).toContainText('Read the part on the mines again.');
	await Promise.all([s.context().close(), t.context().close()]);
});

test('a comment and a changed score wait until the result is shown', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const [lesson] = lessonsWithQuestions(app);
	const t = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(t, 'Class 11C');
	const assignmentId = await assign(t, app, classId, lesson.id, daysAway(2), 3);
	app.db.prepare(`update assignments set reveal = 'due' where id = ?`).run(assignmentId);
	const s = await pageFor(browser, app, student);
	await joinInUi(s, code);
	await s.goto(`/assignments/${assignmentId}`);
	await s.getByRole('button', { name: 'Start the quiz' }).click();
	await s.waitForURL(/\/attempts\//);
	const attemptId = attemptIdFromUrl(s);
	await finishQuiz(s, app, () => true);

	await t.goto(`/teacher/attempts/${attemptId}`);
	await t.getByLabel('Comment').fill('Secret note for later.');
	await t.getByRole('button', { name: 'Save comment' }).click();
	await expect(t.getByRole('main').getByText('The comment is saved.')).toBeVisible();
	await t.getByLabel('New score (%)').fill('42');
	await t.getByLabel('Reason').fill('Late work.');
	await t.getByRole('button', { name: 'Override the score' }).click();
	await expect(t.getByText('Overridden to 42%')).toBeVisible();

	await s.goto(`/attempts/${attemptId}`);
	await expect(s.getByText('Your quiz is handed in')).toBeVisible();
	await expect(s.getByRole('region', { name: 'From your teacher' })).toHaveCount(0);
	expect(await s.content()).not.toContain('Secret note for later.');
	expect(await s.content()).not.toContain('Late work.');

	// Once the due date has passed the answers, the score, the comment and the reason show.
	app.db
		.prepare('update assignments set due_at = ? where id = ?')
		.run(Date.now() - 60_000, assignmentId);
	await s.reload();
	const note = s.getByRole('region', { name: 'From your teacher' });
	await expect(note).toContainText('Secret note for later.');
	await expect(note).toContainText('changed your score to 42%');
	await Promise.all([s.context().close(), t.context().close()]);
});

test('the home page says what is due soon or late; the class page names who has not started', async ({
	browser,
	app,
	teacher,
	student
}) => {
	test.setTimeout(120_000);
	const lessons = lessonsWithQuestions(app).slice(0, 3);
	const t = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(t, 'Class 8D');
	const inThree = daysAway(3);
	// Today at 23:59 (a run in the day's last minute would find it late).
	const tonight = new Date();
	tonight.setHours(23, 59, 0, 0);
	const yesterday = daysAway(-1);
	const ids = [
		await assign(t, app, classId, lessons[0].id, inThree),
		await assign(t, app, classId, lessons[1].id, tonight),
		await assign(t, app, classId, lessons[2].id, yesterday)
	];
	const other = await createUser(app, 'student', 'bek');
	const s = await pageFor(browser, app, student);
	const b = await pageFor(browser, app, other);
	await joinInUi(s, code);
	await joinInUi(b, code);
	// The first student starts the first assignment and leaves it unfinished.
	await s.goto(`/assignments/${ids[0]}`);
	await s.getByRole('button', { name: 'Start the quiz' }).click();
	await s.waitForURL(/\/attempts\//);

	for (const size of [PHONE, LAPTOP]) {
		await s.setViewportSize(size);
		await s.goto('/');
		const table = s.getByRole('table', {
			name: 'Assignments from your classes, with their status'
		});
		const rowOf = (title: string) => table.getByRole('row', { name: named(title) });
		await expect(rowOf(lessons[0].title)).toContainText('due in 3 days');
		await expect(rowOf(lessons[1].title)).toContainText('due today');
		await expect(rowOf(lessons[2].title)).toContainText('late');
		// The exact due date is there for a machine, in <time>.
		for (const [i, due] of [inThree, tonight, yesterday].entries()) {
			await expect(rowOf(lessons[i].title).locator('time')).toHaveAttribute(
				'datetime',
				due.toISOString()
			);
		}
		await expectAccessible(s);
		await shot(s, `home-${size.width}`, table);
	}

	for (const size of [PHONE, LAPTOP]) {
		await t.setViewportSize(size);
		await t.goto(`/teacher/classes/${classId}`);
		const table = t.getByRole('table', { name: 'Assignments of Class 8D' });
		const notStarted = (title: string) =>
			table
				.getByRole('row', { name: named(title) })
				.getByRole('cell')
				.filter({ has: t.getByRole('link', { name: other.username }) })
				.getByRole('link');
		// Bek started nothing; the first student started the first assignment only.
		await expect(notStarted(lessons[0].title)).toHaveText([other.username]);
		await expect(notStarted(lessons[1].title)).toHaveCount(2);
		await expect(notStarted(lessons[1].title).filter({ hasText: student.username })).toHaveCount(1);
		await expectAccessible(t);
		await shot(t, `class-${size.width}`, table);
	}
	await Promise.all([s.context().close(), b.context().close(), t.context().close()]);
});
