/**
 * Rules from the eleventh blind review of texts of other genres: keys a prompt gives away in
 * another form, speech-bound words and quotations stripped of their marks, open blanks several
 * places or peoples answer, wrong options the prompt itself rules out, and the short forms a
 * student writes for a typed name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLessons } from '../../content/index';
import { loadLexicon } from '../../server/lexicon';
import { otherTexts } from '../../../../tests/fixtures/texts/load';
import { generateBank } from './bank';
import { givenAway, leaderOrWatersGiveAway } from './checks/keys';
import { deixisReason } from './prompt-text';
import type { Question } from '../types';

const lexicon = loadLexicon();

function bankOf(pattern: RegExp): Question[] {
	const [, text] = otherTexts().find(([name]) => pattern.test(name))!;
	return Object.values(generateBank(buildLessons(text), lexicon)).flat();
}

let kazakhstan: Question[];
let mongols: Question[];
let lunar: Question[];
let seaIce: Question[];
let moon: Question[];

beforeAll(() => {
	kazakhstan = bankOf(/history-of-kazakhstan/);
	mongols = bankOf(/mongol-empire/);
	lunar = bankOf(/lunar-rover/);
	seaIce = bankOf(/antarctic-sea-ice/);
	moon = bankOf(/moon-speech/);
}, 60_000);

const typed = (bank: Question[]) => bank.filter((q) => q.type === 'fill_blank');
const find = (bank: Question[], answer: string) =>
	bank.find((q) => q.type === 'fill_blank' && q.answer === answer);
const accepted = (q: Question | undefined) => (q && q.type === 'fill_blank' ? q.accept : []);

describe('a key the prompt gives away in another form', () => {
	it('shares the first part and the stem of a hyphenated name ("Il-Khans", "Il-Khanate")', () => {
		expect(
			givenAway('authority than imposed by the Il-Khans, after the _____ fell.', 'Il-Khanate')
		).toBe(true);
		expect(givenAway('more than a generation after the _____ fell.', 'Il-Khanate')).toBe(false);
		expect(givenAway('the Il-Arslan dynasty and the _____ fell.', 'Il-Khanate')).toBe(false);
		expect(
			mongols.some((q) => 'answer' in q && q.answer === 'Il-Khanate' && /Il-Khans/.test(q.prompt))
		).toBe(false);
	});

	it('is a country beside its leader’s title, or a sea beside "the waters around" that defines it', () => {
		const leaders =
			'This is true for the _____ and Japan under President Biden and Prime Minister Kishida.';
		expect(leaderOrWatersGiveAway(leaders, 'United States')).toBe(true);
		expect(
			leaderOrWatersGiveAway('The _____ and Japan signed an agreement.', 'United States')
		).toBe(false);
		expect(leaderOrWatersGiveAway(leaders, 'Artemis')).toBe(false);
		const waters = 'In the waters around Antarctica, ice shrank. Conditions shifted in the _____.';
		expect(leaderOrWatersGiveAway(waters, 'Southern Ocean')).toBe(true);
		expect(leaderOrWatersGiveAway('Conditions shifted in the _____.', 'Southern Ocean')).toBe(
			false
		);
		expect(find(lunar, 'United States')).toBeUndefined();
		expect(
			seaIce.some(
				(q) => 'answer' in q && q.answer === 'Southern Ocean' && /waters around/.test(q.prompt)
			)
		).toBe(false);
	});
});

describe('a prompt read away from the speech or the day of the news', () => {
	it('has no "Today" without a date and no "this stadium" it never named', () => {
		expect(deixisReason('Today, the leaders also announced a goal.', lexicon)).toBeTruthy();
		expect(
			deixisReason('On April 10, 2024, the leaders met. Today, they signed.', lexicon)
		).toBeNull();
		expect(
			deixisReason(
				'The accuracy is like firing a missile from _____ and dropping it in this stadium.',
				lexicon
			)
		).toBeTruthy();
		// What "this" points at is named before it, or is no place of the speaker's.
		expect(deixisReason('A new stadium opened. Crowds filled this stadium.', lexicon)).toBeNull();
		expect(deixisReason('This prosperity was centred around _____.', lexicon)).toBeNull();
		expect(
			deixisReason('_____ was responsible for resettlement at this time.', lexicon)
		).toBeNull();
		expect(deixisReason('This led to the creation of the _____.', lexicon)).toBeNull();
		expect(moon.some((q) => /this stadium/.test(q.prompt))).toBe(false);
		expect(lunar.some((q) => /\bToday\b/.test(q.prompt))).toBe(false);
	});

	it('never keeps a quotation whose marks were removed after a verb of saying', () => {
		for (const q of [...lunar, ...moon, ...seaIce])
			expect(q.prompt).not.toMatch(/\b(?:announced|said|stated), (?:a|an|the) [a-z]/);
	});
});

describe('a typed blank that several true answers fill', () => {
	it('is never a broad region ("unable to conquer Southeast Asia", "into Eastern Europe")', () => {
		expect(find(mongols, 'Southeast Asia')).toBeUndefined();
		expect(find(kazakhstan, 'Eastern Europe')).toBeUndefined();
	});

	it('is never a name before a noun it describes ("ruled by _____ nobles")', () => {
		for (const q of typed([...mongols, ...kazakhstan]))
			expect(q.prompt).not.toMatch(/_____ (?:nobles|authorities)\b/);
	});
});

describe('wrong options', () => {
	it('are never offered for an item of a list the prompt qualifies ("the five Central Asian states")', () => {
		expect(
			kazakhstan.some(
				(q) => q.type === 'multiple_choice' && /Central Asian states \([^)]*_____/.test(q.prompt)
			)
		).toBe(false);
	});
});

describe('a typed name', () => {
	it('accepts a people by its first name, a hyphenated name without its kind, a person by the surname', () => {
		expect(accepted(find(kazakhstan, 'Zunghar Oirats'))).toContain('Zunghars');
		expect(accepted(find(kazakhstan, 'Trans-Aral Railway'))).toContain('Trans-Aral');
		expect(accepted(find(moon, 'William Bradford'))).toContain('Bradford');
		// Two capitalised words are not a person's names: "Issyk Kul" is no "Kul".
		expect(accepted(find(kazakhstan, 'Issyk Kul'))).not.toContain('Kul');
	});
});
