import { describe, expect, it } from 'vitest';
import { percent, plural } from './format';

describe('wording', () => {
	it('shows a share as a whole percent, and a dash when there is none', () => {
		expect(percent(0.756)).toBe('76%');
		expect(percent(0)).toBe('0%');
		expect(percent(1)).toBe('100%');
		expect(percent(0.125)).toBe('13%');
		expect(percent(null)).toBe('—');
		expect(percent(undefined)).toBe('—');
		expect(percent(Number.NaN)).toBe('—');
	});

	it('counts in the singular only for one', () => {
		expect(plural(1, 'attempt')).toBe('attempt');
		expect(plural(0, 'attempt')).toBe('attempts');
		expect(plural(2, 'quiz', 'quizzes')).toBe('quizzes');
		expect(plural(1, 'quiz', 'quizzes')).toBe('quiz');
	});
});
