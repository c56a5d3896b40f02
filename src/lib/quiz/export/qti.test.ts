import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { qtiIdentifier, qtiItemXml, toQtiPackage } from './qti';
import { sampleBank } from './sample-bank';
import { readZip } from './zip-reader';

type Node = Record<string, unknown>;
const list = <T>(v: T | T[] | undefined): T[] =>
	v === undefined ? [] : Array.isArray(v) ? v : [v];
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	parseTagValue: false,
	parseAttributeValue: false
});
const parseItem = (xml: string) => parser.parse(xml).assessmentItem as Node;
const [mc, tf, fill, num, match] = sampleBank.questions;

describe('QTI items', () => {
	it.each(sampleBank.questions.map((q) => [q.id, q] as const))('%s is well-formed', (_, q) => {
		expect(XMLValidator.validate(qtiItemXml(q))).toBe(true);
	});

	it('makes valid identifiers', () => {
		expect(qtiIdentifier('fb:3')).toBe('fb_3');
		expect(qtiIdentifier('3abc')).toBe('Q3abc');
		expect(qtiIdentifier('a.b-c_d')).toBe('a.b-c_d');
	});

	it('uses a choiceInteraction with the correct identifier for multiple choice and true/false', () => {
		const item = parseItem(qtiItemXml(mc));
		const decl = item.responseDeclaration as Node;
		expect(decl['@baseType']).toBe('identifier');
		const correct = (decl.correctResponse as Node).value;
		const interaction = (item.itemBody as Node).choiceInteraction as Node;
		expect(interaction['@maxChoices']).toBe('1');
		const choices = list(interaction.simpleChoice as Node[]);
		expect(choices.map((c) => c['#text'])).toEqual((mc as { options: string[] }).options);
		expect(choices.find((c) => c['@identifier'] === correct)?.['#text']).toBe('Temirtau');
		expect(interaction.prompt).toBe(mc.prompt);
		expect((item.responseProcessing as Node)['@template']).toMatch(/match_correct$/);

		const t = parseItem(qtiItemXml(tf));
		expect(((t.responseDeclaration as Node).correctResponse as Node).value).toBe('F');
		const tfChoices = list(((t.itemBody as Node).choiceInteraction as Node).simpleChoice as Node[]);
		expect(tfChoices.map((c) => [c['@identifier'], c['#text']])).toEqual([
			['T', 'True'],
			['F', 'False']
		]);
	});

	it('maps fill-blank variants case-insensitively in a string textEntryInteraction', () => {
		const item = parseItem(qtiItemXml(fill));
		const decl = item.responseDeclaration as Node;
		expect(decl['@baseType']).toBe('string');
		expect((decl.correctResponse as Node).value).toBe('Ermekov');
		const entries = list((decl.mapping as Node).mapEntry as Node[]);
		expect(entries.map((e) => e['@mapKey'])).toEqual([
			'Ermekov',
			'Yermekov',
			'Ермеков',
			'Ermekov = A.'
		]);
		expect(entries.every((e) => e['@caseSensitive'] === 'false' && e['@mappedValue'] === '1')).toBe(
			true
		);
		const body = item.itemBody as Node;
		expect(JSON.stringify(body)).toContain('textEntryInteraction');
		expect((item.responseProcessing as Node)['@template']).toMatch(/map_response$/);
	});

	it('checks numeric answers with an absolute tolerance', () => {
		const xml = qtiItemXml(num);
		const item = parseItem(xml);
		const decl = item.responseDeclaration as Node;
		expect(decl['@baseType']).toBe('float');
		expect((decl.correctResponse as Node).value).toBe('4.2');
		expect(xml).toContain('<equal toleranceMode="absolute" tolerance="0.15 0.15"');
		expect(xml).not.toContain('<mapping');
	});

	it('builds a matchInteraction with two sets and directed pairs', () => {
		const item = parseItem(qtiItemXml(match));
		const decl = item.responseDeclaration as Node;
		expect(decl['@baseType']).toBe('directedPair');
		expect(decl['@cardinality']).toBe('multiple');
		const pairs = list((decl.correctResponse as Node).value as string[]);
		const interaction = (item.itemBody as Node).matchInteraction as Node;
		const [lefts, rights] = list(interaction.simpleMatchSet as Node[]).map((s) =>
			list(s.simpleAssociableChoice as Node[])
		);
		const text = (set: Node[], id: string) => set.find((c) => c['@identifier'] === id)?.['#text'];
		const decoded = pairs.map((p) => {
			const [l, r] = p.split(' ');
			return [text(lefts, l), text(rights, r)];
		});
		expect(decoded).toEqual((match as { pairs: [string, string][] }).pairs);
		expect(rights).toHaveLength(4);
		expect(list((decl.mapping as Node).mapEntry as Node[])).toHaveLength(3);
	});
});

describe('QTI package', () => {
	const zip = toQtiPackage(sampleBank);
	const entries = readZip(zip);
	const text = (name: string) =>
		new TextDecoder().decode(entries.find((e) => e.name === name)!.data);

	it('contains the manifest, the test and one item per question', () => {
		expect(entries.map((e) => e.name)).toEqual([
			'imsmanifest.xml',
			'assessmentTest.xml',
			'items/mc-1.xml',
			'items/tf-2.xml',
			'items/fb_3.xml',
			'items/num-4.xml',
			'items/match-5.xml',
			'items/num-6.xml'
		]);
		for (const e of entries)
			expect(XMLValidator.validate(new TextDecoder().decode(e.data)), e.name).toBe(true);
	});

	it('references every item from the manifest and the test', () => {
		const manifest = parser.parse(text('imsmanifest.xml')).manifest as Node;
		const resources = list((manifest.resources as Node).resource as Node[]);
		expect(resources[0]['@type']).toBe('imsqti_test_xmlv2p1');
		const items = resources.slice(1);
		expect(items.map((r) => r['@href'])).toEqual(entries.slice(2).map((e) => e.name));
		expect(items.every((r) => r['@type'] === 'imsqti_item_xmlv2p1')).toBe(true);
		expect(list(resources[0].dependency as Node[])).toHaveLength(6);

		const test = parser.parse(text('assessmentTest.xml')).assessmentTest as Node;
		const section = (test.testPart as Node).assessmentSection as Node;
		const refs = list(section.assessmentItemRef as Node[]);
		expect(refs.map((r) => r['@href'])).toEqual(entries.slice(2).map((e) => e.name));
		expect(test['@title']).toBe(sampleBank.title);
	});

	it('gives duplicate ids distinct identifiers', () => {
		const dup = toQtiPackage({ title: 't', questions: [mc, mc] });
		expect(readZip(dup).map((e) => e.name)).toContain('items/mc-1_2.xml');
	});
});
