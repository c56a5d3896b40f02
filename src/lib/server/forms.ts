import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import type { FieldErrors } from '$lib/form-result';
import { localizeCoreMessage } from './core-messages';

/** A refused form: the first problem as the form's message, the fields as typed, each field's own problem. */
export type FormFailure = {
	ok: false;
	message: string;
	fields: Record<string, string>;
	errors: FieldErrors;
};

export type FormResult<T> = { ok: true; data: T; form: FormData } | FormFailure;

/**
 * Text fields echoed back on failure, so the form keeps what was typed (never passwords). A field
 * longer than `maxLength` is left out rather than cut: a cut text sent again would lose its end.
 */
export function echoFields(form: FormData | null, omit: string[] = ['password'], maxLength = 2000) {
	const fields: Record<string, string> = {};
	if (!form) return fields;
	for (const [key, value] of form) {
		if (typeof value === 'string' && !omit.includes(key) && value.length <= maxLength)
			fields[key] = value;
	}
	return fields;
}

/**
 * More fields than any form of the app sends. A body with more is refused before it is parsed:
 * counting its separators stops at the limit, so a flood of fields costs almost nothing.
 */
export const MAX_FORM_FIELDS = 1000;

export const tooManyFields = () => m.form_too_many_fields({ max: MAX_FORM_FIELDS });
const UNREADABLE = () => m.form_unreadable();

/** How often `pattern` occurs in `bytes`, counting no further than `limit` + 1. */
function occurrences(bytes: Buffer, pattern: string, limit: number): number {
	let count = 0;
	for (
		let i = bytes.indexOf(pattern);
		i !== -1 && count <= limit;
		i = bytes.indexOf(pattern, i + 1)
	) {
		count++;
	}
	return count;
}

/** The largest number of fields the body can hold, from its separators (up to limit + 1). */
function fieldCount(bytes: Buffer, contentType: string, limit: number): number | null {
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') return occurrences(bytes, '&', limit) + 1;
	if (type === 'multipart/form-data') {
		const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
		if (!boundary) return null;
		// Every part starts with a delimiter line; the last delimiter closes the body.
		return Math.max(0, occurrences(bytes, `--${boundary[1] ?? boundary[2]}`, limit + 1) - 1);
	}
	return null;
}

/**
 * Reads the request body as a form in time linear in its size, refusing a form of more than
 * `maxFields` fields before parsing it. Says why when there is no form.
 */
export async function readForm(
	request: Request,
	maxFields = MAX_FORM_FIELDS
): Promise<{ form: FormData; message?: never } | { form: null; message: string }> {
	const contentType = request.headers.get('content-type') ?? '';
	let body: ArrayBuffer;
	try {
		body = await request.arrayBuffer();
	} catch {
		return { form: null, message: UNREADABLE() };
	}
	const fields = fieldCount(Buffer.from(body), contentType, maxFields);
	if (fields === null) return { form: null, message: UNREADABLE() };
	if (fields > maxFields) return { form: null, message: tooManyFields() };
	try {
		const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
		return { form };
	} catch {
		return { form: null, message: UNREADABLE() };
	}
}

/** Reads the request body as a form, whatever was sent. Null when it is not a form. */
export async function readFormData(request: Request): Promise<FormData | null> {
	return (await readForm(request)).form;
}

/** Each field's first text value (or its first file): one pass over the form. */
function firstValues(form: FormData): Record<string, FormDataEntryValue | undefined> {
	const raw: Record<string, FormDataEntryValue | undefined> = Object.create(null);
	for (const [key, value] of form) {
		// A repeated field is ambiguous: keep the first text value only.
		const kept = raw[key];
		if (kept === undefined || (typeof kept !== 'string' && typeof value === 'string')) {
			raw[key] = value;
		}
	}
	return raw;
}

/** The schema's message, or a plain one where only the validator's own was given. */
function clearMessage(issue: v.BaseIssue<unknown>): string {
	if (!issue.message.startsWith('Invalid ')) return localizeCoreMessage(issue.message);
	const field = issue.path?.map((p) => String(p.key)).join('.');
	return field ? m.form_field_invalid({ field }) : m.form_invalid();
}

/** Each field's first problem, by the field's name (the first key of the issue's path). */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = issue.path?.[0]?.key;
		if (typeof field === 'string' && !(field in errors)) errors[field] = clearMessage(issue);
	}
	return errors;
}

/** Reads and validates a form: every action answers bad input with a message, not a 500. */
export async function parseForm<S extends v.GenericSchema>(
	request: Request,
	schema: S,
	echoLimit = 2000
): Promise<FormResult<v.InferOutput<S>>> {
	const { form, message } = await readForm(request);
	if (!form) return { ok: false, message, fields: {}, errors: {} };
	const raw = firstValues(form);
	// A missing field is checked as an empty one, so that it gets its field's own message rather
	// than the validator's "Invalid key: Expected …".
	const entries = (schema as { entries?: Record<string, v.GenericSchema> }).entries ?? {};
	for (const key of Object.keys(entries)) if (!(key in raw)) raw[key] = undefined;
	const result = v.safeParse(schema, raw);
	if (!result.success) {
		return {
			ok: false,
			message: clearMessage(result.issues[0]),
			fields: echoFields(form, ['password'], echoLimit),
			errors: fieldErrors(result.issues)
		};
	}
	return { ok: true, data: result.output, form };
}

/** A trimmed text field with a length limit and a human message. */
export function textField(label: string | (() => string), min: number, max: number) {
	// The label may be a message: read when the form is checked, in the request's language.
	const name = () => (typeof label === 'string' ? label : label());
	return v.pipe(
		v.string(() => m.field_required({ label: name() })),
		v.trim(),
		v.minLength(min, () =>
			min <= 1 ? m.field_required({ label: name() }) : m.field_min({ label: name(), min })
		),
		v.maxLength(max, () => m.field_max({ label: name(), max }))
	);
}
