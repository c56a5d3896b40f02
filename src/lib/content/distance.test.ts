import { describe, expect, it } from 'vitest';
import { editDistance, levenshtein } from './distance';

describe('levenshtein', () => {
	it('measures edits between spellings', () => {
		expect(levenshtein('tokayev', 'tokayev')).toBe(0);
		expect(levenshtein('tokayev', 'tokaev')).toBe(1);
		expect(levenshtein('kitten', 'sitting')).toBe(3);
		expect(levenshtein('', 'abc')).toBe(3);
		// Long words far apart in length: the true distance, not a cap.
		expect(levenshtein('karaganda', 'ka')).toBe(7);
	});

	it('counts two swapped letters as two edits', () => {
		expect(levenshtein('ermekov', 'ermkeov')).toBe(2);
	});
});

describe('editDistance', () => {
	it('measures transpositions as one edit', () => {
		expect(editDistance('ermekov', 'ermkeov')).toBe(1);
		expect(editDistance('abc', 'abc')).toBe(0);
		expect(editDistance('kitten', 'sitting')).toBe(3);
	});

	it('counts characters outside the basic plane as one', () => {
		expect(editDistance('a😀b', 'ab')).toBe(1);
		expect(levenshtein('a😀b', 'ab')).toBe(2);
	});
});
