/**
 * What the browser tests of the interface in Kazakh and Russian share: <html lang> from the server,
 * no English word left outside the lesson's own text (marked with the lang of its source), axe.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible } from './fixtures';

/** Latin words that are names, not English: the brand. */
const ALLOWED = new Set(['Sabaq']);

/** The Latin "words" of texts a test put on the page (usernames, codes, an address), to allow. */
export const latinWords = (...texts: string[]) =>
	texts.flatMap((text) => text.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []);

/**
 * Latin words in the page's visible text and accessible names, outside elements in another
 * language (a lesson's text) and other than words of that text quoted elsewhere (a title).
 */
export async function englishWords(page: Page, allowed: string[] = []): Promise<string[]> {
	const words = await page.evaluate(() => {
		const pageLang = document.documentElement.lang;
		const source = new Set<string>();
		const own: string[] = [];
		const latin = (text: string) => text.match(/[A-Za-z][A-Za-z'’-]+/g) ?? [];
		const foreign = (el: Element) =>
			(el.closest('[lang]') as HTMLElement | null)?.lang !== pageLang;
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			if (!el || el.closest('script, style, template') || !el.checkVisibility()) continue;
			const found = latin(node.textContent ?? '');
			if (foreign(el)) found.forEach((w) => source.add(w));
			else own.push(...found);
		}
		for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
			if (!el.checkVisibility() && !el.closest('svg')) continue;
			for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
				const value = el.getAttribute(name);
				if (value && !foreign(el)) own.push(...latin(value));
			}
		}
		own.push(...latin(document.title));
		return own.filter((w) => !source.has(w));
	});
	const ok = new Set([...ALLOWED, ...allowed]);
	return [...new Set(words.filter((w) => !ok.has(w)))];
}

/** A browser context in `locale` (by its cookie; the browser itself asks for English). */
export async function visitIn(
	browser: Browser,
	baseURL: string,
	locale: 'kk' | 'ru',
	token?: string,
	viewport?: { width: number; height: number }
) {
	const context = await browser.newContext({ baseURL, locale: 'en-GB', viewport });
	const cookies: { name: string; value: string; url: string }[] = [
		{ name: 'sabaq_locale', value: locale, url: baseURL }
	];
	if (token) cookies.push({ name: 'sabaq_session', value: token, url: baseURL });
	await context.addCookies(cookies);
	return context;
}

export async function expectInLanguage(page: Page, locale: 'kk' | 'ru', allowed: string[] = []) {
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	expect(await englishWords(page, allowed), page.url()).toEqual([]);
	await expectAccessible(page);
}
