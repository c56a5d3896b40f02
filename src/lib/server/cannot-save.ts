import type { Handle, HandleServerError, RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { visitorLocale, type Locale } from '$lib/i18n/locale';
import { logWriteFailure, writeFailureOf, type WriteFailure } from './db/write-errors';

/**
 * Any write the database refuses (a full disk, a read-only file), wherever it happens, answers
 * 503 with a clear message: the error page or an action's JSON says why, and the process stays up.
 * handleError words the error; the handle turns SvelteKit's 500 for it into 503.
 */

// Keyed by the request's locals: SvelteKit may hand handleError another event object for it.
const refused = new WeakMap<App.Locals, WriteFailure>();

/** Why, in the person's language (write-errors.ts words it in English for the log). */
const REASONS: Record<string, (inputs: object, options: { locale: Locale }) => string> = {
	'its disk is full': m.s_reason_disk_full,
	'its database file is read-only': m.s_reason_read_only,
	'its disk reported an error while writing': m.s_reason_io_error,
	'its database file cannot be opened for writing': m.s_reason_cannot_open
};

/** What a person is told when what they sent could not be saved, in `locale`. */
export function localCannotSaveMessage(failure: WriteFailure, locale: Locale = getLocale()) {
	const reason = REASONS[failure.reason]?.({}, { locale }) ?? failure.reason;
	return m.s_cannot_save({ reason }, { locale });
}

/**
 * The request's language: decided by the language hook, unless the write failed before it ran
 * (a session renewed on arrival); then from the cookie and the browser's Accept-Language.
 */
function localeOf(event: RequestEvent): Locale {
	return (
		event.locals.locale ??
		visitorLocale(event.request.headers.get('cookie'), event.request.headers.get('accept-language'))
	);
}

function report(event: RequestEvent, failure: WriteFailure) {
	refused.set(event.locals, failure);
	logWriteFailure(`${event.request.method} ${event.url.pathname} was refused`, failure);
	return { message: localCannotSaveMessage(failure, localeOf(event)), cannotSave: true };
}

export const handleCannotSaveError: HandleServerError = ({ error, event, status, message }) => {
	const failure = writeFailureOf(error);
	if (failure) return report(event, failure);
	// SvelteKit's own logging, which a handleError of our own replaces.
	const line = `[${status}] ${event.request.method} ${event.url.pathname}`;
	console.error(status === 404 ? line : `${line}\n${(error as Error)?.stack ?? String(error)}`);
	return { message };
};

export const cannotSave: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		// Thrown by a later handle, outside SvelteKit's rendering: answered here.
		const failure = writeFailureOf(error);
		if (!failure) throw error;
		return plainAnswer(event, report(event, failure).message);
	}
	if (response.status !== 500 || !refused.has(event.locals)) return response;
	return new Response(response.body, { status: 503, headers: response.headers });
};

function plainAnswer(event: RequestEvent, message: string): Response {
	const headers = { 'cache-control': 'no-store' };
	if ((event.request.headers.get('accept') ?? '').includes('application/json')) {
		return Response.json({ message }, { status: 503, headers });
	}
	const locale = localeOf(event);
	const heading = m.error_503({}, { locale });
	const page =
		`<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${heading} · Sabaq</title>` +
		`<main><h1>${heading}</h1><p role="alert">${message}</p>` +
		`<p><a href="/">${m.back_to_lessons({}, { locale })}</a></p></main></html>`;
	return new Response(page, { status: 503, headers: { ...headers, 'content-type': 'text/html' } });
}
