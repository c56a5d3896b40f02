import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { cannotSave, handleCannotSaveError } from './cannot-save';
import { createTestDatabase, fillDatabase } from './db/test-db';
import { users } from './db/schema';

/** A real SqliteError from a full database. */
function fullDiskError(): unknown {
	const { db, sqlite } = createTestDatabase();
	fillDatabase(sqlite);
	try {
		for (let i = 0; i < 100; i++) {
			db.insert(users)
				.values({ id: `u${i}`, username: `u${i}`, passwordHash: 'x'.repeat(1000), role: 'student' })
				.run();
		}
	} catch (error) {
		return error;
	}
	throw new Error('The database did not fill up');
}

function event(accept = 'text/html') {
	const request = new Request('http://localhost/register', { method: 'POST', headers: { accept } });
	return { request, url: new URL(request.url), locals: {} } as unknown as RequestEvent;
}

const handleError = (error: unknown, e: RequestEvent) =>
	handleCannotSaveError({ error, event: e, status: 500, message: 'Internal Error' });

describe('a write the database refuses', () => {
	beforeEach(() => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
	});
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it('is worded for people by handleError and answered 503 instead of 500', async () => {
		const error = fullDiskError();
		const e = event();
		// SvelteKit calls handleError while it renders the error page, inside resolve.
		const response = await cannotSave({
			event: e,
			resolve: async () => {
				// As SvelteKit does, with another event object for the same request.
				const body = await handleError(error, { ...e });
				return new Response(JSON.stringify(body), { status: 500 });
			}
		});
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({
			message:
				'The server cannot save right now because its disk is full. Nothing already saved is lost. Please try again later.',
			cannotSave: true
		});
		expect(console.error).toHaveBeenCalledWith(
			'POST /register was refused: the database cannot be written because its disk is full (SQLITE_FULL).'
		);
	});

	it('thrown by a hook outside rendering still gets a 503 page or JSON, not a crash', async () => {
		const error = fullDiskError();
		const page = await cannotSave({ event: event(), resolve: () => Promise.reject(error) });
		expect(page.status).toBe(503);
		expect(page.headers.get('content-type')).toBe('text/html');
		expect(await page.text()).toContain(
			'The server cannot save right now because its disk is full.'
		);
		const json = await cannotSave({
			event: event('application/json'),
			resolve: () => Promise.reject(error)
		});
		expect(json.status).toBe(503);
		expect(await json.json()).toMatchObject({ message: expect.stringMatching(/disk is full/) });
	});

	it('leaves every other error and answer as it was', async () => {
		const e = event();
		expect(await handleError(new Error('a bug'), e)).toEqual({ message: 'Internal Error' });
		const bug = await cannotSave({
			event: e,
			resolve: async () => new Response('', { status: 500 })
		});
		expect(bug.status).toBe(500);
		await expect(
			cannotSave({ event: event(), resolve: () => Promise.reject(new Error('a bug')) })
		).rejects.toThrow('a bug');
	});
});
