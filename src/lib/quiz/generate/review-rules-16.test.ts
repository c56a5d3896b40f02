/**
 * Rules from the sixteenth round of blind reviews: a year that only frames what its sentence tells
 * ("in _____ alone, several cases … occurred") is a side detail, while the fact it frames stays.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../types';
import { buildLessons } from '../../content/index';
import { loadLexicon } from '../../server/lexicon';
import { speechDoc } from '../../../../tests/fixtures/texts/load';
import { generateBank } from './bank';

const lexicon = loadLexicon();
let speech: Question[];

beforeAll(() => {
	speech = Object.values(generateBank(speechDoc(), lexicon)).flat();
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
