import { describe, expect, it } from 'vitest';
import { formatAnswer, gradeResponse, parseFormResponse } from './grade';
import { compactText, normalizeText, parseNumber } from './normalize';
import type {
	FillBlankQuestion,
	MatchingQuestion,
	MultipleChoiceQuestion,
	NumericQuestion,
	TrueFalseQuestion
} from './types';

const source = { paragraph: 0, sentence: 'A sentence.', sentenceIndex: 1 };
const base = { prompt: 'Q?', explanation: '', difficulty: 0.5, source };

const mc: MultipleChoiceQuestion = {
	...base,
	id: 'mc1',
	type: 'multiple_choice',
	options: ['Temirtau', 'Karaganda', 'Balkhash', 'Zhezkazgan'],
	answer: 'Karaganda'
};
const tf: TrueFalseQuestion = {
	...base,
	id: 'tf1',
	type: 'true_false',
	options: ['True', 'False'],
	answer: false
};
const fill = (answer: string, accept: string[] = []): FillBlankQuestion => ({
	...base,
	id: 'fb-' + answer,
	type: 'fill_blank',
	options: [],
	answer,
	accept
});
const num = (answer: number, tolerance = 0, unit = ''): NumericQuestion => ({
	...base,
	id: 'n-' + answer,
	type: 'numeric',
	options: [],
	answer,
	tolerance,
	unit
});
const match: MatchingQuestion = {
	...base,
	id: 'm1',
	type: 'matching',
	options: ['writer', 'city', 'region', 'river'],
	pairs: [
		['Abai', 'writer'],
		['Temirtau', 'city'],
		['Ulytau', 'region']
	]
};

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('normalize', () => {
	it('folds case, punctuation, diacritics, whitespace and leading articles', () => {
		expect(normalizeText('  The   Ülytau  Region! ')).toBe('ulytau region');
		expect(normalizeText('an apple')).toBe('apple');
		expect(normalizeText('Qarağandy')).toBe('qaragandy');
		expect(compactText('Nur-Sultan')).toBe(compactText('nursultan'));
		expect(normalizeText("Bokeykhan's")).toBe('bokeykhans');
		expect(normalizeText('Қазақстан')).toBe('қазақстан');
		expect(normalizeText('In 1991, 4,200 and 1.5.')).toBe('in 1991 4200 and 1.5');
	});

	it.each([
		['85', 85],
		['85%', 85],
		['85 percent', 85],
		['4.2 million', 4_200_000],
		['4,200,000', 4_200_000],
		['28 000', 28_000],
		['28\u00a0000', 28_000],
		['1.1m', 1_100_000],
		['5k', 5000],
		['2 bn', 2e9],
		['$12', 12],
		['two', 2],
		['Twenty', 20],
		['two million', 2e6],
		['a third', 1 / 3],
		['two thirds', 2 / 3],
		['1/3', 1 / 3],
		['-5', -5],
		['3,5', 3.5],
		['1991 year', 1991],
		['about 300 people', 300]
	])('parses %j', (text, value) => {
		expect(parseNumber(text)?.value).toBeCloseTo(value, 9);
	});

	it.each(['', 'many', 'twelve or so thousand maybe', '12 to 15', 'abc 12'])(
		'rejects %j',
		(text) => {
			expect(parseNumber(text)).toBeNull();
		}
	);
});

describe('gradeResponse: choices', () => {
	it('grades multiple choice by exact option', () => {
		expect(gradeResponse(mc, 'Karaganda')).toEqual({
			correct: true,
			score: 1,
			expected: 'Karaganda',
			given: 'Karaganda'
		});
		expect(gradeResponse(mc, 'Temirtau').correct).toBe(false);
		expect(gradeResponse(mc, 'karaganda').correct).toBe(false);
		expect(gradeResponse(mc, undefined)).toMatchObject({ correct: false, score: 0, given: '' });
	});

	it('grades true/false from booleans and strings', () => {
		expect(gradeResponse(tf, false).correct).toBe(true);
		expect(gradeResponse(tf, 'false').correct).toBe(true);
		expect(gradeResponse(tf, 'False')).toMatchObject({
			correct: true,
			expected: 'False',
			given: 'False'
		});
		expect(gradeResponse(tf, true).correct).toBe(false);
		expect(gradeResponse(tf, 'maybe').correct).toBe(false);
	});
});

describe('gradeResponse: fill in the blank', () => {
	it('ignores case, punctuation, whitespace, diacritics and articles', () => {
		const q = fill('Ulytau');
		for (const typed of ['ulytau', ' ULYTAU. ', 'Ülytau', 'the Ulytau', '"Ulytau"']) {
			expect(gradeResponse(q, typed).correct, typed).toBe(true);
		}
		expect(gradeResponse(fill('Ülytau'), 'Ulytau').correct).toBe(true);
		expect(gradeResponse(fill('Nur-Sultan'), 'Nur Sultan').correct).toBe(true);
		expect(gradeResponse(fill('Қазақстан'), 'қазақстан').correct).toBe(true);
	});

	it('accepts listed variants', () => {
		const q = fill('Bokeikhan', ['Bukeikhanov', 'Bokeykhan']);
		expect(gradeResponse(q, 'Bukeikhanov').correct).toBe(true);
		expect(gradeResponse(q, 'bokeykhan').correct).toBe(true);
		expect(gradeResponse(q, 'Bokeikhan').expected).toBe('Bokeikhan');
	});

	it('forgives small typos in long names only', () => {
		expect(gradeResponse(fill('Ermekov'), 'Ermekv').correct).toBe(true);
		expect(gradeResponse(fill('Ermekov'), 'Ermkeov').correct).toBe(true);
		expect(gradeResponse(fill('Ermekov'), 'Ermkv').correct).toBe(false);
		expect(gradeResponse(fill('Zhezkazgan'), 'Zhezkazgn').correct).toBe(true);
		expect(gradeResponse(fill('Zhezkazgan'), 'Jezkazgan').correct).toBe(true);
		expect(gradeResponse(fill('Zhezkazgan'), 'Jezkazgn').correct).toBe(false);
		expect(gradeResponse(fill('coal'), 'coat').correct).toBe(false);
		expect(gradeResponse(fill('Abai'), 'Abal').correct).toBe(false);
		expect(gradeResponse(fill('steel'), 'steal').correct).toBe(true);
	});

	it('accepts a name in another romanisation, but never a wrong option spelt that way', () => {
		expect(gradeResponse(fill('Zhetysu'), 'Jetisu').correct).toBe(true);
		expect(gradeResponse(fill('Abai'), 'Abay').correct).toBe(true);
		expect(gradeResponse(fill('Tattimbet'), 'Tatimbet').correct).toBe(true);
		expect(gradeResponse(fill('Ariq Boke'), 'Arik Boke').correct).toBe(true);
		expect(gradeResponse(fill('Kazakh Khanate'), 'Kazak Kanate').correct).toBe(true);
		// Folding is not a second typo allowance: a different letter still counts.
		expect(gradeResponse(fill('Zhezkazgan'), 'Jezkazgn').correct).toBe(false);
		expect(gradeResponse(fill('Abai'), 'Abau').correct).toBe(false);
		expect(gradeResponse(fill('Abai'), 'Abay', { avoid: ['Abay'] }).correct).toBe(false);
		expect(gradeResponse(fill('Abai'), 'Abbay', { avoid: ['Abay'] }).correct).toBe(false);
	});

	it('accepts a one-word name typed with a title, and nothing else added', () => {
		expect(gradeResponse(fill('Berke'), 'Berke Khan').correct).toBe(true);
		expect(gradeResponse(fill('Buyantu'), 'Emperor Buyantu').correct).toBe(true);
		expect(gradeResponse(fill('Kublai'), 'khan kublai').correct).toBe(true);
		expect(gradeResponse(fill('Berke'), 'Berke River').correct).toBe(false);
		expect(gradeResponse(fill('Berke'), 'Khan').correct).toBe(false);
		// A title is no way round a wrong option.
		expect(gradeResponse(fill('Berke'), 'Hulagu Khan', { avoid: ['Hulagu'] }).correct).toBe(false);
	});

	it('never gives typo credit for a different number or a known other name', () => {
		expect(gradeResponse(fill('in 1991'), 'in 1992').correct).toBe(false);
		expect(gradeResponse(fill('1.5 million'), '15 million').correct).toBe(false);
		expect(gradeResponse(fill('1.5 million'), '1,5 million').correct).toBe(true);
		expect(gradeResponse(fill('4,200 tonnes'), '4200 tonnes').correct).toBe(true);
		const q = fill('Temirtau');
		expect(gradeResponse(q, 'Temirtay').correct).toBe(true);
		expect(gradeResponse(q, 'Temirtay', { avoid: ['Temirtay'] }).correct).toBe(false);
		expect(gradeResponse(q, 'Temirtat', { avoid: ['Temirtat'] }).correct).toBe(false);
	});

	it('rejects empty and non-string responses', () => {
		expect(gradeResponse(fill('Abai'), '').correct).toBe(false);
		expect(gradeResponse(fill('Abai'), '...').correct).toBe(false);
		expect(gradeResponse(fill('Abai'), 3).correct).toBe(false);
	});
});

describe('gradeResponse: numeric', () => {
	it('applies the tolerance', () => {
		const q = num(85, 1, '%');
		expect(gradeResponse(q, '85').correct).toBe(true);
		expect(gradeResponse(q, '85%').correct).toBe(true);
		expect(gradeResponse(q, '86').correct).toBe(true);
		expect(gradeResponse(q, '84.5').correct).toBe(true);
		expect(gradeResponse(q, '87').correct).toBe(false);
		expect(gradeResponse(q, 85).correct).toBe(true);
		expect(gradeResponse(q, 'eighty-five').correct).toBe(false);
		expect(gradeResponse(q, '85')).toMatchObject({ expected: '85 %', given: '85' });
	});

	it('reads large numbers in any common form', () => {
		const q = num(4_200_000, 0, 'people');
		for (const typed of ['4.2 million', '4,200,000', '4 200 000', '4200000', '4.2m']) {
			expect(gradeResponse(q, typed).correct, typed).toBe(true);
		}
		expect(gradeResponse(q, '4.3 million').correct).toBe(false);
		expect(gradeResponse(q, '4.2').correct).toBe(false);
	});

	it('accepts the bare number and the spelled multiplier when the unit carries it', () => {
		const q = num(1.1, 0.05, 'million tonnes');
		expect(gradeResponse(q, '1.1').correct).toBe(true);
		expect(gradeResponse(q, '1.1 million').correct).toBe(true);
		expect(gradeResponse(q, '1.3').correct).toBe(false);
		expect(gradeResponse(num(5, 0, 'metres'), '5 m').correct).toBe(true);
		expect(gradeResponse(num(5_000_000, 0, 'tenge'), '5m').correct).toBe(true);
		expect(gradeResponse(num(5, 0, 'tenge'), '5 million').correct).toBe(false);
	});

	it('reads number words and tolerates floating point', () => {
		expect(gradeResponse(num(3), 'three').correct).toBe(true);
		expect(gradeResponse(num(0.3), '0.1')).toMatchObject({ correct: false });
		expect(gradeResponse(num(0.3), String(0.1 + 0.2)).correct).toBe(true);
		expect(gradeResponse(num(1 / 3, 0.01), 'a third').correct).toBe(true);
		expect(gradeResponse(num(3), 'lots').correct).toBe(false);
	});
});

describe('gradeResponse: matching', () => {
	it('gives partial credit and is correct only when all pairs are right', () => {
		const all = { Abai: 'writer', Temirtau: 'city', Ulytau: 'region' };
		expect(gradeResponse(match, all)).toMatchObject({ correct: true, score: 1 });
		const two = gradeResponse(match, { Abai: 'writer', Temirtau: 'region', Ulytau: 'region' });
		expect(two.correct).toBe(false);
		expect(two.score).toBeCloseTo(2 / 3);
		expect(gradeResponse(match, { Abai: 'writer' }).score).toBeCloseTo(1 / 3);
		expect(gradeResponse(match, 'writer').score).toBe(0);
		expect(gradeResponse(match, { Abai: 'river' }).given).toBe(
			'Abai → river; Temirtau → —; Ulytau → —'
		);
	});

	it('formats the key as left → right pairs', () => {
		expect(formatAnswer(match)).toBe('Abai → writer; Temirtau → city; Ulytau → region');
		expect(formatAnswer(num(4_200_000, 0, 'people'))).toBe('4,200,000 people');
	});
});

describe('parseFormResponse', () => {
	it('reads the answer field, trimmed and capped', () => {
		expect(parseFormResponse(mc, form({ answer: ' Karaganda ' }))).toBe('Karaganda');
		expect(parseFormResponse(mc, form({}))).toBeUndefined();
		expect(parseFormResponse(mc, form({ answer: '   ' }))).toBeUndefined();
		expect((parseFormResponse(fill('x'), form({ answer: 'y'.repeat(900) })) as string).length).toBe(
			500
		);
		expect(parseFormResponse(num(3), form({ answer: '4.2 million' }))).toBe('4.2 million');
		expect(parseFormResponse(mc, form({ reply: 'Karaganda' }), 'reply')).toBe('Karaganda');
	});

	it('turns true/false fields into booleans', () => {
		expect(parseFormResponse(tf, form({ answer: 'True' }))).toBe(true);
		expect(parseFormResponse(tf, form({ answer: 'false' }))).toBe(false);
	});

	it('maps matching fields by left index', () => {
		const fd = new FormData();
		fd.set('answer-0', 'writer');
		fd.set('answer-2', 'city');
		expect(parseFormResponse(match, fd)).toEqual({ Abai: 'writer', Ulytau: 'city' });
		expect(parseFormResponse(match, new FormData())).toBeUndefined();
		const r = parseFormResponse(
			match,
			form({ 'answer-0': 'writer', 'answer-1': 'city', 'answer-2': 'region' })
		);
		expect(gradeResponse(match, r).correct).toBe(true);
	});
});

describe('a year as the key', () => {
	it('reads without a thousands separator; other figures keep theirs', () => {
		const base = {
			id: 'y',
			type: 'numeric' as const,
			options: [] as [],
			tolerance: 0,
			explanation: 'The text says so.',
			difficulty: 0.5,
			source: { paragraph: 0, sentence: 'It was founded in 1960.', sentenceIndex: 1 }
		};
		expect(
			formatAnswer({
				...base,
				prompt: 'Give the figure from the text (year): It was founded in _____.',
				answer: 1960,
				unit: ''
			})
		).toBe('1960');
		expect(
			formatAnswer({
				...base,
				prompt: 'Give the figure from the text (a number): About _____ people came.',
				answer: 1960,
				unit: ''
			})
		).toBe('1,960');
	});
});
