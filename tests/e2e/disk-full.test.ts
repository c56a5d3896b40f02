import { expect, test, type Browser } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser, freePort, signInAs, startServer, type AppServer } from './fixtures';
import { expectInLanguage, visitIn } from './language-check';
import { attemptIdFromUrl, attemptSnapshots, fillAnswer, startQuiz } from './quiz-helpers';

// A real full disk: a small tmpfs (which needs root, as CI and this machine run) holding the
// database, filled up with a file. The server must stay up, say why it cannot save, and start.

const CANNOT_SAVE = 'The server cannot save right now because its disk is full.';
const CANNOT_SAVE_IN = {
	kk: 'Сервер қазір ештеңе сақтай алмайды, себебі оның дискісі толып қалды.',
	ru: 'Сервер сейчас не может ничего сохранить, потому что его диск заполнен.'
};

/** A sign-up sent by a plain form in `locale`: the page that answers is in that language. */
async function expectRefusedIn(browser: Browser, baseURL: string, locale: 'kk' | 'ru') {
	const context = await visitIn(browser, baseURL, locale);
	const page = await context.newPage();
	await page.goto('/');
	const answered = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.evaluate(() => {
		const form = document.createElement('form');
		form.method = 'post';
		form.action = '/register';
		const fields = {
			username: 'жаңа.оқушы',
			password: 'a long enough password',
			displayName: 'Жаңа Оқушы',
			role: 'student'
		};
		for (const [name, value] of Object.entries(fields)) {
			const input = document.createElement('input');
			input.type = 'hidden';
			input.name = name;
			input.value = value;
			form.append(input);
		}
		document.body.append(form);
		form.submit();
	});
	expect((await answered).status()).toBe(503);
	await page.waitForLoadState();
	await expect(page.getByText(CANNOT_SAVE_IN[locale])).toBeVisible();
	await expectInLanguage(page, locale);
	await context.close();
}

/** Writes a file until the disk has no byte left. */
function fillDisk(dir: string) {
	const fd = openSync(join(dir, 'filler'), 'w');
	try {
		for (const size of [1 << 20, 1 << 12, 1 << 9]) {
			const chunk = Buffer.alloc(size);
			try {
				for (;;) writeSync(fd, chunk);
			} catch {
				/* ENOSPC: on to smaller chunks */
			}
		}
	} finally {
		closeSync(fd);
	}
}

const freeDisk = (dir: string) => rmSync(join(dir, 'filler'));

async function register(baseURL: string, username: string) {
	return fetch(`${baseURL}/register`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin: baseURL,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			username,
			password: 'a long enough password',
			displayName: 'Disk Test',
			role: 'student'
		})
	});
}

async function health(baseURL: string) {
	const response = await fetch(`${baseURL}/healthz`);
	return { status: response.status, body: await response.json() };
}

async function studentPage(browser: Browser, app: AppServer) {
	const context = await browser.newContext({ baseURL: app.baseURL });
	const page = await context.newPage();
	return { context, page };
}

test('a full disk: saving is refused with a clear 503, the server stays up and starts again read-only', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const disk = mkdtempSync(join(tmpdir(), 'sabaq-full-disk-'));
	execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', disk]);
	const databasePath = join(disk, 'sabaq.db');
	const port = await freePort();
	let running: Awaited<ReturnType<typeof startServer>> | undefined;
	try {
		// A working server on the small disk, with a student in the middle of a quiz.
		running = await startServer(port, { DATABASE_URL: databasePath });
		const app = running.server;
		const student = await createUser(app, 'student');
		const slug = (
			app.db.prepare('select slug from lessons where active = 1 limit 1').get() as {
				slug: string;
			}
		).slug;
		const { context, page } = await studentPage(browser, app);
		await signInAs(page, app, student);
		await page.goto(`/lessons/${slug}/quiz`);
		await startQuiz(page);

		// The disk fills while the server runs. (An emptied WAL means every commit needs room.)
		app.db.pragma('wal_checkpoint(TRUNCATE)');
		fillDisk(disk);

		// An answer cannot be saved: the page says why, with 503, and nothing crashes.
		const position = Number(await page.locator('input[name="position"]').inputValue());
		await fillAnswer(page, attemptSnapshots(app, attemptIdFromUrl(page))[position], true);
		const answered = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.getByRole('button', { name: 'Check answer' }).click();
		expect((await answered).status()).toBe(503);
		await expect(page.getByRole('heading', { name: 'Cannot save right now' })).toBeVisible();
		await expect(page.getByRole('alert')).toContainText(CANNOT_SAVE);

		// A sign-up is refused alike; reading still works; /healthz says why.
		const refused = await register(app.baseURL, 'newcomer');
		expect(refused.status).toBe(503);
		expect(await refused.text()).toContain(CANNOT_SAVE);
		await expectRefusedIn(browser, app.baseURL, 'kk');
		await expectRefusedIn(browser, app.baseURL, 'ru');
		await page.goto('/history');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect((await page.request.get(`/lessons/${slug}`)).status()).toBe(200);
		expect(await health(app.baseURL)).toEqual({
			status: 503,
			body: {
				status: 'unavailable',
				reason: expect.stringMatching(/^the database cannot be written because its disk is full/),
				code: expect.stringMatching(/^SQLITE_(FULL|IOERR)/)
			}
		});
		expect(running.output()).toMatch(/POST \/register was refused: the database cannot be written/);

		// Room again: the same server saves again, without a restart.
		freeDisk(disk);
		expect((await health(app.baseURL)).status).toBe(200);
		expect((await register(app.baseURL, 'newcomer')).status).toBe(303);
		await context.close();
		await running.stop();
		running = undefined;

		// A start on a disk that is already full: read-only, and it says so.
		// The last connection to close folds the WAL in and removes it with the shared-memory file,
		// which the next start must make again, on a full disk.
		const last = new Database(databasePath);
		last.prepare('select count(*) from sqlite_master').get();
		last.close();
		expect(existsSync(`${databasePath}-shm`)).toBe(false);
		fillDisk(disk);
		running = await startServer(port, { DATABASE_URL: databasePath });
		const again = running.server;
		expect(running.output()).toMatch(
			/Sabaq is running read-only: the database cannot be written because its disk is full/
		);
		const reader = await studentPage(browser, again);
		await signInAs(reader.page, again, student);
		await reader.page.goto(`/lessons/${slug}`);
		await expect(reader.page.getByRole('heading', { level: 1 })).toBeVisible();
		await reader.page.goto('/history');
		await expect(reader.page.getByRole('heading', { level: 1 })).toBeVisible();
		const second = await register(again.baseURL, 'latecomer');
		expect(second.status).toBe(503);
		expect(await second.text()).toContain(CANNOT_SAVE);
		expect((await health(again.baseURL)).status).toBe(503);
		await reader.context.close();
	} catch (error) {
		console.log(running?.output());
		throw error;
	} finally {
		await running?.stop();
		execFileSync('umount', [disk]);
		rmSync(disk, { recursive: true, force: true });
	}
});
