import * as v from 'valibot';

export type FormResult<T> =
	| { ok: true; data: T; form: FormData }
	| { ok: false; message: string; fields: Record<string, string> };

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

/** Reads the request body as a form, whatever was sent. Null when it is not a form. */
export async function readFormData(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

/** Reads and validates a form: every action answers bad input with a message, not a 500. */
export async function parseForm<S extends v.GenericSchema>(
	request: Request,
	schema: S,
	echoLimit = 2000
): Promise<FormResult<v.InferOutput<S>>> {
	const form = await readFormData(request);
	if (!form)
		return { ok: false, message: 'The form could not be read. Send it again.', fields: {} };
	const raw: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const values = form.getAll(key);
		// A repeated field is ambiguous: keep the first text value only.
		const first = values.find((x) => typeof x === 'string');
		raw[key] = first ?? values[0];
	}
	const result = v.safeParse(schema, raw);
	if (!result.success) {
		return {
			ok: false,
			message: result.issues[0].message,
			fields: echoFields(form, ['password'], echoLimit)
		};
	}
	return { ok: true, data: result.output, form };
}

/** A trimmed text field with a length limit and a human message. */
export function textField(label: string, min: number, max: number) {
	return v.pipe(
		v.string(`${label} is required.`),
		v.trim(),
		v.minLength(
			min,
			min <= 1 ? `${label} is required.` : `${label} needs at least ${min} characters.`
		),
		v.maxLength(max, `${label} can have at most ${max} characters.`)
	);
}
