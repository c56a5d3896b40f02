/**
 * Rules from the twelfth blind review of texts of other genres: typed keys that other words fill
 * as well (a compass word before a noun, a broad qualifier before a name, a document named after
 * a place), a blank in a clause that grants any case, an outcome told without its event, a comma
 * splice, a key given away in a derived form, and quizzes that ask one fact or key twice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLessons } from '../../content/index';
import { loadLexicon } from '../../server/lexicon';
import { otherTexts } from '../../../../tests/fixtures/texts/load';
import { drawQuiz } from '../draw';
import { giveEachOtherAway, keysOf } from '../overlap';
import type { Question } from '../types';
import { withoutQualifier } from './accept-forms';
import { generateBank } from './bank';
import type { Registry } from './analyse';
import type { Candidate } from './candidate';
import { CONCESSIVE_BLANK } from './checks';
import { typedBlankRefusal } from './checks/typed-blank';
import { commonKey, givenAway } from './checks/keys';
import { brokenGrammar, unanchoredEventReason } from './prompt-text';

const lexicon = loadLexicon();

function lessonsOf(pattern: RegExp): Question[][] {
	const [, text] = otherTexts().find(([name]) => pattern.test(name))!;
	return Object.values(generateBank(buildLessons(text), lexicon));
}

let kazakhstan: Question[][];
let mongols: Question[][];
let seaIce: Question[];
let aral: Question[];

beforeAll(() => {
	kazakhstan = lessonsOf(/history-of-kazakhstan/);
	mongols = lessonsOf(/mongol-empire/);
	seaIce = lessonsOf(/antarctic-sea-ice/).flat();
	aral = lessonsOf(/aral-sea/).flat();
}, 60_000);

const typedKey = (bank: Question[], answer: string) =>
	bank.find((q) => q.type === 'fill_blank' && q.answer === answer);

/** The typed-blank check alone, for a key the text knows as `kind` (or not at all). */
function typedRefusal(prompt: string, answer: string, known: Record<string, string> = {}) {
	const registry = {
		ctx: { country: null },
		entryOf: (name: string) => (known[name] ? { name, kind: known[name] } : undefined)
	} as unknown as Registry;
	const c = { key: answer.toLowerCase(), statement: { text: prompt } } as unknown as Candidate;
	return typedBlankRefusal(prompt, answer, c, registry, lexicon);
}

describe('a typed key that other words fill as well', () => {
	it('is refused by the typed-blank check for what it is, not for its sentence', () => {
		const prompt = 'The ice is smallest during the _____ summer.';
		expect(typedRefusal(prompt, 'Southern Hemisphere')).toBe('typed name with other wordings');
		expect(typedRefusal(prompt, 'Prehistoric Bronze Age')).toBe('typed name with other wordings');
		expect(
			typedRefusal(prompt, 'Alma-Ata Protocol', {
				'Alma-Ata': 'other',
				'Alma-Ata Protocol': 'person'
			})
		).toBe('typed name with other wordings');
		// A range ("shan" is also a language) and a qualifier that is part of a name stay.
		expect(typedRefusal(prompt, 'Tian Shan', { 'Tian Shan': 'place' })).toBeNull();
		expect(typedRefusal(prompt, 'Lower Paleolithic')).toBeNull();
		expect(typedRefusal(prompt, 'Golden Horde')).toBeNull();
	});

	it('is never a compass word before an everyday noun ("the _____\'s summer": Southern Hemisphere)', () => {
		expect(typedKey(seaIce, 'Southern Hemisphere')).toBeUndefined();
		// A range of its own name stays: "Pamir and _____ mountains".
		expect(typedKey(aral, 'Tian Shan')).toBeDefined();
	});

	it('is never a name behind a broad qualifier ("Prehistoric Bronze Age": Indo-European fits)', () => {
		expect(withoutQualifier('Prehistoric Bronze Age', lexicon)).toBe('Bronze Age');
		// A qualifier that tells one thing from another is part of the name.
		expect(withoutQualifier('Lower Paleolithic', lexicon)).toBeNull();
		expect(typedKey(kazakhstan.flat(), 'Prehistoric Bronze Age')).toBeUndefined();
	});

	it('is never a document named after a place ("Alma-Ata Protocol": Alma-Ata, Almaty Protocol)', () => {
		expect(typedKey(kazakhstan.flat(), 'Alma-Ata Protocol')).toBeUndefined();
	});
});

describe('a blank in a clause that grants any case', () => {
	it('is not what its sentence says ("Whether … produced by the _____ or brought …, it entered …")', () => {
		expect(
			CONCESSIVE_BLANK.test(
				'Whether an import was produced by the _____ or brought by Italian merchants, it entered through the Golden Horde.'
			)
		).toBe(true);
		expect(
			CONCESSIVE_BLANK.test(
				'Whether an import was produced by the Rus or brought by merchants, it entered through the _____.'
			)
		).toBe(false);
		expect(
			mongols.flat().some((q) => /Whether an import/.test(q.prompt) && /_____/.test(q.prompt))
		).toBe(false);
	});
});

describe('a sentence told as a fact or as context', () => {
	it('is never an outcome without its event or date ("Thousands of Kazakhs were killed …")', () => {
		expect(
			unanchoredEventReason('Thousands of Kazakhs were killed, and thousands more fled to China.')
		).toBeTruthy();
		expect(
			unanchoredEventReason('Thousands of Kazakhs were killed in 1916, and thousands more fled.')
		).toBeNull();
		expect(unanchoredEventReason('Many Kazakhs fought the Communist takeover.')).toBeNull();
		const all = kazakhstan.flat();
		expect(all.some((q) => /Thousands of Kazakhs were killed/i.test(q.prompt))).toBe(false);
		// The sentence after it is asked alone, without it in front.
		expect(
			all.some((q) => /^Give the figure[^:]*: Many Kazakhs and Russians fought/.test(q.prompt))
		).toBe(true);
	});

	it('is never a comma splice ("The Oguz lost a struggle …, other Oguz clans migrated …")', () => {
		expect(
			brokenGrammar(
				'The Oguz lost a struggle with the Karluks for control of Turgesh, other Oguz clans migrated from Zhetysu to the Karatau Mountains.'
			)
		).toBeTruthy();
		// A name after a comma in apposition, a clause joined by "and", a participle with "by".
		for (const fine of [
			"Kazakhstan's capital lent its name to the Alma-Ata Protocol, the declaration of principles of the CIS.",
			'The Oguz lost a struggle with the Karluks, and other Oguz clans migrated to the Karatau.',
			'Batu founded the Golden Horde, the lands ruled by his descendants for two centuries.'
		])
			expect(brokenGrammar(fine), fine).toBeNull();
		expect(kazakhstan.flat().some((q) => /The Oguz lost a struggle/.test(q.prompt))).toBe(false);
	});
});

describe('a key given away by the prompt', () => {
	it('counts a derived form of a word of the prompt ("Sufi teachings" for Sufism, "Mongol" for Mongolia)', () => {
		expect(
			givenAway('Mongols accept Sufi teachings. As Muslims met, _____ made it easy.', 'Sufism')
		).toBe(true);
		expect(givenAway('The Mongol nobles fled to _____.', 'Mongolia')).toBe(true);
		expect(givenAway('As Muslims and Mongols met, _____ made it easy.', 'Sufism')).toBe(false);
		expect(
			mongols
				.flat()
				.some((q) => 'answer' in q && q.answer === 'Sufism' && /\bSufi\b/.test(q.prompt))
		).toBe(false);
	});

	it('never takes a numbered craft for an everyday word ("Nimbus-7" is no cloud)', () => {
		expect(commonKey('Nimbus-7', lexicon)).toBe(false);
		expect(commonKey('Soyuz-11', lexicon)).toBe(false);
		expect(commonKey('nimbus', lexicon)).toBe(true);
	});
});

describe('a quiz drawn from a lesson', () => {
	const q = (id: string, prompt: string, answer: string, sentenceIndex: number): Question => ({
		id,
		type: 'fill_blank',
		prompt,
		answer,
		accept: [],
		options: [],
		explanation: '',
		difficulty: 0.5,
		source: { paragraph: 0, sentence: prompt.replace('_____', answer), sentenceIndex }
	});

	it('never asks one key twice, names another question’s key, or tells its sentence as context', () => {
		const rus1 = q('a', 'The _____ and other Slavic peoples were ruled directly.', 'Rus', 1);
		const rus2 = q('b', 'The Golden Horde ruled the lands of the _____.', 'Rus', 2);
		expect(giveEachOtherAway(rus1, rus2)).toBe(true);
		const kublai = q('c', 'Kublai defeated _____ in 1264 after a long war.', 'Ariq Boke', 3);
		const naming = q(
			'd',
			'In 1265, after defeating Ariq Boke, _____ turned on the Song.',
			'Kublai',
			4
		);
		expect(giveEachOtherAway(kublai, naming)).toBe(true);
		const arabs = q(
			'e',
			'In the eighth century, Arabs who came to the region introduced _____.',
			'Islam',
			5
		);
		const withContext = q(
			'f',
			'In the eighth century, Arabs who came to the region introduced Islam. It spread among the _____.',
			'Kimaks',
			6
		);
		expect(giveEachOtherAway(arabs, withContext)).toBe(true);
		expect(giveEachOtherAway(rus2, arabs)).toBe(false);
	});

	it('is drawn so: no shared key, no key named in another prompt, on the real lessons', () => {
		for (const lesson of [...kazakhstan, ...mongols])
			for (const seed of ['1', '2', '3', '4', '5']) {
				const quiz = drawQuiz(lesson, 10, seed);
				for (const a of quiz)
					for (const b of quiz) {
						if (a === b) continue;
						expect(a.source.sentenceIndex).not.toBe(b.source.sentenceIndex);
						const keysB = keysOf(b);
						expect(keysOf(a).filter((k) => keysB.includes(k))).toEqual([]);
					}
				expect(quiz.every((a) => quiz.every((b) => a === b || !giveEachOtherAway(a, b)))).toBe(
					true
				);
			}
		// A lesson that asks one key more than once (the Golden Horde's asks the Rus): a quiz of
		// the whole lesson asks it once.
		const repeatedKey = (lesson: Question[]) =>
			lesson.flatMap((q) => keysOf(q)).find((k, i, all) => all.indexOf(k) !== i);
		const horde = [...kazakhstan, ...mongols].find((l) => repeatedKey(l) !== undefined);
		expect(horde).toBeDefined();
		const key = repeatedKey(horde!)!;
		const quiz = drawQuiz(horde!, horde!.length, 'x');
		expect(quiz.filter((x) => keysOf(x).includes(key)).length).toBe(1);
	});
});
