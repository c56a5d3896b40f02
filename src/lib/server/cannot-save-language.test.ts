import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { cannotSave, handleCannotSaveError, localCannotSaveMessage } from './cannot-save';
import { writeFailureOf } from './db/write-errors';

// The cannot-save message and page in the person's language: the request's when the language hook
// has decided it, else the cookie's or the browser's.

const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

function event(headers: Record<string, string>, locale?: 'kk' | 'ru') {
	const request = new Request('http://localhost/register', { method: 'POST', headers });
	return { request, url: new URL(request.url), locals: { locale } } as unknown as RequestEvent;
}

describe('cannot save, in Kazakh and Russian', () => {
	beforeEach(() => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
	});
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it('words the error in the request’s language', () => {
		const body = handleCannotSaveError({
			error: full,
			event: event({ accept: 'text/html' }, 'kk'),
			status: 500,
			message: 'Internal Error'
		});
		expect(body).toEqual({
			message:
				'Сервер қазір ештеңе сақтай алмайды, себебі оның дискісі толып қалды. Бұрын сақталғанның бәрі орнында. Кейінірек қайталап көріңіз.',
			cannotSave: true
		});
	});

	it('a page answered before the language was decided takes it from the cookie or the browser', async () => {
		const russian = await cannotSave({
			event: event({ accept: 'text/html', 'accept-language': 'ru-RU,ru;q=0.9' }),
			resolve: () => Promise.reject(full)
		});
		const page = await russian.text();
		expect(page).toContain('<html lang="ru">');
		expect(page).toContain('<h1>Сейчас не удаётся сохранить</h1>');
		expect(page).toContain('потому что его диск заполнен');
		expect(page).toContain('Вернуться к урокам');

		const kazakh = await cannotSave({
			event: event({ accept: 'text/html', cookie: 'sabaq_locale=kk' }),
			resolve: () => Promise.reject(full)
		});
		expect(await kazakh.text()).toContain('<html lang="kk">');
	});

	it.each(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN'])(
		'%s has its reason in both languages',
		(code) => {
			const failure = writeFailureOf({ code })!;
			for (const locale of ['kk', 'ru'] as const) {
				expect(localCannotSaveMessage(failure, locale)).not.toMatch(/[A-Za-z]{2}/);
			}
		}
	);
});
