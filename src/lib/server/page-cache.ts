/**
 * Rendered pages that are the same for every visitor without an account (the lesson list and
 * the lessons) are kept in memory until the lessons change. CSP uses hashes, not nonces, so a
 * cached page stays valid for every request.
 */
interface CachedPage {
	generation: number;
	body: ArrayBuffer;
	status: number;
	headers: [string, string][];
}

const MAX_ENTRIES = 500;
const pages = new Map<string, CachedPage>();
let generation = 0;

/** Call whenever lessons or their question counts change. */
export function invalidatePageCache() {
	generation++;
	pages.clear();
}

const CACHEABLE = /^\/(lessons\/[a-z0-9-]+\/?)?$/;

export function isCacheable(request: Request, url: URL, signedIn: boolean): boolean {
	return request.method === 'GET' && !signedIn && !url.search && CACHEABLE.test(url.pathname);
}

export function cachedPage(url: URL): Response | null {
	const page = pages.get(url.pathname);
	if (!page || page.generation !== generation) return null;
	return new Response(page.body, { status: page.status, headers: page.headers });
}

/** Stores a copy of a successful, cookie-free HTML response and returns one to send. */
export async function rememberPage(url: URL, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (
		response.status !== 200 ||
		response.headers.has('set-cookie') ||
		!type.startsWith('text/html')
	) {
		return response;
	}
	const started = generation;
	const body = await response.arrayBuffer();
	const headers = [...response.headers];
	if (started === generation) {
		if (pages.size >= MAX_ENTRIES) pages.delete(pages.keys().next().value!);
		pages.set(url.pathname, { generation, body, status: response.status, headers });
	}
	return new Response(body, { status: response.status, headers });
}
