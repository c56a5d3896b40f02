import { describe, expect, it } from 'vitest';
import { toJsonExport } from './json';
import { sampleBank } from './sample-bank';

describe('JSON export', () => {
	const text = toJsonExport(sampleBank);
	const data = JSON.parse(text);

	it('round-trips the bank in the question shape', () => {
		expect(data.title).toBe(sampleBank.title);
		expect(data.questions).toEqual(sampleBank.questions);
		expect(data).not.toHaveProperty('exportedAt');
	});

	it('is pretty, deterministic and keeps a fixed key order', () => {
		expect(text).toBe(toJsonExport(sampleBank));
		expect(text.endsWith('}\n')).toBe(true);
		expect(text).toContain('\n  "questions": [');
		expect(Object.keys(data.questions[0])).toEqual([
			'id',
			'type',
			'prompt',
			'options',
			'answer',
			'explanation',
			'difficulty',
			'source'
		]);
		expect(Object.keys(data.questions[4])).toContain('pairs');
		expect(Object.keys(data.questions[2])).toContain('accept');
	});
});
