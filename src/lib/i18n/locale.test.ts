import { describe, expect, it } from 'vitest';
import { chooseLocale, cookieValue, fromAcceptLanguage, visitorLocale } from './locale';

describe('interface language', () => {
	it('the account comes first, then the cookie, then the browser, then English', () => {
		expect(chooseLocale({ saved: 'ru', cookie: 'kk', acceptLanguage: 'en' })).toBe('ru');
		expect(chooseLocale({ saved: null, cookie: 'kk', acceptLanguage: 'ru' })).toBe('kk');
		expect(chooseLocale({ cookie: 'xx', acceptLanguage: 'ru-RU,ru;q=0.9' })).toBe('ru');
		expect(chooseLocale({ acceptLanguage: 'de-DE,fr;q=0.8' })).toBe('en');
		expect(chooseLocale({})).toBe('en');
	});

	it('Accept-Language by q-value, regional tags count for their language', () => {
		expect(fromAcceptLanguage('de;q=1, ru;q=0.5, kk-KZ;q=0.8')).toBe('kk');
		expect(fromAcceptLanguage('kk;q=0, ru')).toBe('ru');
		expect(fromAcceptLanguage('')).toBeNull();
	});

	it('reads the language cookie among others', () => {
		expect(cookieValue('a=1; sabaq_locale=kk; b=2', 'sabaq_locale')).toBe('kk');
		expect(visitorLocale('sabaq_session=x', 'ru')).toBe('ru');
		expect(visitorLocale('sabaq_locale=kk', 'ru')).toBe('kk');
	});
});
