import { describe, expect, it } from 'vitest';
import { entityWords, ENTITY_RUN, nameInRun, nameSpans, noteNameWords } from './name-spans';

function wordsOf(sentences: string[]) {
	const words = { lowercaseWords: new Set<string>(), capitalWords: new Set<string>() };
	for (const s of sentences) noteNameWords(s, words);
	return words;
}

describe('name spans for question keys', () => {
	it('takes off an opening word, a possessive and a month, and joins "of the"', () => {
		const text = "Following Kublai Khan's death in May, the Republic of the Congo grew.";
		const spans = nameSpans(text, wordsOf([text]));
		expect(spans.map((s) => s.text)).toEqual(['Kublai Khan', 'Republic of the Congo']);
		for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
	});

	it('drops a lone opening word the text never writes inside a sentence', () => {
		const text = 'Farmers met Aigerim in Almaty.';
		expect(nameSpans(text, wordsOf([text])).map((s) => s.text)).toEqual(['Aigerim', 'Almaty']);
		const other = 'Almaty is large.';
		expect(nameSpans(other, wordsOf([other])).map((s) => s.text)).toEqual([]);
		expect(nameSpans(other, wordsOf([other, text])).map((s) => s.text)).toEqual(['Almaty']);
	});
});

describe('name runs for lesson entities', () => {
	const names = (text: string, sentences: string[]) => {
		const words = entityWords(sentences);
		return [...text.matchAll(ENTITY_RUN)].map(
			(m) => nameInRun(text, m[0], m.index ?? 0, words)?.name ?? null
		);
	};

	it('takes off leading common words and keeps "with" inside a run', () => {
		const text = 'Our Leaders of the Alash met Friends with Benefits on Monday.';
		expect(names(text, [text, 'our leaders'])).toEqual(['Alash', 'Friends with Benefits', null]);
	});

	it('keeps a lone opening word only when the text also writes it inside a sentence', () => {
		const text = 'Karaganda grew.';
		expect(names(text, [text])).toEqual([null]);
		expect(names(text, [text, 'They left Karaganda.'])).toEqual(['Karaganda']);
	});
});
