import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { createUser, expect, test } from './fixtures';
import { expectInLanguage, latinWords, visitIn } from './language-check';
import { keyOf, liveLesson, PHONE, shot, type Key } from './live-helpers';

/** With SABAQ_SCREENSHOTS set: the page at a phone's 390 px and a laptop's 1280 px. */
async function shots(page: Page, name: string) {
	if (!process.env.SABAQ_SCREENSHOTS) return;
	const size = page.viewportSize();
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 844 });
		await shot(page, `${name}-${width}`);
	}
	if (size) await page.setViewportSize(size);
}

// Joining a class, a student's assignment, the account pages, administration and a live game, in
// Kazakh and Russian: <html lang> from the server, no English word outside the lesson's own text
// (its title, questions and answers keep their language, marked with lang), axe clean.

const WORDS = {
	kk: {
		wrongCode: 'ешбір сынып',
		joined: 'қосылдыңыз',
		wrongPassword: 'Қазіргі құпиясөз қате',
		revoked: 'кері қайтарылды',
		youreIn: 'Сіз ойындасыз!',
		sent: 'Жауап жіберілді',
		gameOver: 'Ойын аяқталды'
	},
	ru: {
		wrongCode: 'Ни один класс',
		joined: 'Вы вступили в класс',
		wrongPassword: 'Текущий пароль неверен',
		revoked: 'Приглашение отозвано',
		youreIn: 'Вы в игре!',
		sent: 'Ответ отправлен',
		gameOver: 'Игра окончена'
	}
} as const;

/** Taps the right choice, or types the key, on a phone whatever the page's language. */
async function answerRight(page: Page, key: Key) {
	if (key.type === 'multiple_choice' || key.type === 'true_false') {
		const value = key.type === 'true_false' ? (key.answer ? 'True' : 'False') : String(key.answer);
		await page.locator(`button.live-choice[value="${value.replace(/"/g, '\\"')}"]`).click();
	} else {
		await page.locator('#live-typed').fill(String(key.answer));
		await page.locator('#live-view form button[type="submit"]').click();
	}
}

for (const locale of ['kk', 'ru'] as const) {
	const words = WORDS[locale];
	test.describe(`in ${locale}`, () => {
		test('a student joins a class with its code, opens the assignment and the account pages', async ({
			browser,
			baseURL,
			app
		}) => {
			test.setTimeout(120_000);
			const teacher = await createUser(app, 'teacher');
			app.db
				.prepare('update users set display_name = ? where id = ?')
				.run('Гүлнар Сейтова', teacher.id);
			const student = await createUser(app, 'student');
			app.db.prepare('update users set display_name = ? where id = ?').run('Әйгерім', student.id);
			const lesson = liveLesson(app);
			const classId = randomUUID();
			const assignmentId = randomUUID();
			const code = `${locale === 'kk' ? 'K' : 'R'}7${randomUUID().replace(/\D/g, '').slice(0, 4)}`;
			app.db
				.prepare('insert into classes (id, teacher_id, name, join_code) values (?, ?, ?, ?)')
				.run(classId, teacher.id, '7 Ә сыныбы', code);
			app.db
				.prepare(
					'insert into assignments (id, class_id, lesson_id, question_count, due_at, attempts_allowed) values (?, ?, ?, 3, ?, 2)'
				)
				.run(assignmentId, classId, lesson.id, Date.now() + 3 * 86_400_000);
			const allowed = latinWords(student.username, teacher.username);

			const context = await visitIn(browser, baseURL!, locale, student.token);
			const page = await context.newPage();
			await page.goto('/join');
			await expectInLanguage(page, locale);
			await page.locator('#code').fill('ZZZZZZ');
			await page.locator('form:has(#code) button').click();
			await expect(page.getByRole('alert')).toContainText(words.wrongCode);
			await expectInLanguage(page, locale);
			await page.locator('#code').fill(code.toLowerCase());
			await page.locator('form:has(#code) button').click();
			await expect(page.getByRole('status').filter({ hasText: words.joined })).toContainText(
				'7 Ә сыныбы'
			);
			await expect(page.locator('.mine li')).toContainText('Гүлнар Сейтова');
			await expectInLanguage(page, locale);
			await shots(page, `${locale}-join`);

			await page.goto(`/assignments/${assignmentId}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
			await expectInLanguage(page, locale);
			await shots(page, `${locale}-assignment`);

			await page.goto('/account');
			await expectInLanguage(page, locale, allowed);
			await page.locator('#current').fill('not my password at all');
			await page.locator('#password').fill('a brand new password');
			await page.locator('#confirm').fill('a brand new password');
			await page.locator('form[action="?/password"] button').click();
			await expect(page.getByRole('alert')).toContainText(words.wrongPassword);
			await expectInLanguage(page, locale, allowed);
			await shots(page, `${locale}-account`);

			await page.goto('/account/name');
			await expectInLanguage(page, locale, allowed);

			// A student signed in with a one-time password from the teacher chooses their own.
			app.db.prepare('update users set must_change_password = 1 where id = ?').run(student.id);
			await page.goto('/account/new-password');
			await expectInLanguage(page, locale, allowed);
			await page.locator('#password').fill('a brand new password');
			await page.locator('#confirm').fill('another new password');
			await page.locator('form:has(#confirm) button').click();
			await expect(page.getByRole('alert')).toBeVisible();
			await expectInLanguage(page, locale, allowed);
			await shots(page, `${locale}-new-password`);
			await context.close();
		});

		test('the administration page: invite a teacher and revoke the invitation', async ({
			browser,
			baseURL,
			app
		}) => {
			const admin = await createUser(app, 'teacher', 'admin', { admin: true });
			const context = await visitIn(browser, baseURL!, locale, admin.token);
			const page = await context.newPage();
			await page.goto('/admin');
			await page.locator('#note').fill('Ерлан');
			await page.locator('form[action="?/invite"] button').click();
			const invitation = (await page.getByTestId('invitation-code').textContent())!;
			// The code, and what people wrote (the teachers' usernames and names, the invitations'
			// notes, some made by other tests on this database), are not words of the interface.
			const written = app.db
				.prepare(
					`select username as text from users where role = 'teacher'
					 union all select display_name from users where role = 'teacher'
					 union all select note from invitations`
				)
				.all() as { text: string | null }[];
			const allowed = latinWords(invitation, ...written.map((w) => w.text ?? ''));
			await expectInLanguage(page, locale, allowed);
			await shots(page, `${locale}-admin`);
			await page
				.getByRole('row', { name: /Ерлан/ })
				.locator('form[action="?/revoke"] button')
				.click();
			await expect(page.getByRole('status').filter({ hasText: words.revoked })).toBeVisible();
			await expectInLanguage(page, locale, allowed);
			await context.close();
		});

		test('a live game: the teacher starts it, players join and answer, the results show', async ({
			browser,
			baseURL,
			app
		}) => {
			test.setTimeout(150_000);
			const teacher = await createUser(app, 'teacher');
			const lesson = liveLesson(app);
			const host = await (await visitIn(browser, baseURL!, locale, teacher.token)).newPage();
			const teacherName = latinWords(teacher.username);
			await host.goto(`/teacher/live/new?lesson=${lesson.slug}`);
			await expectInLanguage(host, locale, teacherName);
			await shots(host, `${locale}-live-new`);
			await host.locator('#live-count').fill('1');
			// Long enough that the axe checks below finish before the question closes by itself.
			await host.locator('#live-seconds').fill('120');
			await host.locator('form:has(#live-count) button[type="submit"]').click();
			await expect(host.getByTestId('pin')).toHaveText(/^\d{6}$/);
			const pin = (await host.getByTestId('pin').textContent())!.trim();
			const gameId = new URL(host.url()).pathname.split('/').pop()!;
			// The join address is an address, and a QR code is called so in every language.
			const address = [...teacherName, ...latinWords(`${baseURL}/play`, 'QR-')];

			const phones: Page[] = [];
			for (const nickname of ['Айдана', 'Нұрлан']) {
				const phone = await (await visitIn(browser, baseURL!, locale, undefined, PHONE)).newPage();
				await phone.goto('/play');
				await expectInLanguage(phone, locale);
				await phone.locator('#pin').fill(pin);
				await phone.locator('#nickname').fill(nickname);
				await phone.locator('form:has(#pin) button').click();
				await expect(phone.getByRole('heading', { level: 1 })).toHaveText(words.youreIn);
				phones.push(phone);
			}
			const [aidana, nurlan] = phones;
			await expectInLanguage(aidana, locale);
			await expect(host.locator('#players-heading')).toContainText('2');
			await expectInLanguage(host, locale, address);
			await shots(host, `${locale}-live-host-lobby`);

			await host.locator('form[action="?/next"] button').click();
			// The question comes to the phones over the event stream, drawn by the page's script.
			await expect(aidana.locator('.live-prompt')).toBeVisible();
			await expectInLanguage(aidana, locale);
			await expectInLanguage(host, locale, address);
			await shots(aidana, `${locale}-live-question`);
			await shots(host, `${locale}-live-host-question`);

			const key = keyOf(app, gameId, 0);
			await answerRight(aidana, key);
			await expect(aidana.getByRole('heading', { level: 1 })).toHaveText(words.sent);
			await expectInLanguage(aidana, locale);
			await answerRight(nurlan, key);
			// Everyone answered: the question closes and each phone shows its verdict.
			await expect(aidana.locator('h1.live-verdict')).toBeVisible();
			await expectInLanguage(aidana, locale);
			await expect(host.locator('#reveal-heading')).toBeVisible();
			await expectInLanguage(host, locale, address);
			await shots(aidana, `${locale}-live-verdict`);
			await shots(host, `${locale}-live-host-reveal`);

			await host.locator('form[action="?/next"] button').click();
			await expect(host.locator('#end-heading')).toBeVisible();
			await expectInLanguage(host, locale, [...teacherName, 'CSV']);
			await expect(aidana.getByRole('heading', { level: 1 })).toHaveText(words.gameOver);
			await expectInLanguage(aidana, locale);
			await shots(host, `${locale}-live-host-end`);
			await shots(aidana, `${locale}-live-end`);
		});
	});
}
