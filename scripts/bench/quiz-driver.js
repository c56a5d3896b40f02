// Drives quiz attempts over plain node:http with kept-alive connections (far lighter on the
// shared CPU than fetch). Two forms of the same answer:
//  - as the browser sends it (static/enhance.js or a plain form post): the answer page comes back,
//    with the feedback and the next question;
//  - as SvelteKit's JSON action result (`x-sveltekit-action`): grading and storing without a page.
import http from 'node:http';
import Database from 'better-sqlite3';

export function openKeys(databasePath) {
	const db = new Database(databasePath, { readonly: true });
	db.pragma('busy_timeout = 5000');
	const snapshot = db.prepare(
		'select snapshot from attempt_questions where attempt_id = ? order by position'
	);
	return {
		questions: (attemptId) => snapshot.all(attemptId).map((r) => JSON.parse(r.snapshot)),
		close: () => db.close()
	};
}

/** A plausible answer, right or wrong, as the form would send it. */
export function answerFields(q, right) {
	switch (q.type) {
		case 'multiple_choice':
			return { answer: right ? q.answer : q.options.find((o) => o !== q.answer) };
		case 'true_false':
			return { answer: (right ? q.answer : !q.answer) ? 'True' : 'False' };
		case 'fill_blank':
			return { answer: right ? q.answer : 'nothing' };
		case 'numeric':
			return { answer: String(right ? q.answer : q.answer * 3 + 7) };
		case 'matching':
			return Object.fromEntries(
				q.pairs.map((_, i) => [`answer-${i}`, q.pairs[right ? i : (i + 1) % q.pairs.length][1]])
			);
	}
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request; resolves with the status, body text, redirect location and time taken. */
export function send(base, method, path, cookie, { fields, json = false } = {}) {
	const started = performance.now();
	const body = fields ? new URLSearchParams(fields).toString() : undefined;
	const headers = { origin: base, cookie, accept: json ? 'application/json' : 'text/html' };
	if (body !== undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		headers['content-length'] = Buffer.byteLength(body);
	}
	if (json) headers['x-sveltekit-action'] = 'true';
	return new Promise((resolve, reject) => {
		const req = http.request(new URL(base + path), { method, agent, headers }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () =>
				resolve({
					status: res.statusCode,
					text,
					location: res.headers.location,
					ms: performance.now() - started
				})
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		// A server that stops answering fails the benchmark instead of stalling it.
		req.setTimeout(30_000, () => req.destroy(new Error(`no answer in 30 s: ${method} ${path}`)));
		req.end(body);
	});
}

/** Starts a quiz as the browser does (post, then follow the redirect); returns the attempt id. */
export async function startQuiz(base, slug, cookie, count = 10) {
	const r = await send(base, 'POST', `/lessons/${slug}/quiz?/start`, cookie, {
		fields: { count: String(count) }
	});
	const id = /^\/attempts\/([0-9a-f-]{36})$/.exec(r.location ?? '')?.[1];
	if (r.status !== 303 || !id) throw new Error(`start failed: ${r.status} ${r.location}`);
	const page = await send(base, 'GET', r.location, cookie);
	if (page.status !== 200) throw new Error(`quiz page failed: ${page.status}`);
	return id;
}

/**
 * Answers the question at `position`. Acknowledged means the server showed its verdict: the page
 * with that question's feedback (browser), or a success result (JSON action).
 */
export async function answer(base, attemptId, position, cookie, fields, { json = false } = {}) {
	const r = await send(base, 'POST', `/attempts/${attemptId}?/answer`, cookie, {
		fields: { position: String(position), ...fields },
		json
	});
	const acknowledged =
		r.status === 200 &&
		(json
			? JSON.parse(r.text).type === 'success'
			: r.text.includes(`data-position="${position}"`) && r.text.includes('class="feedback'));
	return { acknowledged, ms: r.ms };
}
