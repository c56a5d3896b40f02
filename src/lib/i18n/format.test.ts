import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from './format';

describe('dates and numbers in the page language', () => {
	const date = new Date(2026, 11, 9, 14, 30);
	it('writes months in the language of the page', () => {
		expect(formatDate(date, 'date', 'en')).toBe('9 Dec 2026');
		expect(formatDate(date, 'dayMonth', 'kk')).toBe('9 жел.');
		expect(formatDate(date, 'date', 'ru')).toBe('9 дек. 2026 г.');
	});
	it('groups digits and writes percents by each language', () => {
		expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
		expect(formatNumber(12345.5, 'ru')).toBe('12\u00a0345,5');
		expect(formatPercent(0.756, 'kk')).toBe('76%');
		expect(formatPercent(0.756, 'ru')).toBe('76\u00a0%');
		expect(formatPercent(null, 'ru')).toBe('—');
	});
});
