import { describe, expect, it } from 'vitest';
import { fractionValue, NUMBER_WORDS, pick, SCALE_WORDS } from './numbers';

describe('number words', () => {
	it('picks the words asked for, in the order asked', () => {
		expect(Object.entries(pick(SCALE_WORDS, 'million thousand'))).toEqual([
			['million', 1e6],
			['thousand', 1e3]
		]);
		expect(() => pick(NUMBER_WORDS, 'two toString')).toThrow(/toString/);
	});

	it('reads fraction phrases', () => {
		expect(fractionValue('half')).toBe(0.5);
		expect(fractionValue('a third')).toBe(1 / 3);
		expect(fractionValue('two thirds')).toBe(2 / 3);
		expect(fractionValue('three quarters')).toBe(0.75);
		expect(fractionValue('a tenth')).toBe(0.1);
		expect(() => fractionValue('two apples')).toThrow();
	});
});
