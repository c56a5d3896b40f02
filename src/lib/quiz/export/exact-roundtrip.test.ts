/**
 * Every exporter, fed arbitrary questions (GIFT and XML special characters, Unicode, text that
 * looks like a GIFT weight or format, numbers of every magnitude), read back by real parsers:
 * GIFT by our reader of the format (gift-reader) and by gift-pegjs, Moodle XML and QTI by
 * fast-xml-parser. The keys, accepted answers, numbers and tolerances must come back exactly.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseWithPeg, type GIFTQuestion } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { formatNumber, oneLine, stripInvalidXml } from './escape';
import { toGift } from './gift';
import { readGift, type GiftItem } from './gift-reader';
import { toMoodleXml } from './moodle-xml';
import { qtiItemXml } from './qti';
import type { BankExport } from './types';
import type { Question } from '../types';

// ---- what the exporters promise to keep -------------------------------------------------------

/** GIFT is one line a question: runs of white space become one space. */
const giftLine = (t: string) => oneLine(stripInvalidXml(t));
/** XML keeps everything but the characters XML cannot carry. */
const xmlText = stripInvalidXml;
const decodeHtml = (s: string) =>
	s.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_, e: string) =>
		e[0] === '#'
			? String.fromCodePoint(Number(e.slice(1)))
			: { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e]!
	);
const variants = (q: { answer: string; accept: string[] }, norm: (t: string) => string) =>
	[...new Set([q.answer, ...q.accept].map(norm))].filter(Boolean);
/** GIFT reads a typed answer holding "->" as a matching pair: such answers are left out. */
const giftVariants = (q: { answer: string; accept: string[] }) =>
	variants(q, giftLine).filter((v) => !v.includes('->'));
const giftWritable = (q: Question) => q.type !== 'fill_blank' || giftVariants(q).length > 0;

// ---- arbitrary questions ----------------------------------------------------------------------

const awkward = fc.constantFrom(
	...'~=#{}:\\%[]<>&"\'/-.;'.split(''),
	'->',
	'//',
	'%50%',
	'%100%',
	'%-25%',
	'%5.5%',
	'[html]',
	'[plain]',
	'[moodle]',
	'####',
	'\\n',
	'T',
	'FALSE',
	'1e+3',
	' ',
	'  ',
	'\t',
	'\n',
	'\r\n',
	'\u00a0',
	'Қарағанды',
	'😀',
	'e\u0301',
	'\u2028',
	'&lt;',
	'&#37;',
	'Abai',
	'9'
);
/** Text from awkward pieces, any Unicode, and now and then what XML cannot carry. */
const anyText = fc
	.array(
		fc.oneof(
			{ weight: 6, arbitrary: awkward },
			{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
			{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) }
		),
		{ minLength: 1, maxLength: 10 }
	)
	.map((parts) => parts.join(''))
	// Something is left in every format; "&&0" is how Moodle marks escapes inside (not text).
	.filter((t) => /\S/.test(giftLine(t)) && /\S/.test(xmlText(t)) && !t.includes('&&0'));

/** Texts that stay distinct however a format writes them. */
const distinctTexts = (min: number, max: number) =>
	fc
		.uniqueArray(anyText, { minLength: min, maxLength: max, selector: giftLine })
		.filter((ts) => new Set(ts.map(xmlText)).size === ts.length);

const edgeNumbers = [
	-1e300,
	1e300,
	1e-300,
	-1e-300,
	5e-324,
	-5e-324,
	Number.MAX_VALUE,
	1e21,
	-123456789012345680000,
	2 ** 53 + 2,
	0,
	-0.5,
	4.2,
	0.1 + 0.2,
	1e-7
];
const anyNumber = fc.oneof(
	fc.constantFrom(...edgeNumbers),
	fc.integer(),
	fc.double({ noNaN: true, noDefaultInfinity: true })
);
const anyTolerance = fc.oneof(
	fc.constantFrom(0, 1e-300, 5e-324, 0.15, 1e300, -2),
	fc.double({ noNaN: true, noDefaultInfinity: true })
);

const base = (id: string, prompt: string, explanation: string) => ({
	id,
	prompt,
	explanation,
	difficulty: 0.5,
	source: { paragraph: 0, sentence: prompt, sentenceIndex: 1 }
});
const head = fc.tuple(anyText, anyText, fc.option(anyText, { nil: '' }));

const anyQuestion: fc.Arbitrary<Question> = fc.oneof(
	fc.tuple(head, distinctTexts(2, 5), fc.nat()).map(([[id, prompt, expl], options, k]) => ({
		...base(id, prompt, expl),
		type: 'multiple_choice' as const,
		options,
		answer: options[k % options.length]
	})),
	fc.tuple(head, fc.boolean()).map(([[id, prompt, expl], answer]) => ({
		...base(id, prompt, expl),
		type: 'true_false' as const,
		options: ['True', 'False'] as ['True', 'False'],
		answer
	})),
	fc.tuple(head, distinctTexts(1, 4)).map(([[id, prompt, expl], [answer, ...accept]]) => ({
		...base(id, prompt, expl),
		type: 'fill_blank' as const,
		options: [] as [],
		answer,
		accept
	})),
	fc
		.tuple(head, anyNumber, anyTolerance, fc.option(anyText, { nil: '' }))
		.map(([[id, prompt, expl], answer, tolerance, unit]) => ({
			...base(id, prompt, expl),
			type: 'numeric' as const,
			options: [] as [],
			answer,
			tolerance,
			unit
		})),
	fc
		.tuple(head, distinctTexts(2, 4), distinctTexts(2, 4))
		.map(([[id, prompt, expl], lefts, rights]) => {
			const pairs = lefts.map((l, i) => [l, rights[i % rights.length]] as [string, string]);
			return {
				...base(id, prompt, expl),
				type: 'matching' as const,
				options: [...rights].reverse(),
				pairs
			};
		})
);
const anyBank: fc.Arbitrary<BankExport> = fc.record({
	title: anyText,
	questions: fc.array(anyQuestion, { minLength: 1, maxLength: 4 })
});

// ---- GIFT -------------------------------------------------------------------------------------

/** What a GIFT reader must find for a question. */
function expectGift(read: GiftItem, q: Question) {
	if (read.type === 'category') throw new Error('a category where a question was expected');
	expect(read.name).toBe(giftLine(q.id));
	expect(read.question).toEqual({ format: 'html', text: expect.any(String) });
	expect(decodeHtml(read.question.text)).toBe(giftLine(q.prompt));
	expect(decodeHtml(read.generalFeedback.text)).toBe(giftLine(q.explanation));
	switch (q.type) {
		case 'multiple_choice':
			if (read.type !== 'multichoice') throw new Error(`read as ${read.type}`);
			expect(read.choices.map((c) => decodeHtml(c.text.text))).toEqual(q.options.map(giftLine));
			expect(read.choices.map((c) => c.fraction)).toEqual(
				q.options.map((o) => (o === q.answer ? 1 : 0))
			);
			break;
		case 'true_false':
			if (read.type !== 'truefalse') throw new Error(`read as ${read.type}`);
			expect(read.isTrue).toBe(q.answer);
			break;
		case 'fill_blank':
			if (read.type !== 'shortanswer') throw new Error(`read as ${read.type}`);
			expect(read.answers).toEqual(giftVariants(q).map((text) => ({ fraction: 1, text })));
			break;
		case 'numeric':
			if (read.type !== 'numerical') throw new Error(`read as ${read.type}`);
			expect(read.answers).toHaveLength(1);
			expect(Number(read.answers[0].answer)).toBe(q.answer === 0 ? 0 : q.answer);
			expect(Number(read.answers[0].tolerance)).toBe(Math.abs(q.tolerance));
			expect(read.answers[0].fraction).toBe(1);
			break;
		case 'matching':
			if (read.type !== 'match') throw new Error(`read as ${read.type}`);
			expect(read.pairs.map((p) => [decodeHtml(p.left.text), p.right])).toEqual(
				q.pairs.map(([l, r]) => [giftLine(l), giftLine(r)])
			);
	}
}

/** gift-pegjs leaves its escape placeholders (&&061; etc.) in matching right-hand sides. */
const unplaceholder = (s: string) =>
	s.replace(/&&(\d{3});?/g, (_, code) => String.fromCharCode(Number(code)));

/** The same through gift-pegjs, for the types and numbers its grammar covers. */
function expectPeg(read: GIFTQuestion, q: Question) {
	if (read.type === 'Category' || read.type === 'Description') throw new Error(read.type);
	expect(read.title).toBe(giftLine(q.id));
	expect(decodeHtml(read.stem.text)).toBe(giftLine(q.prompt));
	switch (q.type) {
		case 'multiple_choice':
			if (read.type !== 'MC') throw new Error(`read as ${read.type}`);
			expect(read.choices.map((c) => decodeHtml(c.text.text))).toEqual(q.options.map(giftLine));
			expect(read.choices.map((c) => c.isCorrect && c.weight === null)).toEqual(
				q.options.map((o) => o === q.answer)
			);
			break;
		case 'fill_blank':
			if (read.type !== 'Short') throw new Error(`read as ${read.type}`);
			expect(read.choices.map((c) => [c.weight, c.text.text])).toEqual(
				giftVariants(q).map((t) => [100, t])
			);
			break;
		case 'numeric':
			if (read.type !== 'Numerical' || Array.isArray(read.choices)) throw new Error(read.type);
			expect(read.choices).toMatchObject({
				type: 'range',
				number: q.answer === 0 ? 0 : q.answer,
				range: Math.abs(q.tolerance)
			});
			break;
		case 'matching':
			if (read.type !== 'Matching') throw new Error(`read as ${read.type}`);
			expect(
				read.matchPairs.map((p) => [decodeHtml(p.subquestion.text), unplaceholder(p.subanswer)])
			).toEqual(q.pairs.map(([l, r]) => [giftLine(l), giftLine(r)]));
	}
}

describe('GIFT export read back', () => {
	it('keeps the keys, accepted answers, numbers and tolerances of arbitrary questions', () => {
		fc.assert(
			fc.property(anyBank, (bank) => {
				const [category, ...questions] = readGift(toGift(bank));
				expect(category).toEqual({ type: 'category', path: expect.any(String) });
				const written = bank.questions.filter(giftWritable);
				expect(questions).toHaveLength(written.length);
				questions.forEach((read, i) => expectGift(read, written[i]));
			}),
			{ numRuns: 400 }
		);
	});

	it('reads the same through gift-pegjs, whose numbers have no exponent', () => {
		const plainNumbers = anyBank.filter((b) =>
			b.questions.every(
				(q) =>
					q.type !== 'numeric' ||
					!/e/.test(formatNumber(q.answer) + formatNumber(Math.abs(q.tolerance)))
			)
		);
		fc.assert(
			fc.property(plainNumbers, (bank) => {
				const parsed = (parseWithPeg(toGift(bank)) as GIFTQuestion[]).filter(
					(q) => q.type !== 'Category'
				);
				const written = bank.questions.filter(giftWritable);
				expect(parsed).toHaveLength(written.length);
				parsed.forEach((read, i) => expectPeg(read, written[i]));
			}),
			{ numRuns: 300 }
		);
	});

	it('writes -1e300 and 1e-300 exactly and reads an answer %50% as text', () => {
		const q = (over: Partial<Question>) => ({ ...base('q', 'How many?', ''), ...over }) as Question;
		const numeric = q({
			type: 'numeric',
			options: [],
			answer: -1e300,
			tolerance: 1e-300,
			unit: ''
		});
		const typed = q({ type: 'fill_blank', options: [], answer: '%50%', accept: ['%50% off'] });
		const text = toGift({ title: 't', questions: [numeric, typed] });
		expect(text).toContain('{#-1e+300:1e-300}');
		const [, num, short] = readGift(text);
		expectGift(num, numeric);
		expectGift(short, typed);
		const peg = (parseWithPeg(toGift({ title: 't', questions: [typed] })) as GIFTQuestion[])[1];
		expectPeg(peg, typed);
	});

	it('leaves out typed answers holding "->", which GIFT would read as a matching pair', () => {
		const q = (answer: string, accept: string[]) =>
			({ ...base('q', 'Which?', ''), type: 'fill_blank', options: [], answer, accept }) as Question;
		const some = q('a->b', ['ab']);
		const none = q('a->b', ['->']);
		const text = toGift({ title: 't', questions: [some, none] });
		expect(text).toContain('// 1 questions exported');
		expect(text).toContain('// q left out');
		const read = readGift(text);
		expect(read).toHaveLength(2);
		expectGift(read[1], some);
		expect(read[1]).toMatchObject({ answers: [{ fraction: 1, text: 'ab' }] });
	});
});

// ---- Moodle XML and QTI -------------------------------------------------------------------------

const list = <T>(v: T | T[] | undefined): T[] =>
	v === undefined ? [] : Array.isArray(v) ? v : [v];
type Node = Record<string, unknown>;
const xml = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	// Character references (&#13;) are decoded too.
	htmlEntities: true
});
/** An element's text, whether or not it has attributes. */
const textOf = (n: unknown): string =>
	typeof n === 'string' ? n : n && typeof n === 'object' ? String((n as Node)['#text'] ?? '') : '';

function expectMoodle(read: Node, q: Question) {
	expect(decodeHtml(textOf((read.questiontext as Node).text))).toBe(xmlText(q.prompt));
	expect(read.idnumber).toBe(xmlText(q.id));
	const answers = list(read.answer as Node[]);
	const fraction = (a: Node) => Number(a['@fraction']) / 100;
	switch (q.type) {
		case 'multiple_choice':
			expect(read['@type']).toBe('multichoice');
			expect(answers.map((a) => [decodeHtml(textOf(a.text)), fraction(a)])).toEqual(
				q.options.map((o) => [xmlText(o), o === q.answer ? 1 : 0])
			);
			break;
		case 'true_false':
			expect(answers.map((a) => [textOf(a.text), fraction(a)])).toEqual([
				['true', q.answer ? 1 : 0],
				['false', q.answer ? 0 : 1]
			]);
			break;
		case 'fill_blank':
			expect(read['@type']).toBe('shortanswer');
			expect(answers.map((a) => [textOf(a.text), fraction(a)])).toEqual(
				variants(q, (t) => oneLine(xmlText(t))).map((t) => [t, 1])
			);
			break;
		case 'numeric':
			expect(read['@type']).toBe('numerical');
			expect(answers).toHaveLength(1);
			expect(Number(textOf(answers[0].text))).toBe(q.answer === 0 ? 0 : q.answer);
			expect(Number(textOf(answers[0].tolerance))).toBe(Math.abs(q.tolerance));
			break;
		case 'matching': {
			const subs = list(read.subquestion as Node[]);
			expect(
				subs.map((s) => [decodeHtml(textOf(s.text)), textOf((s.answer as Node).text)])
			).toEqual(q.pairs.map(([l, r]) => [xmlText(l), xmlText(r)]));
		}
	}
}

function expectQti(item: Node, q: Question) {
	const decl = item.responseDeclaration as Node;
	const correct = list((decl.correctResponse as Node).value as unknown[]).map(textOf);
	const body = item.itemBody as Node;
	switch (q.type) {
		case 'multiple_choice': {
			const interaction = body.choiceInteraction as Node;
			expect(textOf(interaction.prompt)).toBe(xmlText(q.prompt));
			const choices = list(interaction.simpleChoice as Node[]);
			expect(choices.map(textOf)).toEqual(q.options.map(xmlText));
			const key = choices.filter((c) => correct.includes(String(c['@identifier'])));
			expect(key.map(textOf)).toEqual([xmlText(q.answer)]);
			break;
		}
		case 'true_false':
			expect(correct).toEqual([q.answer ? 'T' : 'F']);
			break;
		case 'fill_blank': {
			const keys = list((decl.mapping as Node).mapEntry as Node[]).map((e) => e['@mapKey']);
			expect(correct).toEqual([xmlText(oneLine(q.answer))]);
			for (const v of variants(q, (t) => xmlText(oneLine(t)))) expect(keys).toContain(v);
			break;
		}
		case 'numeric': {
			expect(Number(correct[0])).toBe(q.answer === 0 ? 0 : q.answer);
			const equal = ((item.responseProcessing as Node).responseCondition as Node)
				.responseElseIf as Node;
			const [lower, upper] = String((equal.equal as Node)['@tolerance']).split(' ');
			expect([Number(lower), Number(upper)]).toEqual([
				Math.abs(q.tolerance),
				Math.abs(q.tolerance)
			]);
			break;
		}
		case 'matching': {
			const [lefts, rights] = list((body.matchInteraction as Node).simpleMatchSet as Node[]).map(
				(s) => list(s.simpleAssociableChoice as Node[])
			);
			const named = (set: Node[], id: string) => textOf(set.find((c) => c['@identifier'] === id));
			expect(
				correct.map((p) => {
					const [l, r] = p.split(' ');
					return [named(lefts, l), named(rights, r)];
				})
			).toEqual(q.pairs.map(([l, r]) => [xmlText(l), xmlText(r)]));
		}
	}
}

describe('Moodle XML and QTI exports read back', () => {
	it('keep the keys, accepted answers, numbers and tolerances of arbitrary questions', () => {
		fc.assert(
			fc.property(anyBank, (bank) => {
				const moodle = toMoodleXml(bank);
				expect(XMLValidator.validate(moodle)).toBe(true);
				const read = list(xml.parse(moodle).quiz.question as Node[]);
				expect(read).toHaveLength(bank.questions.length + 1);
				bank.questions.forEach((q, i) => {
					expectMoodle(read[i + 1], q);
					const item = qtiItemXml(q);
					expect(XMLValidator.validate(item)).toBe(true);
					expectQti(xml.parse(item).assessmentItem as Node, q);
				});
			}),
			{ numRuns: 400 }
		);
	});

	it('write -1e300 and 1e-300 exactly', () => {
		const q: Question = {
			...base('n', 'How many?', ''),
			type: 'numeric',
			options: [],
			answer: -1e300,
			tolerance: 1e-300,
			unit: ''
		};
		const moodle = toMoodleXml({ title: 't', questions: [q] });
		expect(moodle).toContain('<text>-1e+300</text>');
		expect(moodle).toContain('<tolerance>1e-300</tolerance>');
		expectMoodle(list(xml.parse(moodle).quiz.question as Node[])[1], q);
		const item = qtiItemXml(q);
		expect(item).toContain('tolerance="1e-300 1e-300"');
		expectQti(xml.parse(item).assessmentItem as Node, q);
		expect([5e-324, 1e21, -0.5, 4.2].map(formatNumber)).toEqual(['5e-324', '1e+21', '-0.5', '4.2']);
	});
});
