import { fail } from '@sveltejs/kit';
import type { Fields } from '$lib/form-result';

/**
 * A refused action's answer: why, and the fields as typed so the form keeps them. `action` names
 * the form on a page with several, so only that form shows the message.
 */
export function invalid<const R extends { action?: string; message: string; fields?: Fields }>(
	status: number,
	result: R
) {
	return fail(status, { ...result, fields: result.fields ?? {} });
}

/** A successful action's answer: the notice the page shows (and what else it needs). */
export function done<const R extends { action?: string; success: string }>(result: R): R {
	return result;
}
