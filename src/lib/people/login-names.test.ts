import { describe, expect, it } from 'vitest';
import { loginNameBase, toPlainLatin } from './login-names';

describe('generated usernames', () => {
	it('spell Russian and Kazakh Cyrillic in plain Latin letters', () => {
		expect(toPlainLatin('Әйгерім')).toBe('aigerim');
		expect(toPlainLatin('Қанат')).toBe('qanat');
		expect(toPlainLatin('Шынғыс')).toBe('shyngys');
		expect(toPlainLatin('Юлия')).toBe('yuliya');
		expect(toPlainLatin('ңғүұөһ')).toBe('nguuoh');
	});

	it('drop accents and spell special Latin letters', () => {
		expect(toPlainLatin('Seán')).toBe('sean');
		expect(toPlainLatin('Łukasz')).toBe('lukasz');
		expect(toPlainLatin('Strauß')).toBe('strauss');
		expect(toPlainLatin('Σωκράτης')).toBe('sokratis');
		expect(toPlainLatin('Ёлка')).toBe('yolka');
	});

	it('take the first name and the first letter of the last', () => {
		expect(loginNameBase('Aigerim Nurlanovna Sadykova')).toBe('aigerim.s');
		expect(loginNameBase('Әйгерім Сәдуақасова')).toBe('aigerim.s');
		expect(loginNameBase("Seán O'Brien")).toBe('sean.b');
		expect(loginNameBase('Marat')).toBe('marat');
		expect(loginNameBase('A'.repeat(40) + ' B')).toBe('a'.repeat(20) + '.b');
	});

	it('fall back to "student" for a name with no Latin spelling', () => {
		expect(loginNameBase('山田太郎')).toBe('student');
		expect(loginNameBase('مريم')).toBe('student');
	});
});
