import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';
import { cleanParagraph } from './clean';

const split = (s: string) => splitSentences(cleanParagraph(s)).map((x) => x.text);

describe('splitSentences', () => {
	it('ends a sentence at a glued full stop', () => {
		const out = split(
			"Leaders of the Alash Alikhan movement were born on Karaganda land Bokeykhan, Zhakyp Akbaev, Alimkhan Ermekov.The local places where Tattimbet's kyui and Madi's songs were first performed are considered the sacred cradle of Kazakh art."
		);
		expect(out).toHaveLength(2);
		expect(out[0].endsWith('Alimkhan Ermekov.')).toBe(true);
		expect(out[1].startsWith('The local places')).toBe(true);
	});

	it('splits the same join even without cleaning', () => {
		const out = splitSentences('It was built by Ermekov.The local places are old.').map(
			(s) => s.text
		);
		expect(out).toEqual(['It was built by Ermekov.', 'The local places are old.']);
	});

	it('keeps reported speech with an inner quotation in one sentence', () => {
		const out = split(
			'"The region is developing dynamically. We clearly adhere to the principle "strong regions - a strong country," the president said.'
		);
		expect(out).toEqual([
			'"The region is developing dynamically.',
			'We clearly adhere to the principle "strong regions \u2013 a strong country," the president said.'
		]);
	});

	it('splits several joins in one paragraph', () => {
		const out = split(
			'I also instruct to repair the highway.All work must be completed within two years.This will help.'
		);
		expect(out).toHaveLength(3);
	});
});
