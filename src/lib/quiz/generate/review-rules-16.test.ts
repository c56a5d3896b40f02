/**
 * Rules from the sixteenth round of blind reviews: a year that only frames what its sentence tells
 * ("in _____ alone, several cases … occurred") is a side detail, while the fact it frames stays; a
 * short name the text also writes longer ("Rus": "Russian", "Russia") is not a typed blank, since
 * a student who knows it types the longer form.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../types';
import { buildLessons } from '../../content/index';
import { loadLexicon } from '../../server/lexicon';
import { otherTexts, speechDoc } from '../../../../tests/fixtures/texts/load';
import { generateBank } from './bank';
import { shortFormOfLonger } from './checks';

const lexicon = loadLexicon();
let speech: Question[];
let mongols: Question[];

beforeAll(() => {
	speech = Object.values(generateBank(speechDoc(), lexicon)).flat();
	const [, text] = otherTexts().find(([name]) => /mongol-empire/.test(name))!;
	mongols = Object.values(generateBank(buildLessons(text), lexicon)).flat();
}, 60_000);

describe('a year that only frames the fact', () => {
	it('is not asked in the speech ("in 2022 alone")', () => {
		expect(speech.filter((q) => /_____ alone/.test(q.prompt))).toEqual([]);
	});

	it('is not asked in any text, whatever the year', () => {
		const text =
			'Industry\n\nThe Karaganda region mines most of the coal of Kazakhstan. In 2019 alone, ' +
			'the Shubarkol mine shipped 12 million tonnes of coal to Pavlodar. The Bogatyr mine ' +
			'near Ekibastuz opened in 1970 and is among the largest open-pit coal mines.';
		const bank = Object.values(generateBank(buildLessons(text), lexicon)).flat();
		expect(bank.filter((q) => /_____ alone/i.test(q.prompt))).toEqual([]);
	});
});

describe('a person asked by the surname', () => {
	it('is also accepted by the fuller name the text gives ("Gennady Kolbin" for "Kolbin")', () => {
		const [, text] = otherTexts().find(([name]) => /history-of-kazakhstan/.test(name))!;
		const bank = Object.values(generateBank(buildLessons(text), lexicon)).flat();
		const accepted = (key: string) =>
			bank.flatMap((q) => (q.type === 'fill_blank' && q.answer === key ? q.accept : []));
		expect(accepted('Kolbin')).toContain('Gennady Kolbin');
		expect(accepted('Nazarbayev')).toContain('Nursultan Nazarbayev');
	});
});

describe('a short name the text also writes longer', () => {
	it('is no typed blank: "Rus" beside "Russian" and "Russia"', () => {
		const words = new Map([
			['rus', 2],
			['russian', 3],
			['russia', 1],
			['han', 1],
			['hans', 1]
		]);
		expect(shortFormOfLonger('Rus', words)).toBe(true);
		// A plural is the same name; a long name is not a short form; nor is a word in lower case.
		expect(shortFormOfLonger('Han', words)).toBe(false);
		expect(shortFormOfLonger('Russian', words)).toBe(false);
		expect(shortFormOfLonger('rus', words)).toBe(false);
	});

	it('is not asked as a typed blank in the textbook on the Mongols', () => {
		const typedRus = mongols.filter((q) => q.type === 'fill_blank' && q.answer === 'Rus');
		expect(typedRus).toEqual([]);
		// The rest of the textbook's bank stays.
		expect(mongols.length).toBeGreaterThan(20);
	});
});
