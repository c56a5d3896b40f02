import { describe, expect, it } from 'vitest';
import { levenshtein, sameNameWord } from './names';

describe('name spellings', () => {
	it('measures edits between spellings', () => {
		expect(levenshtein('tokayev', 'tokayev')).toBe(0);
		expect(levenshtein('tokayev', 'tokaev')).toBe(1);
		expect(levenshtein('kitten', 'sitting')).toBe(3);
		expect(levenshtein('', 'abc')).toBe(3);
		// Long words far apart in length: the true distance, not a cap.
		expect(levenshtein('karaganda', 'ka')).toBe(7);
	});

	it('takes transliterations of one name as the same word, and different names apart', () => {
		expect(sameNameWord('Tokayev', 'Tokaev')).toBe(true);
		expect(sameNameWord('Zhomart', 'Jomart')).toBe(true);
		expect(sameNameWord('Bokeykhan', 'Bukeihan')).toBe(true);
		expect(sameNameWord('Karaganda', 'Kazakhstan')).toBe(false);
		expect(sameNameWord('Saran', 'Satpayev')).toBe(false);
	});
});
