import { beforeAll, describe, expect, it } from 'vitest';
import { buildLessons } from '../../content/index';
import type { SourceDocument } from '../../content/types';
import { loadLexicon } from '../../server/lexicon';
import { otherTexts, speechDoc } from '../../../../tests/fixtures/texts/load';
import { generateBank, generateBankWithReport, unfilteredCandidates } from './bank';
import { checkBank, checkQuestion, type Gate } from './gates';
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

	it('the hard gates refuse unfiltered candidates, and none they refuse reaches the bank', () => {
		// On what the generators make, before the ranker's checks: a gate switched off finds
		// nothing here, or lets what it should refuse into the bank.
		const texts: [string, SourceDocument][] = [
			['speech', doc],
			...otherTexts().map(([name, text]): [string, SourceDocument] => [name, buildLessons(text)])
		];
		const refusedBy = new Map<Gate, number>();
		for (const [name, d] of texts) {
			const asked = new Set(
				(d === doc ? all : Object.values(generateBank(d, lexicon)).flat()).map((q) =>
					JSON.stringify([q.type, q.prompt])
				)
			);
			for (const candidate of unfilteredCandidates(d).flat()) {
				for (const q of [candidate.question, candidate.falseVersion]) {
					if (!q) continue;
					const violations = checkQuestion(q);
					for (const v of violations) refusedBy.set(v.gate, (refusedBy.get(v.gate) ?? 0) + 1);
					if (violations.length) {
						expect(asked.has(JSON.stringify([q.type, q.prompt])), `${name}: ${q.prompt}`).toBe(
							false
						);
					}
				}
			}
		}
		// The gates that real candidates of these texts trip (the others are tested in gates.test.ts).
		for (const gate of [
			'unsettled_true_false',
			'leans_on_previous',
			'fragment',
			'variant_distractor'
		] as Gate[]) {
			expect(refusedBy.get(gate) ?? 0, gate).toBeGreaterThan(0);
		}
	}, 120_000);

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

	it('asks about every lesson but a roll of award recipients, whose candidates are all ceremony', () => {
		const { report } = generateBankWithReport(doc, lexicon);
		const empty = doc.lessons.filter((lesson) => !bank[lesson.slug]?.length);
		for (const lesson of empty) {
			const r = report[lesson.slug];
			const refused = Object.values(r.refused).reduce((a, b) => a + (b ?? 0), 0);
			// Every candidate but the opening "presented state awards" is a recipient's.
			expect(r.refused['award recipients'] ?? 0, lesson.slug).toBeGreaterThanOrEqual(refused - 1);
		}
		expect(empty.length).toBeLessThanOrEqual(1);
	});

	it('asks who said what through cut quotations and which document reforms rest on', () => {
		const pope = all.find((q) => q.type === 'fill_blank' && q.answer === 'Pope Francis');
		expect(pope?.prompt).toMatch(/_____, who visited Kazakhstan in September, said/);
		expect(pope && 'accept' in pope ? pope.accept : []).toContain('Francis');
		const constitution = all.find((q) => q.type === 'fill_blank' && q.answer === 'Constitution');
		expect(constitution?.prompt).toMatch(/the updated _____, the most important political/);
		expect(constitution && 'accept' in constitution ? constitution.accept : []).toContain(
			'fundamental law'
		);
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

	it('never ask for a month, a bound of a range, part of a longer name or an adjective of a name', () => {
		const questions = otherTexts().flatMap(([, text]) =>
			Object.values(generateBank(buildLessons(text), lexicon)).flat()
		);
		for (const q of questions) {
			const answer = 'answer' in q ? String(q.answer) : '';
			expect(answer, q.prompt).not.toMatch(
				/^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$/
			);
			// "the _____ and Atmospheric Administration", "Atmospheric Administration (_____)"
			expect(q.prompt).not.toMatch(
				/_____ (?:and|of|for) \p{Lu}\p{Ll}+ \p{Lu}|\p{Lu}\p{Ll}+ \(_____\)/u
			);
			// "between _____ and 15 per cent", "from 40,000 to _____ years ago"
			expect(q.prompt).not.toMatch(
				/\b(?:[Ff]rom|[Bb]etween) (?:[\d,.]+(?: BCE?| AD)? (?:to|and) _____|_____(?: BCE?| AD)? (?:to|and) \d)/
			);
			// "other _____ peoples" for "Slavic"
			if (q.type === 'fill_blank' && /^\p{Lu}\p{Ll}+(?:ic|ian|ish|ese)$/u.test(q.answer))
				expect(q.prompt).not.toMatch(/_____ [a-z]/);
		}
	});

	// No count a weak question would be made to reach, but a factual text has five good ones.
	it('give questions where they state facts: encyclopedia articles, a textbook, news and reports', () => {
		const factual = otherTexts().filter(([name]) =>
			/encyclopedia|textbook|sea-ice|flood|school-year/.test(name)
		);
		expect(factual.length).toBeGreaterThanOrEqual(6);
		// The short news report has three: blind review round 11 found its fifth (the Southern Ocean,
		// defined by "the waters around Antarctica" in the sentence before it) given away, round 14
		// its fourth leaning on the sentence before ("The changes were observed ...").
		for (const [name, text] of factual)
			expect(
				Object.values(generateBank(buildLessons(text), lexicon)).flat().length,
				name
			).toBeGreaterThanOrEqual(/sea-ice/.test(name) ? 3 : 5);
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
