/**
 * Rules from the fourteenth blind review of texts of other genres: a blank renamed beside it in
 * its own prompt ("the _____, the present-day Amu Darya") is given away, or has a second answer;
 * asked in another sentence, the other name the text gives it is a right answer; an outcome named
 * only by its kind ("The changes were observed") and a comparison without its other side lean on
 * an earlier sentence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../content/types';
import type { Question } from '../types';
import { buildLessons } from '../../content/index';
import { loadLexicon } from '../../server/lexicon';
import { otherTexts } from '../../../../tests/fixtures/texts/load';
import { generateBank } from './bank';
import { renamedBeside } from './checks/keys';
import { otherNames } from './other-names';
import { leanReason } from './prompt-text';

let kazakhstan: Question[];

beforeAll(() => {
	const [, text] = otherTexts().find(([name]) => /history-of-kazakhstan/.test(name))!;
	kazakhstan = Object.values(generateBank(buildLessons(text), loadLexicon())).flat();
}, 60_000);

/** A document of one lesson whose sentences are the text's, split at full stops. */
function docOf(text: string): SourceDocument {
	const sentences = text.split(/(?<=\.) /).map((t, index) => ({ index, paragraph: 0, text: t }));
	return { title: 'T', credit: '', lessons: [{ sentences }] } as unknown as SourceDocument;
}

describe('a blank renamed beside it in the prompt', () => {
	it('is seen before or after the blank, with a comma or a bracket', () => {
		expect(renamedBeside('north of the _____, the present-day Amu Darya.')).toBe(true);
		expect(renamedBeside('north of the Oxus River, the present-day _____.')).toBe(true);
		expect(renamedBeside('the town of _____ (now Semey) grew.')).toBe(true);
		expect(renamedBeside('the _____ River, also called the Jaxartes, flows west.')).toBe(true);
		expect(renamedBeside('Vernyi (formerly _____) was founded in 1854.')).toBe(true);
	});

	it('leaves a blank whose neighbours only describe it', () => {
		expect(renamedBeside('the _____, the largest lake of the region, shrank.')).toBe(false);
		expect(renamedBeside('In _____, now a famous year, the khan died.')).toBe(false);
		expect(renamedBeside('the present-day border follows the _____.')).toBe(false);
	});

	it('keeps the renamed Oxus out of the encyclopedia bank while its other questions stay', () => {
		const asked = kazakhstan.filter((q) => q.type !== 'matching');
		const renamed = asked.filter(
			(q) => /present-day Amu Darya/.test(q.prompt) && /Oxus|Amu Darya/.test(String(q.answer))
		);
		expect(renamed).toEqual([]);
		// The same sentence still asks what it can: the Qarakhanid state.
		expect(asked.map((q) => q.answer)).toContain('Qarakhanid');
	});
});

describe('another name the text gives a key', () => {
	it('is read from renamings in every sentence, both ways', () => {
		const names = otherNames(
			docOf(
				'Transoxiana lies north of the Oxus River, the present-day Amu Darya. Vernyi (now Almaty) grew. The Syr Darya, also called the Jaxartes, flows west.'
			)
		);
		expect(names.get('Oxus River')).toEqual(['Amu Darya']);
		expect(names.get('Amu Darya')).toEqual(['Oxus River']);
		expect(names.get('Vernyi')).toEqual(['Almaty']);
		expect(names.get('Jaxartes')).toEqual(['Syr Darya']);
		expect(otherNames(docOf('The Oxus River, the longest of the region, flows north.')).size).toBe(
			0
		);
	});

	it('is accepted where the text asks for the key in another sentence', () => {
		const oxus = kazakhstan.find((q) => q.type === 'fill_blank' && q.answer === 'Oxus River');
		expect(oxus?.type === 'fill_blank' && oxus.accept).toContain('Amu Darya');
	});
});

describe('a prompt that leans on an earlier sentence', () => {
	it('names an outcome only by its kind', () => {
		expect(leanReason('The changes were observed in data from the _____ satellite.')).toBe(
			'an outcome told before'
		);
		expect(leanReason('The changes of the sea ice were observed by the _____ satellite.')).toBe(
			null
		);
	});

	it('compares without saying with what', () => {
		expect(
			leanReason('The lands of the _____, northwest Asia, were less economically developed.')
		).toBe('comparison without its other side');
		expect(leanReason('The lands of the _____ were less developed than the south.')).toBe(null);
		expect(leanReason('_____ should become a more comfortable city for living.')).toBe(null);
	});
});
