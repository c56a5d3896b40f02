import { createUser, expect, signInAs, test, TEST_PASSWORD } from './fixtures';
import { expectInLanguage, visitIn } from './language-check';

// The interface in Kazakh and Russian: <html lang> from the server, no English word left outside
// the lesson's own text (marked with the lang of its source), axe clean, and the language switcher
// with and without JavaScript, remembered on the account after signing in.

for (const locale of ['kk', 'ru'] as const) {
	test.describe(`the interface in ${locale}`, () => {
		test('a visitor’s pages: lessons, a lesson, sign-in and registration with their errors, an error page', async ({
			browser,
			baseURL
		}) => {
			const context = await visitIn(browser, baseURL!, locale);
			const page = await context.newPage();
			await page.goto('/');
			await expectInLanguage(page, locale);
			const lessonHref = await page.locator('.lesson-card h2 a').first().getAttribute('href');
			await page.goto(lessonHref!);
			await expectInLanguage(page, locale);

			await page.goto('/login');
			await expectInLanguage(page, locale);
			await page.locator('#username').fill('nobody-here');
			await page.locator('#password').fill('wrong password here');
			await page.locator('form:not(.languages) button[type="submit"]').click();
			await expect(page.locator('[role="alert"]')).toContainText(
				locale === 'kk' ? 'құпиясөз қате' : 'Неверное имя пользователя или пароль'
			);
			await expectInLanguage(page, locale, ['nobody-here']);

			await page.goto('/register');
			await expectInLanguage(page, locale);
			await page.locator('#username').fill('pаvel'); // a Cyrillic а among Latin letters
			await page.locator('#displayName').fill('Павел Ким');
			await page.locator('#password').fill('long enough password');
			await page.locator('form:not(.languages) button[type="submit"]').click();
			await expect(page.locator('[role="alert"]')).toContainText(
				locale === 'kk' ? 'латын және кирилл' : 'латиница и кириллица'
			);
			await expectInLanguage(page, locale, ['pаvel', 'p', 'vel']);

			const missing = await page.goto('/no-such-page');
			expect(missing?.status()).toBe(404);
			await expectInLanguage(page, locale);

			// An answer that is no page (a game's state for someone not in it) opened in the browser:
			// SvelteKit's static error page, with its message and lang in the visitor's language.
			const notPage = await page.goto('/play/000000/state');
			expect(notPage?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				locale === 'kk'
					? 'Сіз бұл ойында жоқсыз. Қайта қосылыңыз.'
					: 'Вас нет в этой игре. Присоединитесь снова.'
			);
			await expectInLanguage(page, locale);
			await context.close();
		});

		test('a student’s history and review', async ({ browser, baseURL, app }) => {
			const student = await createUser(app, 'student');
			app.db.prepare('update users set display_name = ? where id = ?').run('Әйгерім', student.id);
			const context = await visitIn(browser, baseURL!, locale, student.token);
			const page = await context.newPage();
			for (const path of ['/', '/history', '/review']) {
				await page.goto(path);
				await expectInLanguage(page, locale);
			}
			await context.close();
		});
	});
}

test('the switcher works without JavaScript and returns to the same page', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: 'Қазақша' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кіру');
	await expect(page.getByRole('button', { name: 'Қазақша' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await context.close();
});

test('with JavaScript the page is swapped in place in the new language', async ({ page }) => {
	await page.goto('/register');
	await page.getByRole('button', { name: 'Русский' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Создать учётную запись');
	await expect(page).toHaveURL(/\/register$/);
});

test('a language chosen before signing in is kept on the account', async ({
	browser,
	baseURL,
	app,
	student
}) => {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByRole('button', { name: 'Қазақша' }).click();
	await page.getByLabel('Пайдаланушы аты').fill(student.username);
	await page.getByLabel('Құпиясөз').fill(TEST_PASSWORD);
	await page.locator('form:not(.languages) button[type="submit"]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Сабақтар');
	await context.close();

	// Another device, no language cookie, a Russian browser: the account's choice wins.
	const other = await browser.newContext({ baseURL, locale: 'ru-RU' });
	const phone = await other.newPage();
	await signInAs(phone, app, student);
	await phone.goto('/');
	await expect(phone.locator('html')).toHaveAttribute('lang', 'kk');
	await other.close();
});

test('a visitor’s language comes from the browser, and cached pages keep each apart', async ({
	browser,
	baseURL
}) => {
	for (const [browserLocale, lang] of [
		['ru-RU', 'ru'],
		['kk-KZ', 'kk'],
		['de-DE', 'en']
	] as const) {
		const context = await browser.newContext({ baseURL, locale: browserLocale });
		const page = await context.newPage();
		const response = await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		expect(response?.headers()['vary']).toContain('Accept-Language');
		await context.close();
	}
});
