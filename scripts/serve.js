// @ts-check
// Production server: adapter-node's handler behind a plain Node HTTP server.
//
// adapter-node assumes https when neither ORIGIN nor PROTOCOL_HEADER is set, so a form posted from
// http://<LAN address>:3000 fails SvelteKit's CSRF origin check. Unless the operator configured
// ORIGIN or PROTOCOL_HEADER (a TLS proxy), we tell the handler the protocol the socket really used,
// in a header of our own that we overwrite on every request so no client can forge it.
import { realpathSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markServing } from './build-switch.js';

const OWN_PROTOCOL_HEADER = 'x-sabaq-socket-protocol';
const useSocketProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (useSocketProtocol) process.env.PROTOCOL_HEADER = OWN_PROTOCOL_HEADER;
// Imports of texts up to 2 MB arrive as multipart forms.
process.env.BODY_SIZE_LIMIT ??= '3M';

// The build this server runs from, by its real path: `npm start` may switch `build` to a newer
// build while this one runs (scripts/build.js); this server keeps loading its own files.
const buildDir = realpathSync(fileURLToPath(new URL('../build', import.meta.url)));
process.env.SABAQ_BUILD_DIR = buildDir;
markServing(buildDir);
const { handler } = await import(pathToFileURL(join(buildDir, 'handler.js')).href);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

// Pages that are the same for every visitor without an account, published by the app under
// ANONYMOUS_PAGES (src/lib/server/page-cache.ts): answered from memory without entering the
// framework. Which request is signed in and what the answer varies by are the app's rules, asked
// of it here (docs/decisions/0001).
/** @typedef {import('../src/lib/server/page-cache').AnonymousPages} AnonymousPages */
/** @returns {AnonymousPages | undefined} */
const anonymousPages = () =>
	/** @type {Record<symbol, AnonymousPages | undefined>} */ (globalThis)[
		Symbol.for('sabaq.anonymousPages')
	];

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function answerFromCache(req, res) {
	const pages = anonymousPages();
	if (!pages || req.method !== 'GET' || pages.signedIn(req.headers.cookie)) return false;
	const page = pages.lookup(req.url ?? '', req.headers.cookie, req.headers['accept-language']);
	if (!page) return false;
	const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
	const body = gzip ? pages.gzipped(page) : page.body;
	const headers = page.headers.filter(([name]) => name !== 'content-length' && name !== 'vary');
	headers.push(['vary', `${pages.vary}, Accept-Encoding`]);
	if (gzip) headers.push(['content-encoding', 'gzip']);
	headers.push(['content-length', String(body.byteLength)]);
	res.writeHead(page.status, headers.flat());
	res.end(body);
	return true;
}

// SvelteKit 2.70 pauses a request body that the app did not read (an action that redirects a
// visitor to sign in, a form posted to sign out) and never resumes it (sveltejs/kit#15526): on a
// keep-alive connection the browser then waits forever to finish sending a large form. Once the
// answer is sent, the rest of the body is read and thrown away.
/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function discardUnreadBody(req, res) {
	const discard = () => {
		if (req.complete || req.destroyed) return;
		req.removeAllListeners('data');
		req.resume();
	};
	res.once('finish', discard);
	res.once('close', discard);
}

const server = http.createServer((req, res) => {
	if (answerFromCache(req, res)) return;
	discardUnreadBody(req, res);
	if (useSocketProtocol) {
		const socket = /** @type {import('node:tls').TLSSocket} */ (req.socket);
		req.headers[OWN_PROTOCOL_HEADER] = socket.encrypted ? 'https' : 'http';
	}
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
server.keepAliveTimeout = 65_000;

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' ? 'localhost' : host;
	console.log(`Sabaq is listening on http://${shown}:${port}`);
});

function shutdown() {
	server.close(() => process.exit(0));
	setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
