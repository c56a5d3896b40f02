/**
 * A live game in a real classroom: the teacher starts it from the lesson she has open, a phone
 * whose network will not keep an event stream open plays by polling, the server restarts
 * mid-question (a real process restart on the same database) and the game goes on, and a phone
 * at 390 px plays with the keyboard alone.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	test,
	expect,
	expectAccessible,
	createUser,
	freePort,
	signInAs,
	startServer
} from './fixtures';
import { pageFor } from './teacher-helpers';
import { PHONE, answer, keyOf, liveLesson, shot, startGame, visitorJoins } from './live-helpers';

/** Nothing on the page is wider than the phone: no sideways scrolling. */
async function fitsPhone(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(PHONE.width);
}

/** Presses Tab until the control with this id has the focus (as a keyboard user would). */
async function tabTo(page: Page, id: string) {
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
	}
	throw new Error(`Tab never reached #${id}`);
}

test('the lesson page offers its teacher "Start live game", without JavaScript; students and visitors never see it', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const lesson = liveLesson(app);
	const context = await browser.newContext({ baseURL: app.baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAs(page, app, teacher);
	await page.goto(`/lessons/${lesson.slug}`);
	const start = page.getByRole('link', { name: 'Start live game' });
	await expect(start).toHaveAttribute('href', `/teacher/live/new?lesson=${lesson.slug}`);
	await start.click();
	await expect(
		page.getByRole('heading', { name: `Start a live game: ${lesson.title}` })
	).toBeVisible();
	await page.getByRole('button', { name: 'Start live game' }).click();
	await expect(page.getByTestId('pin')).toHaveText(/^\d{6}$/);
	await context.close();

	const withScript = await pageFor(browser, app, teacher);
	await withScript.goto(`/lessons/${lesson.slug}`);
	await expect(withScript.getByRole('link', { name: 'Start live game' })).toBeVisible();
	await expectAccessible(withScript);
	await withScript.setViewportSize(PHONE);
	await fitsPhone(withScript);
	await shot(withScript, 'live-lesson-teacher');

	const pupil = await pageFor(browser, app, student);
	await pupil.goto(`/lessons/${lesson.slug}`);
	await expect(pupil.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
	await expect(pupil.getByRole('link', { name: 'Start live game' })).toHaveCount(0);
	const visitor = await browser.newPage({ baseURL: app.baseURL });
	await visitor.goto(`/lessons/${lesson.slug}`);
	await expect(visitor.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
	await expect(visitor.getByRole('link', { name: 'Start live game' })).toHaveCount(0);
	await visitor.close();
});

test('a phone that cannot open the event stream plays the game by polling', async ({
	browser,
	app,
	teacher
}) => {
	test.setTimeout(90_000);
	const lesson = liveLesson(app);
	const host = await pageFor(browser, app, teacher);
	const { pin, gameId } = await startGame(host, `/teacher/live/new?lesson=${lesson.slug}`, {
		count: 2
	});
	const blocked: string[] = [];
	const polled: string[] = [];
	const ana = await visitorJoins(browser, app, pin, 'Ana', async (page) => {
		// A network (a proxy, a captive portal) that will not let the stream through.
		await page.route(
			(url) => url.pathname.endsWith('/events'),
			(route) => {
				blocked.push(route.request().url());
				return route.abort('connectionrefused');
			}
		);
		page.on('request', (request) => {
			if (new URL(request.url()).pathname === `/play/${pin}/state`) polled.push(request.url());
		});
	});
	await expect(ana.getByRole('heading', { name: "You're in!" })).toBeVisible();
	await expect(host.getByRole('heading', { name: '1 player joined' })).toBeVisible();

	await host.getByRole('button', { name: 'Start the first question' }).click();
	// The stream never opens: within a few seconds the page asks for the state instead.
	await expect(ana.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible({
		timeout: 20_000
	});
	expect(blocked.length).toBeGreaterThan(0);
	expect(polled.length).toBeGreaterThan(0);
	await answer(ana, keyOf(app, gameId, 0), true);
	// She was the only player: the question closes and the next poll brings her verdict.
	await expect(ana.getByRole('heading', { name: /^Right! \+\d+ points$/ })).toBeVisible({
		timeout: 20_000
	});
	const points = Number(await ana.getByTestId('points').textContent());
	expect(points).toBeGreaterThan(500);
	await host.getByRole('button', { name: 'Next question' }).click();
	await expect(ana.getByRole('heading', { name: 'Question 2 of 2' })).toBeVisible({
		timeout: 20_000
	});
	await expect(ana.getByTestId('points')).toHaveText(String(points));
});

test('a server restarted mid-question (a real process restart) resumes the game at its question, with the scores', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const dir = mkdtempSync(join(tmpdir(), 'sabaq-live-restart-'));
	const databasePath = join(dir, 'sabaq.db');
	const port = await freePort();
	let running = await startServer(port, { DATABASE_URL: databasePath });
	try {
		const first = running.server;
		const teacher = await createUser(first, 'teacher');
		const lesson = liveLesson(first);
		const host = await pageFor(browser, first, teacher);
		const { pin, gameId } = await startGame(host, `/teacher/live/new?lesson=${lesson.slug}`, {
			count: 2,
			seconds: 120
		});
		const ana = await visitorJoins(browser, first, pin, 'Ana');
		const bek = await visitorJoins(browser, first, pin, 'Bek');
		await expect(host.getByRole('heading', { name: '2 players joined' })).toBeVisible();
		await host.getByRole('button', { name: 'Start the first question' }).click();
		for (const phone of [ana, bek]) {
			await expect(phone.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible();
		}
		const key = keyOf(first, gameId, 0);
		await answer(ana, key, true);

		// The server process stops and starts again on the same database and port.
		await running.stop();
		running = await startServer(port, { DATABASE_URL: databasePath });
		const again = running.server;
		expect(
			again.db.prepare('select phase, current from live_games where id = ?').get(gameId)
		).toEqual({ phase: 'question', current: 0 });

		// Bek's phone still shows question 1: his answer after the restart is taken, and with it
		// everyone has answered, so the question closes.
		await answer(bek, key, false);
		await expect(ana.getByRole('heading', { name: /^Right! \+\d+ points$/ })).toBeVisible({
			timeout: 20_000
		});
		const points = Number(await ana.getByTestId('points').textContent());
		expect(points).toBeGreaterThan(500);

		// The projector reloads into the same game and moves it on.
		await host.reload();
		await expect(host.getByRole('heading', { name: 'Question 1 of 2: the answer' })).toBeVisible();
		await expect(host.getByText('How the class answered')).toBeVisible();
		await host.getByRole('button', { name: 'Next question' }).click();
		for (const phone of [ana, bek]) {
			await expect(phone.getByRole('heading', { name: 'Question 2 of 2' })).toBeVisible({
				timeout: 20_000
			});
		}
		await ana.reload();
		await expect(ana.getByTestId('points')).toHaveText(String(points));
		const stored = again.db
			.prepare('select count(*) as n from live_answers where game_id = ?')
			.get(gameId) as { n: number };
		expect(stored.n).toBe(2);
	} catch (error) {
		console.log(running.output());
		throw error;
	} finally {
		await running.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a phone at 390 px joins and plays with the keyboard alone, every screen passing axe; with the leaderboard off nobody sees another’s score', async ({
	browser,
	app,
	teacher
}) => {
	test.setTimeout(120_000);
	const lesson = liveLesson(app);
	const host = await pageFor(browser, app, teacher);
	const { pin, gameId } = await startGame(host, `/teacher/live/new?lesson=${lesson.slug}`, {
		count: 3,
		leaderboard: false
	});
	const context = await browser.newContext({ baseURL: app.baseURL, viewport: PHONE });
	const phone = await context.newPage();
	await phone.goto('/play');
	await expectAccessible(phone);
	await fitsPhone(phone);
	await tabTo(phone, 'pin');
	await phone.keyboard.type(pin);
	await phone.keyboard.press('Tab');
	await expect(phone.getByLabel('Nickname')).toBeFocused();
	await phone.keyboard.type('Kim');
	await phone.keyboard.press('Enter');
	await expect(phone.getByRole('heading', { name: "You're in!" })).toBeVisible();
	await expectAccessible(phone);
	await fitsPhone(phone);

	for (let position = 0; position < 3; position++) {
		await host
			.getByRole('button', { name: position === 0 ? 'Start the first question' : 'Next question' })
			.click();
		// The new question takes the focus, so a keyboard (or screen reader) starts from it.
		await expect(
			phone.getByRole('heading', { name: `Question ${position + 1} of 3` })
		).toBeFocused();
		await expectAccessible(phone);
		await fitsPhone(phone);
		const key = keyOf(app, gameId, position);
		if (key.type === 'multiple_choice' || key.type === 'true_false') {
			const options = key.type === 'true_false' ? ['True', 'False'] : key.options;
			const right =
				key.type === 'true_false' ? (key.answer ? 'True' : 'False') : String(key.answer);
			// Tab from the heading through the choices to the right one; each is big enough to tap.
			for (let i = 0; i <= options.indexOf(right); i++) await phone.keyboard.press('Tab');
			const focused = phone.locator('button.live-choice:focus');
			await expect(focused).toHaveAttribute('value', right);
			expect((await focused.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		} else {
			await phone.keyboard.press('Tab');
			await expect(phone.getByLabel(/Your answer/)).toBeFocused();
			await phone.keyboard.type(String(key.answer));
		}
		await phone.keyboard.press('Enter');
		// The only player has answered: the question closes at once and its verdict takes the focus.
		await expect(phone.getByRole('heading', { name: /^Right! \+\d+ points$/ })).toBeFocused();
		await expectAccessible(phone);
		await fitsPhone(phone);
		if (position === 0) await shot(phone, 'live-player-keyboard-verdict');
	}
	await host.getByRole('button', { name: 'Show the final results' }).click();
	await expect(phone.getByRole('heading', { name: 'Game over' })).toBeVisible();
	await expectAccessible(phone);
	await fitsPhone(phone);
	// Formative mode: no top five, rank or podium on the phone; the projector keeps the scores
	// folded away for the teacher.
	await expect(phone.getByRole('heading', { name: /Top five|Podium/ })).toHaveCount(0);
	await expect(phone.getByText(/rank/)).toHaveCount(0);
	await expect(host.getByRole('heading', { name: 'Final results' })).toBeVisible();
	await expect(host.getByRole('list', { name: 'Podium' })).toHaveCount(0);
	await expect(host.getByRole('table')).toBeHidden();
	await host.getByText("Every player's score (not shown to the class").click();
	await expect(host.getByRole('row', { name: /Kim/ })).toBeVisible();
	await expectAccessible(host);
});

test('guessing PINs is throttled: after a hundred wrong ones from an address, even a right one waits', async ({
	browser
}) => {
	test.setTimeout(90_000);
	// A server of its own: the throttle counts per address, and every test comes from 127.0.0.1.
	const running = await startServer(await freePort());
	try {
		const app = running.server;
		const host = await pageFor(browser, app, await createUser(app, 'teacher'));
		const { pin } = await startGame(host, `/teacher/live/new?lesson=${liveLesson(app).slug}`);
		const context = await browser.newContext({ baseURL: app.baseURL });
		const join = (tried: string, nickname = 'Guesser') =>
			context.request.post('/play', {
				form: { pin: tried, nickname },
				headers: { origin: app.baseURL, accept: 'text/html' },
				maxRedirects: 0
			});
		const wrong = pin === '999999' ? '999998' : '999999';
		for (let i = 0; i < 100; i++) expect((await join(wrong)).status()).toBe(404);
		const refused = await join(wrong);
		expect(refused.status()).toBe(429);
		expect(await refused.text()).toContain('Too many wrong PINs. Wait 2 seconds and try again.');
		expect((await join(pin, 'Right')).status()).toBe(429);
		await new Promise((done) => setTimeout(done, 2100));
		const joined = await join(pin, 'Right');
		expect(joined.status()).toBe(303);
		expect(joined.headers().location).toBe(`/play/${pin}`);
		await context.close();
	} finally {
		await running.stop();
	}
});
