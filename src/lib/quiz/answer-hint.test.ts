import { describe, expect, it } from 'vitest';
import { answerHint } from './answer-hint';

describe('answerHint', () => {
	it('names the unit of a numeric question in one sentence of its own', () => {
		expect(answerHint('numeric', 'years')).toBe('Type a number. Unit: years.');
	});
	it('says only how to answer when there is no unit', () => {
		expect(answerHint('numeric')).toBe('Type a number.');
		expect(answerHint('numeric', '  ')).toBe('Type a number.');
		expect(answerHint('fill_blank', null)).toBe('Type the missing word or words.');
	});
	it('never doubles the full stop of a unit written with one', () => {
		expect(answerHint('numeric', 'km.')).toBe('Type a number. Unit: km.');
	});
});
