import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { databaseAnswers } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** For a process supervisor or proxy: 200 while the server and its database answer, else 503. */
export const GET: RequestHandler = () => {
	const ok = databaseAnswers(db);
	return json({ status: ok ? 'ok' : 'unavailable' }, { status: ok ? 200 : 503 });
};
