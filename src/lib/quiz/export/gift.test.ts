import { parse, type GIFTQuestion, type TextFormat } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { escapeGift, toGift } from './gift';
import { sampleBank } from './sample-bank';

/** gift-pegjs leaves its escape placeholders (&&061; etc.) in matching sub-answers. */
const unplaceholder = (s: string) =>
	s.replace(/&&0(\d\d);/g, (_, code) => String.fromCharCode(Number(code)));
const decodeHtml = (s: string) =>
	s
		.replace(/&#37;/g, '%')
		.replace(/&#91;/g, '[')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
const html = (t: TextFormat) => {
	expect(t.format).toBe('html');
	return decodeHtml(t.text);
};

describe('GIFT export', () => {
	const text = toGift(sampleBank);
	const parsed = parse(text) as GIFTQuestion[];
	const questions = parsed.filter((q) => q.type !== 'Description' && q.type !== 'Category');

	it('puts the questions in a category named after the title', () => {
		expect(parsed[0]).toMatchObject({
			type: 'Category',
			title: '$course$/top/Karaganda: "steel" & {coal} // Қарағанды'
		});
	});

	it('escapes every special character', () => {
		expect(escapeGift('a~b=c#d{e}f:g\\h')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h');
		expect(escapeGift('two\nlines')).toBe('two lines');
	});

	it('parses back to the same number of questions, types, titles and prompts', () => {
		expect(questions.map((q) => q.type)).toEqual([
			'MC',
			'TF',
			'Short',
			'Numerical',
			'Matching',
			'Numerical'
		]);
		questions.forEach((q, i) => {
			const original = sampleBank.questions[i];
			expect(q.title).toBe(original.id);
			expect(html(q.stem)).toBe(original.prompt);
		});
	});

	it('keeps the keys', () => {
		const [mc, tf, short, num, match, neg] = questions;
		const key = sampleBank.questions;
		if (mc.type !== 'MC' || key[0].type !== 'multiple_choice') throw new Error('MC');
		expect(mc.choices.map((c) => html(c.text))).toEqual(key[0].options);
		expect(mc.choices.filter((c) => c.isCorrect).map((c) => html(c.text))).toEqual(['Temirtau']);
		expect(mc.globalFeedback && html(mc.globalFeedback)).toBe(key[0].explanation);

		if (tf.type !== 'TF') throw new Error('TF');
		expect(tf.isTrue).toBe(false);

		if (short.type !== 'Short' || key[2].type !== 'fill_blank') throw new Error('Short');
		expect(short.choices.map((c) => c.text.text)).toEqual([key[2].answer, ...key[2].accept]);
		expect(short.choices.every((c) => c.isCorrect)).toBe(true);
		expect(short.globalFeedback).toBeNull();

		if (num.type !== 'Numerical' || Array.isArray(num.choices)) throw new Error('Numerical');
		expect(num.choices).toMatchObject({ number: 4.2, range: 0.15 });
		if (neg.type !== 'Numerical' || Array.isArray(neg.choices)) throw new Error('Numerical');
		expect(neg.choices).toMatchObject({ number: -0.5, range: 0 });

		if (match.type !== 'Matching' || key[4].type !== 'matching') throw new Error('Matching');
		expect(match.matchPairs.map((p) => [html(p.subquestion), unplaceholder(p.subanswer)])).toEqual(
			key[4].pairs
		);
	});

	it('writes the source as a comment and stays deterministic', () => {
		expect(text).toContain(
			'// source (sentence 3): Temirtau, the city of steel, is home to Qarmet.'
		);
		expect(toGift(sampleBank)).toBe(text);
		expect(text).toContain('Қазақстан');
	});
});
