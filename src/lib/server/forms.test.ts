import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseForm, readFormData } from './forms';

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
			fields: { position: 'two', note: 'kept' }
		});
	});
});
