import { describe, expect, it } from 'vitest';
import { figureCaption, figuresIn } from './figures';

describe('key figures in a sentence', () => {
	it('counts the part of a whole by the whole’s unit: "96 teachers, of whom 38 hold …"', () => {
		const sentence =
			'The teaching staff included 96 teachers, of whom 38 hold the highest qualification category.';
		const [whole, part] = figuresIn(sentence, 1);
		expect(whole).toMatchObject({ value: '96 teachers', unit: 'teachers' });
		expect(part).toMatchObject({
			value: '38',
			number: 38,
			unit: 'teachers',
			partOf: '96 teachers',
			counts: 'teachers hold the highest qualification category'
		});
	});

	it('ends a counted thing before an article, a preposition or its verb', () => {
		const sentence = 'Within three years the water level of the North Aral Sea rose by 12 meters.';
		expect(figuresIn(sentence, 1).map((f) => f.value)).toEqual(['three years', '12 meters']);
		const staff = 'The lyceum taught 1,150 students in 42 classes during the school year.';
		expect(figuresIn(staff, 1).map((f) => f.value)).toEqual(['1,150 students', '42 classes']);
		expect(
			figuresIn('This year 212 students graduated from the lyceum.', 1).map((f) => f.value)
		).toEqual(['212 students']);
	});

	it('captions a year with its clause, taking the next one when its own is too short', () => {
		const sentence = 'Until 1960, the Aral Sea was the fourth largest lake in the world.';
		const [year] = figuresIn(sentence, 1);
		expect(figureCaption(year, sentence)).toBe(
			'Until 1960, the Aral Sea was the fourth largest lake in the world'
		);
		// A clause inside a short sentence is shown with the sentence's start, which says what it is about.
		const island = 'The largest of them, Barsakelmes, became a nature reserve in 1939.';
		expect(figureCaption(figuresIn(island, 1)[0], island)).toBe(
			'The largest of them, Barsakelmes, became a nature reserve in 1939'
		);
	});

	it('captions a share with what it is a share of', () => {
		const sentence =
			"It produces a third of coal, about half of the country's copper and more than 85% of steel.";
		const captions = figuresIn(sentence, 1).map((f) => [f.value, figureCaption(f, sentence)]);
		expect(captions).toEqual([
			['a third', 'of coal'],
			['half', "of the country's copper"],
			['85%', 'share of steel']
		]);
	});
});
