import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toMoodleXml } from './moodle-xml';
import { sampleBank } from './sample-bank';

type Node = Record<string, unknown> & { text?: unknown };
const list = <T>(v: T | T[] | undefined): T[] =>
	v === undefined ? [] : Array.isArray(v) ? v : [v];
const decodeHtml = (s: string) =>
	s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('Moodle XML export', () => {
	const xml = toMoodleXml(sampleBank);
	const doc = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@',
		parseTagValue: false,
		trimValues: false,
		processEntities: true,
		htmlEntities: false
	}).parse(xml);
	const all = list(doc.quiz.question) as Node[];
	const questions = all.filter((q) => q['@type'] !== 'category');

	it('is well-formed XML', () => {
		expect(XMLValidator.validate(xml)).toBe(true);
	});

	it('starts with a category named after the title', () => {
		const cat = all[0] as { category: { text: string } };
		expect(all[0]['@type']).toBe('category');
		expect(cat.category.text).toBe('$course$/top/Karaganda: "steel" & {coal} // Қарағанды');
	});

	it('maps every question to the right Moodle type, with names and html text', () => {
		expect(questions.map((q) => q['@type'])).toEqual([
			'multichoice',
			'truefalse',
			'shortanswer',
			'numerical',
			'matching',
			'numerical'
		]);
		questions.forEach((q, i) => {
			const original = sampleBank.questions[i];
			const text = q.questiontext as Node;
			expect(text['@format']).toBe('html');
			expect(decodeHtml(String(text.text))).toBe(original.prompt);
			expect(String((q.name as Node).text)).toMatch(
				new RegExp(`^${original.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `)
			);
			expect(q.idnumber).toBe(original.id);
		});
	});

	it('writes answer fractions and type settings', () => {
		const [mc, tf, short, num, match] = questions;
		const answers = (q: Node) => list(q.answer as Node | Node[]);
		expect(answers(mc).map((a) => [decodeHtml(String(a.text)), a['@fraction']])).toEqual([
			['Karaganda', '0'],
			['Temirtau', '100'],
			['Balkhash = lake', '0'],
			['Zhez{kaz}gan ~ #2', '0']
		]);
		expect(mc.single).toBe('true');
		expect(mc.shuffleanswers).toBe('1');
		expect(answers(tf).map((a) => [a.text, a['@fraction']])).toEqual([
			['true', '0'],
			['false', '100']
		]);
		expect(answers(short).map((a) => [a.text, a['@fraction']])).toEqual([
			['Ermekov', '100'],
			['Yermekov', '100'],
			['Ермеков', '100'],
			['Ermekov = A.', '100']
		]);
		expect(short.usecase).toBe('0');
		expect(answers(num).map((a) => [a.text, a.tolerance, a['@fraction']])).toEqual([
			['4.2', '0.15', '100']
		]);
		expect(((num.units as Node).unit as Node).unit_name).toBe('million tonnes');
		const subs = list(match.subquestion as Node | Node[]);
		expect(subs.map((s) => [decodeHtml(String(s.text)), (s.answer as Node).text])).toEqual([
			['Ulytau', 'region'],
			['Abai <Qunanbaiuly>', 'writer & poet'],
			['Temirtau: "steel"', 'city = town']
		]);
	});

	it('puts the explanation and the source in the general feedback', () => {
		const fb = String((questions[0].generalfeedback as Node).text);
		expect(fb).toContain('Temirtau: "the city of steel" #1.');
		expect(fb).toContain('Source: Temirtau, the city of steel, is home to Qarmet.');
	});
});
