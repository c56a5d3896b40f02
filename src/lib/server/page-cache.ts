/**
 * Rendered pages that are the same for every visitor without an account (the lesson list and
 * the lessons) are kept in memory until the lessons change. CSP uses hashes, not nonces, so a
 * cached page stays valid for every request.
 *
 * Pages are kept for each interface language apart (the key is locale and path), so a visitor
 * never gets a page in the language of the visitor before; responses say `Vary: Accept-Language,
 * Cookie`. Pages are kept for each database connection apart. The app publishes its own connection's
 * pages on `globalThis` (publishPages) so that the HTTP server (scripts/serve.js) can answer a
 * visitor straight from memory without entering the framework at all.
 */
import { gzipSync } from 'node:zlib';
import type { Tx } from './db/connection';
import { perConnection } from './db/client';
import { SESSION_COOKIE } from './auth/session';
import { visitorLocale, type Locale } from '$lib/i18n/locale';

/** What a page for visitors depends on besides its path: the `Vary` header of every such page. */
export const VISITOR_VARY = 'Accept-Language, Cookie';

/**
 * Where `publishPages` puts the pages for scripts/serve.js (a plain script outside the build, which
 * spells this key out and types what it finds with `AnonymousPages`; see docs/decisions/0001).
 */
export const ANONYMOUS_PAGES = Symbol.for('sabaq.anonymousPages');

/** The page cache as the HTTP server sees it: everything it needs, so it repeats no app rule. */
export interface AnonymousPages {
	/** The page for a visitor with these headers (language cookie, then Accept-Language), or null. */
	lookup(pathname: string, cookie?: string, acceptLanguage?: string): CachedPage | null;
	/** The page's body gzipped (made once per page). */
	gzipped(page: CachedPage): Uint8Array;
	/** Does this Cookie header carry a session? Such a request never gets a cached page. */
	signedIn(cookie?: string): boolean;
	/** The `Vary` header to send with a cached page. */
	vary: string;
}

export interface CachedPage {
	body: Uint8Array;
	status: number;
	headers: [string, string][];
	/** Made on first use for clients that accept gzip. */
	gzipped?: Uint8Array;
}

const MAX_ENTRIES = 500;
let generation = 0;
const pageState = perConnection(() => ({ generation, pages: new Map<string, CachedPage>() }));

function pagesOf(db: Tx) {
	const state = pageState(db);
	if (state.generation !== generation) {
		state.generation = generation;
		state.pages.clear();
	}
	return state.pages;
}

/** Call whenever lessons or their question counts change: every connection's pages go. */
export function invalidatePageCache() {
	generation++;
}

const CACHEABLE_PATH = /^\/(lessons\/[a-z0-9-]+\/?)?$/;

export function isCacheable(request: Request, url: URL, signedIn: boolean): boolean {
	return request.method === 'GET' && !signedIn && !url.search && CACHEABLE_PATH.test(url.pathname);
}

const keyOf = (locale: Locale, pathname: string) => `${locale} ${pathname}`;

export function lookupPage(db: Tx, locale: Locale, pathname: string): CachedPage | null {
	return pagesOf(db).get(keyOf(locale, pathname)) ?? null;
}

export function gzippedBody(page: CachedPage): Uint8Array {
	page.gzipped ??= gzipSync(page.body);
	return page.gzipped;
}

export function cachedPage(db: Tx, locale: Locale, url: URL): Response | null {
	const page = lookupPage(db, locale, url.pathname);
	if (!page) return null;
	return new Response(page.body as BodyInit, { status: page.status, headers: page.headers });
}

/** Stores a copy of a successful, cookie-free HTML response and returns one to send. */
export async function rememberPage(
	db: Tx,
	locale: Locale,
	url: URL,
	response: Response
): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (
		response.status !== 200 ||
		response.headers.has('set-cookie') ||
		!type.startsWith('text/html')
	) {
		return response;
	}
	const started = generation;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers];
	if (started === generation) {
		const pages = pagesOf(db);
		if (pages.size >= MAX_ENTRIES) pages.delete(pages.keys().next().value!);
		pages.set(keyOf(locale, url.pathname), { body, status: response.status, headers });
	}
	return new Response(body as BodyInit, { status: response.status, headers });
}

const SESSION_IN_COOKIE = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);

/** The pages of one database as the HTTP server uses them. */
export function anonymousPagesOf(db: Tx): AnonymousPages {
	return {
		lookup: (pathname, cookie, acceptLanguage) =>
			lookupPage(db, visitorLocale(cookie, acceptLanguage), pathname),
		gzipped: gzippedBody,
		signedIn: (cookie) => SESSION_IN_COOKIE.test(cookie ?? ''),
		vary: VISITOR_VARY
	};
}

/**
 * Lets the HTTP server answer from the pages of the database the app serves, in the language the
 * app would choose for a visitor with these headers (language cookie, then Accept-Language).
 */
export function publishPages(db: Tx) {
	(globalThis as Record<symbol, unknown>)[ANONYMOUS_PAGES] = anonymousPagesOf(db);
}
