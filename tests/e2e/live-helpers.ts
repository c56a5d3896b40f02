/** What the live-game browser tests share: a lesson to play, a class, keys, joining and answering. */
import type { Browser, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, type AppServer } from './fixtures';

export const PHONE = { width: 390, height: 844 };

export interface Key {
	type: string;
	answer: unknown;
	options: string[];
}

export async function shot(page: Page, name: string) {
	const dir = process.env.SABAQ_SCREENSHOTS;
	if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** A bundled lesson with at least three questions a live game asks (no matching). */
export function liveLesson(app: AppServer) {
	return app.db
		.prepare(
			`select l.id, l.slug, l.title from lessons l join sources s on s.id = l.source_id
			 where s.owner_id is null and l.active = 1
			   and (select count(*) from questions q where q.lesson_id = l.id and q.enabled = 1
			          and q.type <> 'matching') >= 4
			 order by l.position limit 1`
		)
		.get() as { id: number; slug: string; title: string };
}

/** A class with this student in it and an assignment of the lesson, straight into the database. */
export function classWithAssignment(
	app: AppServer,
	teacherId: string,
	studentId: string,
	lessonId: number
) {
	const classId = randomUUID();
	const assignmentId = randomUUID();
	app.db
		.prepare('insert into classes (id, teacher_id, name, join_code) values (?, ?, ?, ?)')
		.run(classId, teacherId, 'Live 7A', randomUUID().slice(0, 6).toUpperCase());
	app.db
		.prepare('insert into class_members (class_id, student_id) values (?, ?)')
		.run(classId, studentId);
	app.db
		.prepare(
			'insert into assignments (id, class_id, lesson_id, question_count) values (?, ?, ?, 3)'
		)
		.run(assignmentId, classId, lessonId);
	return { classId, assignmentId };
}

/** The key of the game's question at `position`, read from the database as the server keeps it. */
export function keyOf(app: AppServer, gameId: string, position: number): Key {
	const row = app.db.prepare('select questions from live_games where id = ?').get(gameId) as {
		questions: string;
	};
	return (JSON.parse(row.questions) as Key[])[position];
}

/** Answers on a phone: taps the right (or a wrong) choice, or types the key. */
export async function answer(page: Page, key: Key, right: boolean) {
	if (key.type === 'multiple_choice' || key.type === 'true_false') {
		const options = key.type === 'true_false' ? ['True', 'False'] : key.options;
		const keyText =
			key.type === 'true_false' ? (key.answer ? 'True' : 'False') : String(key.answer);
		const pick = right ? keyText : options.find((o) => o !== keyText)!;
		await page.locator(`button.live-choice[value="${pick.replace(/"/g, '\\"')}"]`).click();
	} else {
		await page.getByLabel(/Your answer/).fill(right ? String(key.answer) : 'zzz');
		await page.getByRole('button', { name: 'Send answer' }).click();
	}
	// Acknowledged; or, when it was the last answer awaited, the question closed and its verdict came
	// first (a verdict, not "no answer").
	await expect(
		page.getByRole('heading', { name: /^(Answer sent|Right! \+\d+ points|Not this time)$/ })
	).toBeVisible();
}

/** A visitor on a phone joins with a nickname; `before` runs on the page before it opens /play. */
export async function visitorJoins(
	browser: Browser,
	app: AppServer,
	pin: string,
	nickname: string,
	before: (page: Page) => Promise<void> = async () => {}
) {
	const context = await browser.newContext({ baseURL: app.baseURL, viewport: PHONE });
	const page = await context.newPage();
	await before(page);
	await page.goto('/play');
	await page.getByLabel('Game PIN').fill(pin);
	await page.getByLabel('Nickname').fill(nickname);
	await page.getByRole('button', { name: 'Join' }).click();
	return page;
}

export async function startGame(
	host: Page,
	path: string,
	options: { late?: boolean; count?: number; seconds?: number; leaderboard?: boolean } = {}
) {
	await host.goto(path);
	await host.getByLabel('Number of questions').fill(String(options.count ?? 3));
	await expect(host.getByLabel('Seconds per question')).toHaveValue('20');
	if (options.seconds) await host.getByLabel('Seconds per question').fill(String(options.seconds));
	if (options.leaderboard === false) await host.getByLabel('Show the leaderboard').uncheck();
	if (options.late === false)
		await host.getByLabel('Let students join after the first question').uncheck();
	await host.getByRole('button', { name: 'Start live game' }).click();
	await expect(host.getByTestId('pin')).toHaveText(/^\d{6}$/);
	const pin = (await host.getByTestId('pin').textContent())!.trim();
	const gameId = new URL(host.url()).pathname.split('/').pop()!;
	return { pin, gameId };
}
