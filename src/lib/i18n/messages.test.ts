import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale';

// Paraglide silently falls back to English for a message missing in a language, so this test is
// what stops a Kazakh or Russian page from showing an English word.
const messages = Object.fromEntries(
	LOCALES.map((locale) => [
		locale,
		JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>
	])
);
const keysOf = (locale: string) => Object.keys(messages[locale]).filter((k) => k !== '$schema');

/** Every text of a message (the variants of a plural message too). */
function texts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(texts);
	if (value && typeof value === 'object') {
		const match = (value as { match?: Record<string, string> }).match;
		return match ? Object.values(match) : [];
	}
	return [];
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort();

describe('interface messages', () => {
	it.each(['kk', 'ru'])('%s has every English message and no other', (locale) => {
		expect(keysOf(locale).sort()).toEqual(keysOf('en').sort());
	});

	it.each(LOCALES)('%s: no message is empty', (locale) => {
		const empty = keysOf(locale).filter((key) =>
			texts(messages[locale][key]).some((t) => !t.trim())
		);
		expect(empty).toEqual([]);
	});

	it.each(['kk', 'ru'])('%s uses the same placeholders as English', (locale) => {
		const differ = keysOf('en').filter((key) => {
			const en = new Set(texts(messages.en[key]).flatMap(placeholders));
			return texts(messages[locale][key]).some((t) => placeholders(t).some((p) => !en.has(p)));
		});
		expect(differ).toEqual([]);
	});

	it('Russian plurals have the forms one, few and many', () => {
		const missing = keysOf('ru').filter((key) => {
			const value = messages.ru[key];
			if (!Array.isArray(value)) return false;
			const forms = Object.keys(value[0].match ?? {}).join(' ');
			return !['one', 'few', 'many'].every((form) => forms.includes(`=${form}`));
		});
		expect(missing).toEqual([]);
	});
});
