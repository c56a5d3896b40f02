/**
 * Rules from the fifteenth round of blind reviews: a name whose last word is a generic head is
 * also accepted without it ("Orthodox Christian": "Orthodox", "Seljuk Turks": "Seljuks"); a key
 * whose everyday word is all the prompt does not already show is given away ("Green Kazakhstan"
 * after "throughout Kazakhstan"); a blank in a counted list whose other members are shown, or in
 * an open list ("including A, B, and _____"), is refused; wrong options for a place its sentence
 * puts in a group ("both republics") come from that group; the year of a third party's saying
 * ("William Bradford, speaking in 1630, said ...") is a side detail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../types';
import { buildLessons } from '../../content/index';
import { loadLexicon } from '../../server/lexicon';
import { otherTexts, speechDoc } from '../../../../tests/fixtures/texts/load';
import { withoutGenericHead } from './accept-forms';
import { buildRegistry } from './analyse';
import { generateBank } from './bank';
import { countryUnnamed } from './candidates/names';
import { givenAway, tellingPart } from './checks/keys';
import { countedListBlank, openListBlank } from './checks/lists';
import { groupNounOf } from './distractors';

const lexicon = loadLexicon();
let kazakhstan: Question[];
let mongols: Question[];
let moon: Question[];
let speech: Question[];

const bankOf = (pattern: RegExp) => {
	const [, text] = otherTexts().find(([name]) => pattern.test(name))!;
	return Object.values(generateBank(buildLessons(text), lexicon)).flat();
};

beforeAll(() => {
	kazakhstan = bankOf(/history-of-kazakhstan/);
	mongols = bankOf(/mongol-empire/);
	moon = bankOf(/moon-speech/);
	speech = Object.values(generateBank(speechDoc(), lexicon)).flat();
}, 60_000);

const accepted = (q: Question | undefined) => (q?.type === 'fill_blank' ? q.accept : []);

describe('a name without its generic head', () => {
	it('is the name before "Christian", "Turks", "Empire", a people also in the plural', () => {
		const registry = buildRegistry(
			buildLessons(
				'The Horde strengthened the Orthodox Christian church in its regions. The Qarakhanids fought the Seljuk Turks to the south. The Karakhanid Empire fell in the twelfth century.'
			)
		);
		expect(withoutGenericHead('Orthodox Christian', registry)).toEqual(['Orthodox']);
		expect(withoutGenericHead('Seljuk Turks', registry)).toEqual(['Seljuk', 'Seljuks']);
		expect(withoutGenericHead('Karakhanid Empire', registry)).toEqual(['Karakhanid']);
	});

	it('is refused when it would name another thing of the text, or tells things apart', () => {
		const registry = buildRegistry(
			buildLessons(
				'The Ottoman Empire grew in the west. The Ottoman Turks took Constantinople in 1453. The Northern Sea froze in winter.'
			)
		);
		expect(withoutGenericHead('Ottoman Empire', registry)).toEqual([]);
		expect(withoutGenericHead('Northern Sea', registry)).toEqual([]);
		// Not a generic head: "Green Kazakhstan" keeps its two words.
		expect(withoutGenericHead('Green Kazakhstan', registry)).toEqual([]);
	});

	it('is accepted for the textbook and encyclopedia keys the reviewers named', () => {
		const orthodox = mongols.find(
			(q) => q.type === 'fill_blank' && q.answer === 'Orthodox Christian'
		);
		expect(accepted(orthodox)).toContain('Orthodox');
		const seljuks = kazakhstan.find((q) => q.type === 'fill_blank' && q.answer === 'Seljuk Turks');
		expect(accepted(seljuks)).toContain('Seljuks');
	});
});

describe('a key whose name the prompt already shows', () => {
	it('is given away when what is left of it is everyday words', () => {
		const telling = tellingPart('Green Kazakhstan', ['Kazakhstan'], lexicon);
		expect(telling).toBe('Green Kazakhstan');
		expect(
			givenAway('implemented throughout Kazakhstan as part of the _____ National Project.', telling)
		).toBe(true);
	});

	it('is asked with "the country" left unnamed where naming it shows part of the key', () => {
		const prompt = 'implemented throughout Kazakhstan as part of the _____ National Project.';
		expect(countryUnnamed(prompt, 'Green Kazakhstan', 'Kazakhstan')).toBe(
			'implemented throughout the country as part of the _____ National Project.'
		);
		expect(countryUnnamed(prompt, 'Comfortable School', 'Kazakhstan')).toBe(prompt);
		const green = speech.find((q) => 'answer' in q && q.answer === 'Green Kazakhstan');
		expect(green?.prompt).toMatch(/throughout the country as part of the _____ National Project/);
	});

	it('is not when the rest of it is a name of its own', () => {
		expect(tellingPart('Kazakhstan Temir Zholy', ['Kazakhstan'], lexicon)).toBe('Temir Zholy');
	});

	it('keeps "Green Kazakhstan" out of the speech bank where its prompt says "Kazakhstan"', () => {
		const green = speech.filter(
			(q) =>
				'answer' in q &&
				q.answer === 'Green Kazakhstan' &&
				/\bKazakhstan\b/.test(q.prompt.replace(/_____/g, ''))
		);
		expect(green).toEqual([]);
		// The speech's other named project stays.
		expect(speech.map((q) => ('answer' in q ? q.answer : null))).toContain('Comfortable School');
	});
});

describe('a blank in a list', () => {
	it('is answered by elimination when the prompt counts the list and shows the rest', () => {
		expect(
			countedListBlank(
				'He convened the leaders of the five Central Asian states (Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, and _____), raising a confederation.'
			)
		).toBe(true);
		expect(countedListBlank('The three sons Jochi, Chagatai and _____ divided the empire.')).toBe(
			true
		);
		// A count of something else, or a list longer than its count, is no elimination.
		expect(countedListBlank('Both rivers begin in the Pamir and _____ mountains.')).toBe(false);
		expect(countedListBlank('The two khans Batu, Berke, Orda and _____ met.')).toBe(false);
	});

	it('has other right answers when the list is a selection', () => {
		expect(
			openListBlank('peoples, including the Alans, Aorsi, Budini, Massagetae, and _____.')
		).toBe(true);
		expect(openListBlank('inhabitants like the _____, Tangut, and Khitan.')).toBe(true);
		expect(openListBlank('The region grows wheat, Barley, _____, and others.')).toBe(true);
		expect(openListBlank('peoples including the Alans, Issedones/_____, and Sakas.')).toBe(true);
	});

	it('leaves a blank that is no member of a selection', () => {
		expect(openListBlank('Kazakhs, including women, fought at Tula and _____.')).toBe(false);
		expect(openListBlank('including _____ who was the first Mongol great khan to read.')).toBe(
			false
		);
		expect(
			openListBlank('Turkish peoples like the _____, seminomads similar to the Mongols.')
		).toBe(false);
		expect(
			openListBlank('Our great writers Saken Seifullin, _____, Kasym Amanzholov were born here.')
		).toBe(false);
	});

	it('keeps the five states and the open list of steppe peoples out of the encyclopedia bank', () => {
		const asked = kazakhstan.filter((q) => q.type === 'fill_blank' || q.type === 'multiple_choice');
		expect(
			asked.filter((q) => /Central Asian states \(/.test(q.prompt) && q.prompt.includes('_____)'))
		).toEqual([]);
		expect(asked.filter((q) => /including the Alans[^.]*_____/.test(q.prompt))).toEqual([]);
	});
});

describe('wrong options for a place its sentence puts in a group', () => {
	it('reads the group from the sentence', () => {
		expect(
			groupNounOf('Holodomor in Ukraine; in both republics peasants slaughtered livestock.')
		).toBe('republic');
		expect(groupNounOf('the former Soviet republics signed it')).toBe('republic');
		expect(groupNounOf('Thousands fled to China and Mongolia.')).toBeNull();
	});

	it('are other members of the group, never a place the text never calls one', () => {
		const holodomor = kazakhstan.filter(
			(q) => q.type === 'multiple_choice' && /Holodomor in _____/.test(q.prompt)
		);
		for (const q of holodomor)
			if (q.type === 'multiple_choice')
				expect(q.options.filter((o) => /Poland|China|Mongolia/.test(o))).toEqual([]);
	});
});

describe('a figure of a third party quoted in the text', () => {
	it('is not asked: the year William Bradford spoke is a side detail of the speech', () => {
		const years = moon.filter(
			(q) =>
				(q.type === 'numeric' || q.type === 'multiple_choice') &&
				/Bradford, speaking in _____/.test(q.prompt)
		);
		expect(years).toEqual([]);
		// Who was quoted is still asked.
		expect(moon.map((q) => ('answer' in q ? q.answer : null))).toContain('William Bradford');
	});

	it("leaves the speaker's own figures", () => {
		const towns = speech.filter(
			(q) => q.type === 'numeric' && /single-industry towns/.test(q.prompt)
		);
		expect(towns.length).toBeGreaterThan(0);
	});
});
