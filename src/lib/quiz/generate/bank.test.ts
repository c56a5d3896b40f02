import { beforeAll, describe, expect, it } from 'vitest';
import { buildLessons } from '../../content/index';
import type { SourceDocument } from '../../content/types';
import { loadLexicon } from '../../server/lexicon';
import { otherTexts, speechDoc } from '../../../../tests/fixtures/texts/load';
import { generateBank, generateBankWithReport } from './bank';
import { checkBank } from './gates';
import { buildRegistry } from './analyse';
import { QUOTE_PROMPT } from './candidates/quotes';
import { isVariant } from './names';
import { findNumbers } from './numbers';
import { measureBank } from './quality';
import type { Question } from '../types';

const lexicon = loadLexicon();
let doc: SourceDocument;
let bank: Record<string, Question[]>;
let all: Question[];

beforeAll(() => {
	doc = speechDoc();
	bank = generateBank(doc, lexicon);
	all = Object.values(bank).flat();
}, 60_000);

/** The quality targets every bank must hold. */
function expectQuality(questions: Question[]) {
	const q = measureBank(questions, lexicon);
	expect(q.commonKeys.count, q.commonKeys.examples.join(' | ')).toBeLessThanOrEqual(
		Math.floor(q.commonKeys.of * 0.15)
	);
	expect(q.dangling.examples).toEqual([]);
	expect(q.malformedNumbers.examples).toEqual([]);
	expect(q.keysInPrompt.examples).toEqual([]);
	expect(q.citationMarkers.examples).toEqual([]);
	expect(q.trueWithoutFact.examples).toEqual([]);
}

describe('speech bank', () => {
	it('passes every hard gate and the quality targets', () => {
		expect(checkBank(bank).violations).toEqual([]);
		expectQuality(all);
	});

	it('covers the lessons that state facts, with at most 25 questions a lesson, and uses every type', () => {
		const covered = doc.lessons.filter((lesson) => (bank[lesson.slug]?.length ?? 0) > 0);
		expect(covered.length).toBeGreaterThanOrEqual(7);
		for (const qs of Object.values(bank)) expect(qs.length).toBeLessThanOrEqual(25);
		const types = new Set(all.map((q) => q.type));
		expect(types.size).toBeGreaterThanOrEqual(4);
		for (const q of all.filter((q) => q.type === 'matching'))
			if (q.type === 'matching')
				expect(new Set(q.pairs.map((p) => p[1])).size).toBe(q.pairs.length);
	});

	it('records per lesson how many candidates each check refused', () => {
		const { report } = generateBankWithReport(doc, lexicon);
		for (const lesson of doc.lessons) {
			const r = report[lesson.slug];
			const refused = Object.values(r.refused).reduce((a, b) => a + (b ?? 0), 0);
			expect(r.candidates).toBeGreaterThanOrEqual(refused + r.chosen);
		}
		const refusals = Object.values(report).flatMap((r) => Object.keys(r.refused));
		expect(refusals).toContain('common word as key');
		expect(refusals).toContain('true/false without a checkable fact');
	});

	it('never asks for the speaker, nor offers him as a wrong option', () => {
		for (const q of all) {
			if (q.type === 'multiple_choice' || q.type === 'fill_blank')
				expect(q.answer).not.toMatch(/Tokayev|Tokaev|President/);
			if (q.type === 'multiple_choice')
				for (const o of q.options) expect(o).not.toMatch(/Tokayev|Tokaev/);
		}
	});

	it('is deterministic with stable ids', () => {
		const again = generateBank(speechDoc(), lexicon);
		expect(again).toEqual(bank);
		const ids = all.map((q) => q.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[0-9a-z]{8,14}$/);
	});

	it('spreads the key over A-D and balances true/false', () => {
		const { positions, trueCount, falseCount } = checkBank(bank);
		const mc = positions.reduce((a, b) => a + b, 0);
		for (const n of positions) {
			expect(n / mc).toBeGreaterThanOrEqual(0.15);
			expect(n / mc).toBeLessThanOrEqual(0.35);
		}
		expect(trueCount + falseCount).toBeGreaterThan(0);
		expect(Math.abs(trueCount - falseCount)).toBeLessThanOrEqual(1);
	});

	it('carries the source sentence exactly as the lesson shows it', () => {
		for (const lesson of doc.lessons) {
			for (const q of bank[lesson.slug]) {
				const s = lesson.sentences.find((x) => x.index === q.source.sentenceIndex);
				expect(s?.text).toBe(q.source.sentence);
				expect(s?.paragraph).toBe(q.source.paragraph);
			}
		}
	});

	it('asks about the shares of coal, copper and steel', () => {
		const shares = all.filter((q) => /coal/.test(q.prompt) && /steel/.test(q.prompt));
		expect(shares.length).toBeGreaterThan(0);
	});

	it('asks about the writers and the Alash leaders, never about award recipients', () => {
		expect(all.some((q) => /Seifullin|Mustafin|Amanzholov/.test(JSON.stringify(q)))).toBe(true);
		expect(all.some((q) => /Akbaev|Ermekov|Bokeykhan/.test(JSON.stringify(q)))).toBe(true);
		expect(all.filter((q) => /\bawarded\b/.test(q.prompt))).toEqual([]);
	});

	it('never offers a number that the hedge or the sentence makes true', () => {
		for (const q of all) {
			if (q.type !== 'multiple_choice') continue;
			const key = findNumbers(`${q.answer} of`)[0];
			if (!key) continue;
			const stated = findNumbers(q.source.sentence).map((n) => n.value);
			for (const o of q.options) {
				if (o === q.answer) continue;
				const n = findNumbers(`${o} of`)[0];
				expect(n, o).toBeDefined();
				if (!stated.includes(key.value)) continue;
				expect(stated.filter((v) => v !== key.value)).not.toContain(n.value);
				if (key.hedge === 'more than') expect(n.value).toBeLessThan(key.value);
			}
		}
	});

	it('never offers a spelling variant of the key', () => {
		for (const q of all) {
			if (q.type !== 'multiple_choice' || findNumbers(`${q.answer} of`).length) continue;
			for (const o of q.options)
				if (o !== q.answer) expect(isVariant(o, q.answer), `${o} ~ ${q.answer}`).toBe(false);
		}
	});

	it('writes prompts without quotes, speaker tags or first person', () => {
		const quotes = all.filter((q) => QUOTE_PROMPT.test(q.prompt));
		expect(quotes.length).toBeGreaterThan(0);
		for (const q of all) {
			const prompt = q.prompt.replace(/“[^”]*”/, '“…”');
			expect(prompt).not.toMatch(QUOTE_PROMPT.test(q.prompt) ? /["«»]/ : /["“”«»]/);
			expect(prompt).not.toMatch(/\b(?:I|we|our|my)\b/);
			expect(q.prompt).not.toMatch(/(?:the head of state|Tokayev) said\.?$/i);
		}
	});

	it('never asks to type more than four words (a slogan is recognised, not recalled)', () => {
		const typed = all.filter((q) => q.type === 'fill_blank');
		expect(typed.length).toBeGreaterThan(0);
		for (const q of typed) expect(q.answer.split(/\s+/).length).toBeLessThanOrEqual(4);
	});
});

describe('other texts', () => {
	it('never make a statement of a line of verse', () => {
		const d = buildLessons(otherTexts().find(([name]) => /aral-sea/.test(name))![1]);
		const before = buildRegistry(d).statements.length;
		// The same text with its first usable sentence marked as a line of a poem.
		const first = buildRegistry(d).statements[0].sentence;
		first.verse = true;
		const after = buildRegistry(d).statements;
		expect(after.length).toBeLessThan(before);
		expect(after.some((s) => s.sentence === first)).toBe(false);
	});

	it('give questions where they state facts: encyclopedia articles, a textbook, news and reports', () => {
		const factual = otherTexts().filter(([name]) =>
			/encyclopedia|textbook|sea-ice|flood|school-year/.test(name)
		);
		expect(factual.length).toBeGreaterThanOrEqual(6);
		for (const [name, text] of factual)
			expect(
				Object.values(generateBank(buildLessons(text), lexicon)).flat().length,
				name
			).toBeGreaterThanOrEqual(8);
	});

	for (const [name, text] of otherTexts()) {
		it(`${name}: passes every gate and the quality targets, and is deterministic`, () => {
			const d = buildLessons(text);
			const b = generateBank(d, lexicon);
			expect(checkBank(b).violations).toEqual([]);
			expectQuality(Object.values(b).flat());
			expect(generateBank(buildLessons(text), lexicon)).toEqual(b);
		});
	}
});
