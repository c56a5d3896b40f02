import { describe, expect, it } from 'vitest';
import { isActionFailure } from '@sveltejs/kit';
import { done, invalid, invalidField, refused } from './form-result';
import { resultFor } from '$lib/form-result';

describe('invalid', () => {
	it('is a failure with its status, the message and the fields as typed', () => {
		const result = invalid(429, {
			action: 'import',
			message: 'Too many imports',
			fields: { title: 'Silk Road' }
		});
		expect(isActionFailure(result)).toBe(true);
		expect(result.status).toBe(429);
		expect(result.data).toEqual({
			action: 'import',
			message: 'Too many imports',
			fields: { title: 'Silk Road' },
			errors: {}
		});
	});

	it('gives no fields or errors as empty sets, so a page can read them without a check', () => {
		expect(invalid(400, { message: 'No' }).data).toEqual({ message: 'No', fields: {}, errors: {} });
	});
});

describe('invalidField', () => {
	it('puts the message beside the field it is about as well as atop the form', () => {
		const result = invalidField(400, 'username', { message: 'Taken', fields: { username: 'ana' } });
		expect(result.status).toBe(400);
		expect(result.data).toEqual({
			message: 'Taken',
			fields: { username: 'ana' },
			errors: { username: 'Taken' }
		});
	});
});

describe('refused', () => {
	const failure = {
		ok: false as const,
		message: 'Too short',
		fields: { name: 'Al' },
		errors: { name: 'Too short' }
	};
	it('is a 400 keeping the typed fields and each field’s error', () => {
		const result = refused(failure);
		expect(result.status).toBe(400);
		expect(result.data).toEqual({
			message: 'Too short',
			fields: { name: 'Al' },
			errors: { name: 'Too short' }
		});
	});
	it('names the form it answers on a page of several', () => {
		expect(refused(failure, 'rename').data.action).toBe('rename');
	});

	it('keeps what else the page needs', () => {
		expect(invalid(403, { message: 'Held', open: ['a'] }).data.open).toEqual(['a']);
	});
});

describe('done', () => {
	it('is a plain answer with the notice', () => {
		const result = done({ action: 'rename', success: 'Renamed' });
		expect(isActionFailure(result)).toBe(false);
		expect(result).toEqual({ action: 'rename', success: 'Renamed' });
	});
});

describe('resultFor', () => {
	const renamed = { action: 'rename', success: 'Renamed' };
	it('gives the answer to the form of its action', () => {
		expect(resultFor(renamed, 'rename')).toBe(renamed);
	});
	it('gives nothing to another form, or before any answer', () => {
		expect(resultFor(renamed, 'assign')).toBeNull();
		expect(resultFor(null, 'rename')).toBeNull();
		expect(resultFor(undefined, 'rename')).toBeNull();
	});
});
