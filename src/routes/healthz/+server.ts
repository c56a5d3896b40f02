import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { checkDatabase } from '$lib/server/health';
import type { RequestHandler } from './$types';

/**
 * For a process supervisor or proxy: 200 while the server answers and its database can be read
 * and written, else 503 with the reason (a full disk, a read-only file).
 */
export const GET: RequestHandler = () => {
	const health = checkDatabase(db);
	if (health.ok) return json({ status: 'ok' });
	const { reason, code } = health;
	return json({ status: 'unavailable', reason, ...(code ? { code } : {}) }, { status: 503 });
};
