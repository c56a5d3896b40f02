/**
 * Rules from the blind review of texts of other genres: context sentences that bring their own
 * faults, keys a class noun fits, typed keys without their natural short or long forms, wrong
 * years the prompt rules out. Each is checked on its rule and on the fixture text it came from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLessons } from '../../content/index';
import { loadLexicon } from '../../server/lexicon';
import { otherTexts } from '../../../../tests/fixtures/texts/load';
import { generateBank } from './bank';
import { numberDistractors } from './distractors';
import { findNumbers } from './numbers';
import type { AnalysedStatement } from './analyse';
import { withoutQualifier } from './accept-forms';
import { brokenGrammar, placeOrAdditionReason, unnamedCountryReason } from './prompt-text';
import type { Question } from '../types';

const lexicon = loadLexicon();

function bankOf(pattern: RegExp): Question[] {
	const [, text] = otherTexts().find(([name]) => pattern.test(name))!;
	return Object.values(generateBank(buildLessons(text), lexicon)).flat();
}

let kazakhstan: Question[];
let mongols: Question[];
let lunar: Question[];
let aral: Question[];

beforeAll(() => {
	kazakhstan = bankOf(/history-of-kazakhstan/);
	mongols = bankOf(/mongol-empire/);
	lunar = bankOf(/lunar-rover/);
	aral = bankOf(/aral-sea/);
}, 60_000);

const accepted = (q: Question | undefined) => (q && q.type === 'fill_blank' ? q.accept : []);

describe('a sentence told before a prompt', () => {
	it('must name its own place and not add to a sentence the prompt does not show', () => {
		expect(
			placeOrAdditionReason(
				'Asian versions of Christianity, different from the Catholic and Orthodox traditions in Europe, thrived there as well.'
			)
		).toBeTruthy();
		expect(placeOrAdditionReason('There were also disputes about tribute.')).toBeNull();
		expect(placeOrAdditionReason('Kazakhs as well as Russians settled in Zhetysu.')).toBeNull();
		expect(mongols.some((q) => /thrived there as well/.test(q.prompt))).toBe(false);
	});

	it('must be grammatical', () => {
		expect(
			brokenGrammar('Following with the end of the arid period, nomads migrated.')
		).toBeTruthy();
		expect(brokenGrammar('Following the end of the arid period, nomads migrated.')).toBeNull();
		expect(
			brokenGrammar(
				'During the nineteenth century, Kazakhs had remarkable numeracy level, which rose.'
			)
		).toBeTruthy();
		expect(brokenGrammar('Kazakhs had a remarkable numeracy level.')).toBeNull();
		expect(kazakhstan.some((q) => /Following with|numeracy level/.test(q.prompt))).toBe(false);
	});

	it('must not name another people that fits the blank as well as the key', () => {
		const kalmyks = kazakhstan.filter((q) => q.type === 'fill_blank' && q.answer === 'Kalmyks');
		expect(kalmyks.some((q) => /Zunghar Oirats/.test(q.prompt))).toBe(false);
	});
});

describe('a prompt that does not say what it is about', () => {
	it('leaves "the country" unresolved when its sentence names the text’s country beside it', () => {
		const own =
			'The country is the U.S.’s 78th-largest trading partner, and it was the first country to recognize Kazakhstan after independence.';
		expect(unnamedCountryReason(own, own, 'Kazakhstan', ['Kazakhstan', 'Russia'])).toBeTruthy();
		// Without a name beside it, "the country" is the text's own.
		expect(
			unnamedCountryReason(
				'The country exports grain.',
				'The country exports grain.',
				'Kazakhstan',
				['Kazakhstan']
			)
		).toBeNull();
		expect(kazakhstan.some((q) => /the country is the U\.S\./i.test(q.prompt))).toBe(false);
	});
});

describe('a typed blank with one answer', () => {
	it('is never a plural after a count word, which any class noun fills ("two khanates")', () => {
		for (const q of [...kazakhstan, ...mongols])
			if (q.type === 'fill_blank')
				expect(q.prompt).not.toMatch(/\b(?:two|three|several|many) _____/i);
	});

	it('is never an acronym spelled out beside it, or a leader where his state fits', () => {
		const answers = kazakhstan.map((q) => (q.type === 'fill_blank' ? q.answer : ''));
		expect(answers).not.toContain('CHSIR');
		expect(
			kazakhstan.some(
				(q) => q.type === 'fill_blank' && /_____ supported the strengthening/.test(q.prompt)
			)
		).toBe(false);
	});

	it('never keeps a preposition that opened the sentence in its key', () => {
		expect(lunar.some((q) => 'answer' in q && /^Through /.test(String(q.answer)))).toBe(false);
	});

	it('accepts the forms a student writes: without a modifier, a feature or a title, and with the title', () => {
		const find = (bank: Question[], answer: string) =>
			bank.find((q) => q.type === 'fill_blank' && q.answer === answer);
		// "Prehistoric Bronze Age" is no longer typed (review round 12): the form it would accept.
		expect(withoutQualifier('Prehistoric Bronze Age', lexicon)).toBe('Bronze Age');
		expect(accepted(find(kazakhstan, 'Karatau Mountains'))).toContain('Karatau');
		expect(accepted(find(mongols, 'Kublai'))).toContain('Kublai Khan');
		expect(accepted(find(aral, 'Geographer Philip Micklin'))).toContain('Philip Micklin');
		// A name's distinguishing word stays: "Lower Paleolithic" is not "Paleolithic".
		for (const q of kazakhstan)
			if (q.type === 'fill_blank' && /^(?:Lower|Upper|Western|Eastern) /.test(q.answer))
				expect(q.accept).not.toContain(q.answer.split(' ').slice(1).join(' '));
	});
});

describe('wrong years', () => {
	it('are never before a year the prompt says came first, or after one it says came later', () => {
		const text = 'The republic, established in 1923, was renamed in 1925 and dissolved in 1936.';
		const numbers = findNumbers(text);
		const key = numbers[1];
		expect(key.value).toBe(1925);
		// The lesson's years bound the wrong ones from above (none after the latest it names).
		const lesson = [{ numbers }] as unknown as AnalysedStatement[];
		for (let seed = 0; seed < 20; seed++) {
			const options = numberDistractors(key, lesson, 3, `s${seed}`, [1923, 1936]);
			expect(options).toHaveLength(3);
			for (const o of options) {
				expect(o.value).toBeGreaterThan(1923);
				expect(o.value).toBeLessThan(1936);
			}
		}
	});

	it('stay on the key’s side of every year the prompt states ("established in 1920")', () => {
		const renamed = kazakhstan.find(
			(q) => q.type === 'multiple_choice' && /established in 1920, was renamed/.test(q.prompt)
		);
		expect(renamed).toBeDefined();
		if (renamed?.type === 'multiple_choice')
			for (const option of renamed.options) expect(Number(option)).toBeGreaterThan(1920);
	});
});
