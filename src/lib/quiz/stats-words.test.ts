import { describe, expect, it } from 'vitest';
import { mostMissedFirst, separation } from './stats-words';

describe('separation', () => {
	it('says in words how well a question told strong from weak students', () => {
		expect(separation(0.45)).toBe('well');
		expect(separation(0.3)).toBe('well');
		expect(separation(0.25)).toBe('fairly well');
		expect(separation(0.1)).toBe('poorly');
		expect(separation(0)).toBe('poorly');
		expect(separation(-0.2)).toBe('the wrong way round');
		expect(separation(null)).toBe('too few answers');
	});
});

describe('mostMissedFirst', () => {
	it('puts the lowest share right first and leaves out questions nobody answered', () => {
		const q = (number: number, answered: number, facility: number | null) => ({
			number,
			answered,
			facility
		});
		const ranked = mostMissedFirst([
			q(1, 10, 0.9),
			q(2, 0, null),
			q(3, 10, 0.2),
			q(4, 20, 0.5),
			q(5, 4, 0.5)
		]);
		expect(ranked.map((r) => r.number)).toEqual([3, 4, 5, 1]);
	});
});
