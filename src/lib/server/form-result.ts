import { fail } from '@sveltejs/kit';
import type { FieldErrors, Fields } from '$lib/form-result';
import type { FormFailure } from './forms';

/**
 * A refused action's answer: why, the fields as typed so the form keeps them, and each field's own
 * problem to show beside it. `action` names the form on a page with several, so only that form
 * shows the message.
 */
export function invalid<
	const R extends { action?: string; message: string; fields?: Fields; errors?: FieldErrors }
>(status: number, result: R) {
	return fail(status, { ...result, fields: result.fields ?? {}, errors: result.errors ?? {} });
}

/** Refused because of one field: the message heads the form and stands beside that field. */
export function invalidField<const R extends { action?: string; message: string; fields?: Fields }>(
	status: number,
	field: string,
	result: R
) {
	return invalid(status, { ...result, errors: { [field]: result.message } });
}

/** The answer to a form the validator refused (400), keeping what was typed and saying where. */
export function refused({ message, fields, errors }: FormFailure, action?: string) {
	return invalid(400, { ...(action ? { action } : {}), message, fields, errors });
}

/** A successful action's answer: the notice the page shows (and what else it needs). */
export function done<const R extends { action?: string; success: string }>(result: R): R {
	return result;
}
