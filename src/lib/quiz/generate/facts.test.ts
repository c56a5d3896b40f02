import { describe, expect, it } from 'vitest';
import { buildContext } from './profile';
import { numberDistractors } from './distractors';
import { fnv1a, stableId } from '../hash';
import { isVariant, sameName } from './names';
import { findNumbers } from './numbers';
import type { AnalysedStatement } from './analyse';
import { rewriteSentence } from './statements';
import type { SourceDocument } from '../../content/types';

describe('names', () => {
	it('groups spellings of one name', () => {
		expect(isVariant('Alikhan Bokeykhan', 'Alikhan Bukeihan')).toBe(true);
		expect(isVariant('Tokayev', 'Tokaev')).toBe(true);
		expect(isVariant('Kassym-Jomart Tokayev', 'Kassym-Zhomart Tokaev')).toBe(true);
		expect(isVariant('ArcelorMittal Temirtau JSC', 'Arcelor Mittal Temirtau')).toBe(true);
		expect(isVariant('Arcellor Mittal Temirtau JSC', 'ArcelorMittal Temirtau JSC')).toBe(true);
	});

	it('keeps different people apart', () => {
		expect(isVariant('Alikhan Bokeykhan', 'Alimkhan Ermekov')).toBe(false);
		expect(isVariant('Saken Seifullin', 'Gabiden Mustafin')).toBe(false);
		expect(isVariant('Karkaraly', 'Karaganda')).toBe(false);
		expect(sameName('Saryarka', 'Saryarka special economic zone')).toBe(false);
		expect(sameName('Bukeihan', 'Alikhan Bukeihan')).toBe(true);
	});
});

describe('numbers', () => {
	it('reads hedges, multipliers, units and years', () => {
		const [steel] = findNumbers('It produces more than 85% of steel.');
		expect(steel).toMatchObject({ hedge: 'more than', value: 85, unit: '%', kind: 'percent' });
		const [land, part] = findNumbers(
			'More than 4.2 million hectares of land, of which 1.1 million hectares are here.'
		);
		expect(land).toMatchObject({ hedge: 'more than', value: 4_200_000, unit: 'hectares' });
		expect(part).toMatchObject({ value: 1_100_000, unit: 'hectares' });
		expect(findNumbers('In 176 villages of the region there is no clean water.')[0]).toMatchObject({
			value: 176,
			unit: 'villages'
		});
		expect(findNumbers('The plan that has existed since 2007 is outdated.')[0]).toMatchObject({
			kind: 'year',
			value: 2007
		});
		expect(findNumbers('new schools for more than 28,000 places')[0]).toMatchObject({
			value: 28000,
			unit: 'places'
		});
		expect(findNumbers('a third of coal, about half of the copper').map((n) => n.digits)).toEqual([
			'a third',
			'half'
		]);
	});
});

function statement(text: string): AnalysedStatement {
	return { text, numbers: findNumbers(text) } as unknown as AnalysedStatement;
}

describe('number distractors', () => {
	it('keep the format and contradict the hedge', () => {
		const [key] = findNumbers('It produces more than 85% of steel.');
		const options = numberDistractors(
			key,
			[statement('It produces more than 85% of steel.')],
			3,
			's'
		);
		expect(options).toHaveLength(3);
		for (const o of options) {
			expect(o.text).toMatch(/^(?:about|less than) \d+%$/);
			expect(o.value).toBeLessThan(85);
		}
	});

	it('never offer the other figure of a part-whole sentence', () => {
		const text =
			'More than 4.2 million hectares have been returned, of which 1.1 million hectares are in the region.';
		const [whole, part] = findNumbers(text);
		for (const key of [whole, part]) {
			const options = numberDistractors(key, [statement(text)], 3, 'x');
			expect(options).toHaveLength(3);
			for (const o of options) {
				expect(o.text).toMatch(/^(?:about |less than )?\d+\.\d million$/);
				expect([4_200_000, 1_100_000]).not.toContain(o.value);
			}
		}
	});

	it('offer the fractions closest to a fraction key, whatever the seed', () => {
		const [key] = findNumbers('It produces a third of coal.');
		expect(key.kind).toBe('fraction');
		for (const seed of 'abcdefghij') {
			const options = numberDistractors(key, [statement('It produces a third of coal.')], 3, seed);
			expect(options).toHaveLength(3);
			// A quarter, a fifth and a half; never three quarters or two thirds.
			for (const o of options) expect(Math.abs(o.value - key.value), o.text).toBeLessThan(0.2);
		}
	});

	it('give counts of the same scale', () => {
		const [key] = findNumbers('In 176 villages there is no clean water.');
		const options = numberDistractors(
			key,
			[statement('In 176 villages there is no clean water.')],
			3,
			'v'
		);
		expect(options).toHaveLength(3);
		for (const o of options) {
			expect(o.text).toMatch(/^\d{3}$/);
			expect(Math.abs(o.value - 176)).toBeLessThanOrEqual(100);
		}
	});
});

function ctxFor(): ReturnType<typeof buildContext> {
	const sentences = [
		'The Karaganda region is large.',
		'The Karaganda region is in Kazakhstan.',
		'People of the Karaganda region live in Kazakhstan.',
		'Kazakhstan is a country, the speech said.'
	];
	const doc: SourceDocument = {
		title: 'Speech',
		credit: '',
		lessons: [
			{
				slug: 'l',
				title: 'L',
				topic: '',
				summary: '',
				paragraphs: sentences,
				sentences: sentences.map((text, i) => ({ index: i + 1, paragraph: 0, text })),
				figures: [],
				entities: [],
				wordCount: 20,
				readingMinutes: 1
			}
		]
	};
	return buildContext(doc);
}

describe('rewrite', () => {
	const ctx = ctxFor();
	const inQuote = { inQuote: true, speaker: 'the President', previous: '' };
	it('turns first person in a quote into the President', () => {
		expect(
			rewriteSentence(
				'I instruct the Government to complete the construction of the roads next year.',
				inQuote,
				ctx
			)?.text
		).toBe(
			'The President instructs the Government to complete the construction of the roads next year.'
		);
		expect(
			rewriteSentence(
				'Our country is implementing the national project "Comfortable School."',
				inQuote,
				ctx
			)?.text
		).toBe('Kazakhstan is implementing the national project Comfortable School.');
	});

	it('removes speaker tags and quote marks', () => {
		const out = rewriteSentence(
			'The region is the locomotive of the country\'s industrial sector," the president said.',
			inQuote,
			ctx
		);
		expect(out?.text).toBe(
			"The Karaganda region is the locomotive of Kazakhstan's industrial sector."
		);
	});

	it('rejects sentences that lean on others', () => {
		expect(
			rewriteSentence(
				'This will give impetus to the development of the Ulytau region.',
				inQuote,
				ctx
			)
		).toBeNull();
		expect(
			rewriteSentence('They can and should act as platforms for foreign companies.', inQuote, ctx)
		).toBeNull();
		expect(
			rewriteSentence(
				'I instruct you to carefully study these issues," the Head of State said.',
				inQuote,
				ctx
			)
		).toBeNull();
	});
});

describe('hash', () => {
	it('is stable', () => {
		expect(fnv1a('abc')).toBe(440920331);
		expect(stableId('a', 'b')).toBe('1n9wey91py');
		expect(stableId('a', 'b')).not.toBe(stableId('a', 'c'));
	});
});
