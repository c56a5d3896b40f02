import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { SESSION_COOKIE } from './auth/session';
import {
	ANONYMOUS_PAGES,
	invalidatePageCache,
	publishPages,
	rememberPage,
	type AnonymousPages
} from './page-cache';

/** What scripts/serve.js finds on globalThis, by the key it spells out. */
const published = () =>
	(globalThis as Record<symbol, AnonymousPages | undefined>)[Symbol.for('sabaq.anonymousPages')];

async function remember(db: ReturnType<typeof createTestDatabase>['db'], locale: 'en' | 'kk') {
	const html = new Response(`<p>${locale}</p>`, {
		headers: { 'content-type': 'text/html', vary: 'Accept-Language, Cookie' }
	});
	await rememberPage(db, locale, new URL('http://sabaq.test/'), html);
}

describe('the page cache as the HTTP server reads it', () => {
	it('is published under the key serve.js reads, with everything serve.js asks', async () => {
		const { db } = createTestDatabase();
		invalidatePageCache();
		await remember(db, 'en');
		publishPages(db);
		const pages = published()!;
		expect(ANONYMOUS_PAGES).toBe(Symbol.for('sabaq.anonymousPages'));
		expect(new TextDecoder().decode(pages.lookup('/', undefined, 'en-GB')!.body)).toBe('<p>en</p>');
		// Another language, another path, a query string: not this page.
		expect(pages.lookup('/', 'sabaq_locale=kk', 'en')).toBeNull();
		expect(pages.lookup('/lessons/x', undefined, 'en')).toBeNull();
		expect(pages.lookup('/?a=1', undefined, 'en')).toBeNull();
		await remember(db, 'kk');
		expect(new TextDecoder().decode(pages.lookup('/', 'sabaq_locale=kk')!.body)).toBe('<p>kk</p>');
		expect(pages.vary).toBe('Accept-Language, Cookie');
	});

	it('knows a signed-in request by the app session cookie name, wherever it sits in the header', () => {
		const { db } = createTestDatabase();
		publishPages(db);
		const pages = published()!;
		expect(pages.signedIn(`${SESSION_COOKIE}=abc`)).toBe(true);
		expect(pages.signedIn(`sabaq_locale=kk; ${SESSION_COOKIE}=abc`)).toBe(true);
		expect(pages.signedIn(`not_${SESSION_COOKIE}=abc`)).toBe(false);
		expect(pages.signedIn('sabaq_locale=kk')).toBe(false);
		expect(pages.signedIn(undefined)).toBe(false);
	});
});
