import { describe, expect, it } from 'vitest';
import { sameNameWord } from './names';

describe('name spellings', () => {
	it('takes transliterations of one name as the same word, and different names apart', () => {
		expect(sameNameWord('Tokayev', 'Tokaev')).toBe(true);
		expect(sameNameWord('Zhomart', 'Jomart')).toBe(true);
		expect(sameNameWord('Bokeykhan', 'Bukeihan')).toBe(true);
		expect(sameNameWord('Karaganda', 'Kazakhstan')).toBe(false);
		expect(sameNameWord('Saran', 'Satpayev')).toBe(false);
	});
});
