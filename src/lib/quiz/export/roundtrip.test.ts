import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { escapeXml, stripInvalidXml } from './escape';
import { toGift } from './gift';
import { toMoodleXml } from './moodle-xml';
import { qtiItemXml } from './qti';
import type { MultipleChoiceQuestion } from '../types';

const nasty = fc.constantFrom(
	...'ab Қз~=#{}:\\"\'<>&/-[]%$;'.split(''),
	'Ермеков',
	'<b>',
	'->',
	'//'
);
/** Non-empty single-line text built from awkward pieces. */
const text = fc
	.array(nasty, { minLength: 1, maxLength: 12 })
	.map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
	.filter((s) => /[A-Za-zҚзЕ]/.test(s) && !s.includes('->'));

const mcFrom = (prompt: string, options: string[]): MultipleChoiceQuestion => ({
	id: 'q-1',
	type: 'multiple_choice',
	prompt,
	options,
	answer: options[1],
	explanation: prompt,
	difficulty: 0.5,
	source: { paragraph: 0, sentence: prompt, sentenceIndex: 1 }
});
const decodeHtml = (s: string) =>
	s
		.replace(/&#37;/g, '%')
		.replace(/&#91;/g, '[')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

describe('exporters on arbitrary text', () => {
	it('keep GIFT prompts and options intact', () => {
		fc.assert(
			fc.property(text, fc.uniqueArray(text, { minLength: 2, maxLength: 4 }), (prompt, options) => {
				const [, q] = parse(toGift({ title: prompt, questions: [mcFrom(prompt, options)] }));
				if (q.type !== 'MC') throw new Error(`parsed as ${q.type}`);
				expect(decodeHtml(q.stem.text)).toBe(prompt);
				expect(q.choices.map((c) => decodeHtml(c.text.text))).toEqual(options);
				expect(q.choices.findIndex((c) => c.isCorrect)).toBe(1);
			}),
			{ numRuns: 300 }
		);
	});

	it('keep Moodle XML and QTI well-formed', () => {
		const parser = new XMLParser({ parseTagValue: false, trimValues: false });
		fc.assert(
			fc.property(text, fc.uniqueArray(text, { minLength: 2, maxLength: 4 }), (prompt, options) => {
				const q = mcFrom(prompt, options);
				const xml = toMoodleXml({ title: prompt, questions: [q] });
				expect(XMLValidator.validate(xml)).toBe(true);
				const doc = parser.parse(xml);
				expect(decodeHtml(doc.quiz.question[1].questiontext.text)).toBe(prompt);
				expect(XMLValidator.validate(qtiItemXml(q))).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});

	it('drop characters XML cannot carry', () => {
		expect(stripInvalidXml('a\u0000b\u0008c\td\ne\uFFFEf\uD800g😀')).toBe('abc\td\nefg😀');
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (s) => {
				expect(XMLValidator.validate(`<a b="${escapeXml(s)}">${escapeXml(s)}</a>`)).toBe(true);
			})
		);
	});
});
