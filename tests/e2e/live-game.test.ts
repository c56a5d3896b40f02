/**
 * A live class game as a class plays it: the teacher hosts on the projector, a signed-in student
 * of the class and two visitors answer on their phones, one reloads mid-question, and the
 * student's game counts as an attempt of the assignment in the gradebook.
 */
import { test, expect, expectAccessible, createUser } from './fixtures';
import { pageFor } from './teacher-helpers';
import {
	PHONE,
	answer,
	classWithAssignment,
	keyOf,
	liveLesson,
	shot,
	startGame,
	visitorJoins
} from './live-helpers';

test('a host and three players play a game to the end; a reload keeps the score; the gradebook has it', async ({
	browser,
	app,
	teacher,
	student
}) => {
	test.setTimeout(120_000);
	const lesson = liveLesson(app);
	app.db.prepare('update users set display_name = ? where id = ?').run('Dana Student', student.id);
	const { classId, assignmentId } = classWithAssignment(app, teacher.id, student.id, lesson.id);
	// The app serves this worker's other test files too: count only what this game adds.
	const countAttempts = () =>
		(app.db.prepare('select count(*) as n from attempts').get() as { n: number }).n;
	const attemptsBefore = countAttempts();

	const host = await pageFor(browser, app, teacher);
	await host.setViewportSize({ width: 1280, height: 900 });
	await host.goto(`/teacher/classes/${classId}/assignments/${assignmentId}`);
	await host.getByRole('link', { name: 'Start live game' }).click();
	await expect(
		host.getByRole('heading', { name: `Start a live game: ${lesson.title}` })
	).toBeVisible();
	const { pin, gameId } = await startGame(host, host.url());
	await expect(host.locator('.live-qr svg')).toBeVisible();
	await expect(host.getByText(`/play`).first()).toBeVisible();

	// The student scans the code (the PIN is filled in) and joins under their name.
	const dana = await pageFor(browser, app, student);
	await dana.setViewportSize(PHONE);
	await dana.goto(`/play?pin=${pin}`);
	await expect(dana.getByLabel('Game PIN')).toHaveValue(pin);
	await expect(dana.getByText('You join as Dana Student.')).toBeVisible();
	await dana.getByRole('button', { name: 'Join' }).click();
	await expect(dana.getByRole('heading', { name: "You're in!" })).toBeVisible();
	await expect(dana.getByTestId('counting')).toHaveText(
		'Your answers also count as an attempt of your class’s assignment.'
	);

	const ali = await visitorJoins(browser, app, pin, 'Ali');
	await expect(ali.getByRole('heading', { name: "You're in!" })).toBeVisible();
	const mischief = '<img src=x onerror=1>';
	const zed = await visitorJoins(browser, app, pin, mischief);
	await expect(zed.getByText(mischief)).toBeVisible(); // shown as text, not markup

	// The projector lists the names as they join (over the event stream, no reload).
	await expect(host.getByRole('heading', { name: '3 players joined' })).toBeVisible();
	for (const name of ['Dana Student', 'Ali', mischief]) {
		await expect(
			host.getByRole('list', { name: 'Players' }).getByText(name, { exact: true })
		).toBeVisible();
	}
	await expectAccessible(host);
	await shot(host, 'live-host-lobby');
	await expectAccessible(ali);
	await shot(ali, 'live-player-lobby');

	const players = [dana, ali, zed];
	const totals = [0, 0, 0];
	for (let position = 0; position < 3; position++) {
		await host
			.getByRole('button', { name: position === 0 ? 'Start the first question' : 'Next question' })
			.click();
		await expect(
			host.getByRole('heading', { name: `Question ${position + 1} of 3` })
		).toBeVisible();
		for (const p of players) {
			await expect(p.getByRole('heading', { name: `Question ${position + 1} of 3` })).toBeVisible();
		}
		// No key on a phone before the question closes.
		const key = keyOf(app, gameId, position);
		expect(await ali.content()).not.toContain('"answer"');
		if (position === 0) {
			await expectAccessible(ali);
			await shot(ali, 'live-player-question');
			await shot(host, 'live-host-question');
			// The keyboard alone answers: Tab to the first control and press Enter.
			await zed.locator('#live-view h1').focus();
			await zed.keyboard.press('Tab');
			// A typed question's field takes the answer first; a choice is a button.
			if (await zed.evaluate(() => document.activeElement?.tagName === 'INPUT')) {
				await zed.keyboard.type('zzz');
			}
			await zed.keyboard.press('Enter');
			await expect(zed.getByRole('heading', { name: 'Answer sent' })).toBeVisible();
		} else {
			await answer(zed, key, false);
		}
		if (position === 1) {
			// A reload mid-question: back in the same game, with the points so far.
			await ali.reload();
			await expect(ali.getByRole('heading', { name: 'Question 2 of 3' })).toBeVisible();
			await expect(ali.getByTestId('points')).toHaveText(String(totals[1]));
		}
		await answer(dana, key, true);
		await expect(host.getByTestId('answered')).toHaveText('2 of 3 answered');
		await answer(ali, key, true);
		// Everyone has answered: the question closes by itself.
		await expect(
			host.getByRole('heading', { name: `Question ${position + 1} of 3: the answer` })
		).toBeVisible();
		await expect(host.getByText('How the class answered')).toBeVisible();
		await expect(host.getByRole('link', { name: 'Read it in the lesson' })).toHaveAttribute(
			'href',
			new RegExp(`^/lessons/${lesson.slug}#s-\\d+$`)
		);
		await expect(host.getByRole('heading', { name: 'Top five' })).toBeVisible();
		await expect(dana.getByRole('heading', { name: /^Right! \+\d+ points$/ })).toBeVisible();
		if (position === 0) {
			await expectAccessible(host);
			await shot(host, 'live-host-reveal');
			await expectAccessible(dana);
			await shot(dana, 'live-player-verdict');
		}
		totals[0] = Number(await dana.getByTestId('points').textContent());
		totals[1] = Number(await ali.getByTestId('points').textContent());
		expect(totals[1]).toBeGreaterThan(0);
	}

	await host.getByRole('button', { name: 'Show the final results' }).click();
	await expect(host.getByRole('heading', { name: 'Final results' })).toBeVisible();
	await expect(host.getByRole('list', { name: 'Podium' })).toBeVisible();
	const rows = host.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(4);
	await expect(host.getByRole('row', { name: /Ali/ })).toContainText(`${totals[1]}`);
	await expectAccessible(host);
	await shot(host, 'live-host-final');
	await expect(ali.getByRole('heading', { name: 'Game over' })).toBeVisible();
	await expect(ali.getByText(`${totals[1]} points`).first()).toBeVisible();
	await shot(ali, 'live-player-final');

	const csv = await host.request.get(`/teacher/live/${gameId}/results.csv`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const lines = (await csv.text()).trim().split('\r\n');
	expect(lines).toHaveLength(4);
	expect(lines.find((l) => l.includes(',Ali,'))).toContain(`,no,${totals[1]},3,`);

	// The student's game is an attempt of the assignment: 3 of 3 in the gradebook.
	await host.goto(`/teacher/classes/${classId}/gradebook`);
	const row = host.getByRole('row', { name: new RegExp(student.username) });
	await expect(row).toContainText('100%');
	const attempts = app.db
		.prepare(
			'select count(*) as n, max(correct_count) as c from attempts where assignment_id = ? and finished_at is not null'
		)
		.get(assignmentId) as { n: number; c: number };
	expect(attempts).toEqual({ n: 1, c: 3 });
	// Visitors' answers are only in the game's results.
	expect(countAttempts()).toBe(attemptsBefore + 1);
});

test('a game without late joiners refuses them once it has started; an answer after the close is refused', async ({
	browser,
	app,
	teacher
}) => {
	const lesson = liveLesson(app);
	const host = await pageFor(browser, app, teacher);
	const { pin } = await startGame(host, `/teacher/live/new?lesson=${lesson.slug}`, {
		late: false,
		count: 2
	});
	const early = await visitorJoins(browser, app, pin, 'Early');
	await expect(early.getByRole('heading', { name: "You're in!" })).toBeVisible();
	await expect(host.getByRole('heading', { name: '1 player joined' })).toBeVisible();
	await host.getByRole('button', { name: 'Start the first question' }).click();
	await expect(early.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible();

	const late = await visitorJoins(browser, app, pin, 'Late');
	await expect(late.getByRole('alert')).toHaveText(
		'This game has started and does not take late joiners.'
	);
	await expect(late).toHaveURL(/\/play$/);

	// The host closes the question; an answer posted after that is refused with a message.
	await host.getByRole('button', { name: 'Close the question now' }).click();
	const refused = await early.request.post(`/play/${pin}/answer`, {
		data: { position: 0, response: 'True' },
		headers: { accept: 'application/json' }
	});
	expect(refused.status()).toBe(409);
	expect((await refused.json()).message).toBe('Too late: this question has closed.');

	// A wrong PIN says so; the page keeps what was typed.
	const stranger = await visitorJoins(browser, app, '000000' === pin ? '000001' : '000000', 'Who');
	await expect(stranger.getByRole('alert')).toHaveText(
		'No game has this PIN. Check it on the screen.'
	);
	await expect(stranger.getByLabel('Nickname')).toHaveValue('Who');
});

test('another teacher, a student and a visitor cannot host a game or read its results', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const lesson = liveLesson(app);
	const host = await pageFor(browser, app, teacher);
	const { gameId } = await startGame(host, `/teacher/live/new?lesson=${lesson.slug}`);
	const other = await pageFor(browser, app, await createUser(app, 'teacher', 'other'));
	for (const path of [
		`/teacher/live/${gameId}`,
		`/teacher/live/${gameId}/results.csv`,
		`/teacher/live/${gameId}/events`
	]) {
		expect((await other.request.get(path)).status()).toBe(404);
	}
	const pupil = await pageFor(browser, app, student);
	expect((await pupil.request.get(`/teacher/live/${gameId}`)).status()).toBe(403);
	const posted = await other.request.post(`/teacher/live/${gameId}?/next`, {
		form: {},
		headers: { origin: app.baseURL }
	});
	expect(posted.status()).toBe(404);
});
