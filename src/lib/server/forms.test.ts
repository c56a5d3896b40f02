import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MAX_FORM_FIELDS, parseForm, readForm, readFormData, tooManyFields } from './forms';
import { loginSchema } from './auth/schemas';

const post = (body: BodyInit, contentType?: string) =>
	new Request('http://localhost/', {
		method: 'POST',
		body,
		headers: contentType ? { 'content-type': contentType } : {}
	});

describe('readFormData', () => {
	it('reads an urlencoded form as the browser encodes it', async () => {
		const form = await readFormData(
			post(
				'answer=Alash+Orda&note=%D2%9A%D0%B0%D1%80%D0%B0%D2%93%D0%B0%D0%BD%D0%B4%D1%8B&x=1&x=2',
				'application/x-www-form-urlencoded;charset=UTF-8'
			)
		);
		expect(form?.get('answer')).toBe('Alash Orda');
		expect(form?.get('note')).toBe('Қарағанды');
		expect(form?.getAll('x')).toEqual(['1', '2']);
	});

	it('reads a multipart form with its files', async () => {
		const sent = new FormData();
		sent.set('title', 'Speech');
		sent.set('file', new File(['text'], 'speech.txt', { type: 'text/plain' }));
		const form = await readFormData(post(sent));
		expect(form?.get('title')).toBe('Speech');
		expect(form?.get('file')).toBeInstanceOf(File);
	});

	it('is null for a body that is not a form', async () => {
		expect(await readFormData(post('{"answer":1}', 'application/json'))).toBeNull();
		expect(await readFormData(post('answer=1'.repeat(3), 'text/plain'))).toBeNull();
	});
});

describe('parseForm', () => {
	const schema = v.looseObject({
		position: v.pipe(v.string('Missing.'), v.regex(/^\d+$/, 'Digits.'))
	});

	it('keeps the first of a repeated field', async () => {
		const parsed = await parseForm(
			post('position=2&position=5', 'application/x-www-form-urlencoded'),
			schema
		);
		expect(parsed.ok && parsed.data.position).toBe('2');
	});

	it('answers bad input with the schema’s message and echoes the fields', async () => {
		const parsed = await parseForm(
			post('position=two&note=kept', 'application/x-www-form-urlencoded'),
			schema
		);
		expect(parsed).toEqual({
			ok: false,
			message: 'Digits.',
			fields: { position: 'two', note: 'kept' },
			errors: { position: 'Digits.' }
		});
	});

	it('says what is wrong with each field, beside that field', async () => {
		const twoFields = v.object({
			name: v.pipe(v.string(), v.minLength(3, 'Three letters or more.')),
			age: v.pipe(v.string(), v.regex(/^\d+$/, 'Digits.'), v.maxLength(2, 'Too long.')),
			note: v.optional(v.string(), '')
		});
		const parsed = await parseForm(
			post('name=Al&age=abc&note=fine', 'application/x-www-form-urlencoded'),
			twoFields
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		// Every refused field has its own message (its first problem); a good field has none.
		expect(parsed.errors).toEqual({ name: 'Three letters or more.', age: 'Digits.' });
		expect(parsed.message).toBe('Three letters or more.');
	});

	it('names a missing field with its own message', async () => {
		const parsed = await parseForm(
			post('', 'application/x-www-form-urlencoded'),
			v.object({ code: v.string('Type the code.') })
		);
		expect(!parsed.ok && parsed.errors).toEqual({ code: 'Type the code.' });
	});
});

describe('a flood of fields', () => {
	const urlencoded = (count: number) =>
		post(
			Array.from({ length: count }, (_, i) => `f${i}=x`).join('&'),
			'application/x-www-form-urlencoded'
		);
	const loose = v.looseObject({});

	it('is refused before it is parsed, with a message, without delay', async () => {
		for (const request of [urlencoded(60_000), urlencoded(250_000)]) {
			const started = performance.now();
			const parsed = await parseForm(request, loose);
			expect(performance.now() - started).toBeLessThan(1000);
			expect(parsed).toEqual({ ok: false, message: tooManyFields(), fields: {}, errors: {} });
		}
		const sent = new FormData();
		for (let i = 0; i <= MAX_FORM_FIELDS; i++) sent.append(`f${i}`, 'x');
		expect(await readForm(post(sent))).toEqual({ form: null, message: tooManyFields() });
	});

	it('up to the limit is read, a repeated field giving its first value', async () => {
		const parsed = await parseForm(urlencoded(MAX_FORM_FIELDS), loose);
		expect(parsed.ok && Object.keys(parsed.data)).toHaveLength(MAX_FORM_FIELDS);
		const sent = new FormData();
		for (let i = 0; i < MAX_FORM_FIELDS; i++) sent.append('same', String(i));
		const repeated = await parseForm(post(sent), loose);
		expect(repeated.ok && repeated.data).toEqual({ same: '0' });
	});
});

describe('a missing field', () => {
	it('gets its field’s own message, not the validator’s', async () => {
		const parsed = await parseForm(
			post('username=aigerim', 'application/x-www-form-urlencoded'),
			loginSchema
		);
		expect(parsed.ok || parsed.message).toBe('Password is required.');
	});

	it('of a field without a message of its own is named plainly', async () => {
		const parsed = await parseForm(
			post('other=1', 'application/x-www-form-urlencoded'),
			v.object({ position: v.string() })
		);
		expect(parsed.ok || parsed.message).toBe(
			'The field “position” is missing or not valid. Reload the page and send the form again.'
		);
	});
});
