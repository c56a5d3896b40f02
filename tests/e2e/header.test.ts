import type { Page } from '@playwright/test';
import { createUser, expect, expectAccessible, test } from './fixtures';

// The header keeps one row on a 390 px phone, in every language and for the longest set of links
// (an administrator's, under a long Kazakh name): the brand, the menu and the language switcher
// side by side, nothing wider than the screen.

const LOCALES = ['en', 'kk', 'ru'] as const;

/** The tops and bottoms of the bar's visible items, and how wide the page is. */
async function barLayout(page: Page) {
	return page.evaluate(() => {
		const bar = document.querySelector('.site-header .bar')!;
		const items = [...bar.children]
			.map((el) => el.getBoundingClientRect())
			.filter((box) => box.width > 0 && box.height > 0);
		return {
			items: items.length,
			tops: items.map((box) => Math.round(box.top)),
			bottoms: items.map((box) => Math.round(box.bottom)),
			pageWidth: document.documentElement.scrollWidth
		};
	});
}

for (const locale of LOCALES) {
	test(`the header keeps one row at 390 px and at 1280 px (${locale})`, async ({
		browser,
		app
	}) => {
		const admin = await createUser(app, 'teacher', 'header-admin', { admin: true });
		app.db
			.prepare('update users set display_name = ? where id = ?')
			.run('Әйгерім Сәдуақасқызы-Нұрмағамбетова', admin.id);
		for (const width of [390, 1280]) {
			const context = await browser.newContext({
				baseURL: app.baseURL,
				viewport: { width, height: 800 }
			});
			await context.addCookies([
				{ name: 'sabaq_locale', value: locale, url: app.baseURL },
				{ name: 'sabaq_session', value: admin.token, url: app.baseURL }
			]);
			const page = await context.newPage();
			await page.goto('/teacher');
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			const layout = await barLayout(page);
			// Brand, links or menu, account (wide only) and switcher: at least three items in view.
			expect(layout.items, `${width} px`).toBeGreaterThanOrEqual(3);
			// One row: every item starts above where the first one ends.
			const firstBottom = Math.min(...layout.bottoms);
			for (const top of layout.tops) expect(top, `${width} px`).toBeLessThan(firstBottom);
			expect(layout.pageWidth, `${width} px`).toBeLessThanOrEqual(width);
			if (width === 390) {
				// On the phone the links are in the menu, which opens with the keyboard.
				const menu = page.locator('.site-header summary');
				await menu.focus();
				await page.keyboard.press('Enter');
				await expect(page.locator('nav.narrow a[href="/admin"]')).toBeVisible();
				await expectAccessible(page);
			}
			await context.close();
		}
	});
}
