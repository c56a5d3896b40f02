// Drives full quiz attempts the way the page's JavaScript does (form actions answered as JSON).
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

export async function postAction(base, path, cookie, fields) {
	const started = performance.now();
	const res = await fetch(base + path, {
		method: 'POST',
		headers: {
			origin: base,
			cookie,
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true',
			accept: 'application/json'
		},
		body: new URLSearchParams(fields).toString()
	});
	const text = await res.text();
	let body = null;
	try {
		body = JSON.parse(text);
	} catch {
		/* not JSON */
	}
	return { status: res.status, body, ms: performance.now() - started };
}

export async function startQuiz(base, slug, cookie, count = 10) {
	const r = await postAction(base, `/lessons/${slug}/quiz?/start`, cookie, {
		count: String(count)
	});
	if (r.body?.type !== 'redirect')
		throw new Error(`start failed: ${r.status} ${JSON.stringify(r.body)}`);
	return r.body.location.split('/').pop();
}
