/**
 * Rendered pages that are the same for every visitor without an account (the lesson list and
 * the lessons) are kept in memory until the lessons change. CSP uses hashes, not nonces, so a
 * cached page stays valid for every request.
 *
 * Pages are kept for each database connection apart. The app publishes its own connection's
 * pages on `globalThis` (publishPages) so that the HTTP server (scripts/serve.js) can answer a
 * visitor straight from memory without entering the framework at all.
 */
import { gzipSync } from 'node:zlib';
import type { Tx } from './db/connection';
import { perConnection } from './db/client';

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

export function lookupPage(db: Tx, pathname: string): CachedPage | null {
	return pagesOf(db).get(pathname) ?? null;
}

export function gzippedBody(page: CachedPage): Uint8Array {
	page.gzipped ??= gzipSync(page.body);
	return page.gzipped;
}

export function cachedPage(db: Tx, url: URL): Response | null {
	const page = lookupPage(db, url.pathname);
	if (!page) return null;
	return new Response(page.body as BodyInit, { status: page.status, headers: page.headers });
}

/** Stores a copy of a successful, cookie-free HTML response and returns one to send. */
export async function rememberPage(db: Tx, url: URL, response: Response): Promise<Response> {
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
		pages.set(url.pathname, { body, status: response.status, headers });
	}
	return new Response(body as BodyInit, { status: response.status, headers });
}

/** Lets the HTTP server answer from the pages of the database the app serves. */
export function publishPages(db: Tx) {
	(globalThis as Record<symbol, unknown>)[Symbol.for('sabaq.anonymousPages')] = {
		lookup: (pathname: string) => lookupPage(db, pathname),
		gzipped: gzippedBody
	};
}
