import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLessons } from './index';
import { detectLanguage } from './language';
import { splitSentences } from './sentences';

const fixture = (name: string) =>
	readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('texts not in English', () => {
	it('tells Kazakh, Russian and English texts apart by their letters', () => {
		expect(detectLanguage(fixture('karaganda-kk.txt'))).toBe('kk');
		expect(detectLanguage(fixture('karaganda-ru.txt'))).toBe('ru');
		expect(detectLanguage('The region is the locomotive of the industrial sector.')).toBe('en');
		expect(detectLanguage('Ол мектепке барды. Қала үлкен.')).toBe('kk');
		expect(detectLanguage('Он пошёл в школу. Город большой.')).toBe('ru');
		expect(detectLanguage('12 345')).toBe('other');
	});

	it('splits Russian and Kazakh sentences with the language’s own rules', () => {
		const ru = splitSentences('Город основан в 1934 году. Здесь живёт 1,5 млн человек. Так!', 'ru');
		expect(ru.map((s) => s.text)).toEqual([
			'Город основан в 1934 году.',
			'Здесь живёт 1,5 млн человек.',
			'Так!'
		]);
		const kk = splitSentences(
			'Облыс орталығы — Қарағанды қаласы. Бүгінде мұнда көп адам тұрады.',
			'kk'
		);
		expect(kk.map((s) => s.text)).toEqual([
			'Облыс орталығы — Қарағанды қаласы.',
			'Бүгінде мұнда көп адам тұрады.'
		]);
		expect(kk[0].tokens.map((t) => t.normal)).toEqual(['облыс', 'орталығы', 'қарағанды', 'қаласы']);
	});

	it('makes readable lessons of a Russian text: its title, a Latin slug, no English topic', () => {
		const doc = buildLessons(fixture('karaganda-ru.txt'));
		expect(doc.language).toBe('ru');
		expect(doc.lessons).toHaveLength(1);
		expect(doc.lessons[0]).toMatchObject({
			title: 'Карагандинская область',
			slug: 'karagandinskaya-oblast',
			topic: ''
		});
		expect(doc.lessons[0].sentences.length).toBeGreaterThan(15);
		expect(doc.lessons[0].sentences[0].text).toBe(
			'Карагандинская область расположена в самом центре Казахстана.'
		);
	});

	it('an English text is marked as nothing (the bank is generated as before)', () => {
		expect(buildLessons(fixture('karaganda-kk.txt')).language).toBe('kk');
		expect(
			buildLessons(
				'The region is the locomotive of the industrial sector. It produces coal and steel.'
			).language
		).toBeUndefined();
	});
});
