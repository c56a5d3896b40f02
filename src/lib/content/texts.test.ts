import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLessons } from './index';
import type { SourceDocument } from './types';

const fixture = (name: string) =>
	readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Every body paragraph appears once, in order, and no lesson is empty. */
function expectWellFormed(doc: SourceDocument, paragraphCount: number, headed = false) {
	expect(doc.lessons.length).toBeGreaterThan(0);
	const all = doc.lessons.flatMap((l) => l.paragraphs);
	expect(all).toHaveLength(paragraphCount);
	expect(new Set(all).size).toBe(all.length);
	for (const l of doc.lessons) {
		expect(l.paragraphs.length).toBeGreaterThan(0);
		expect(l.sentences.length).toBeGreaterThan(0);
		expect(l.title.trim()).not.toBe('');
		expect(l.topic.trim()).not.toBe('');
		expect(l.summary.trim()).not.toBe('');
		const text = l.paragraphs.join(' ').toLowerCase();
		// Titles come from the lesson's own words.
		if (!headed)
			for (const word of l.title.toLowerCase().split(/[\s;:]+/))
				if (word.length > 3) expect(text, l.title).toContain(word.replace(/[^a-z0-9-]/g, ''));
	}
	const slugs = doc.lessons.map((l) => l.slug);
	expect(new Set(slugs).size).toBe(slugs.length);
}

describe('a news report', () => {
	const text = fixture('news-report.txt');
	const doc = buildLessons(text);

	it('uses the headline as title and splits into a few lessons', () => {
		expect(doc.title).toBe('Riverside Council Approves New Flood Defences');
		expectWellFormed(doc, 8);
		expect(doc.lessons.length).toBeGreaterThanOrEqual(2);
		expect(doc.lessons.length).toBeLessThanOrEqual(4);
	});

	it('starts a new lesson at a topic-shift cue', () => {
		const starts = doc.lessons.map((l) => l.paragraphs[0]);
		expect(
			starts.some(
				(p) => p.startsWith('Then the council turned') || p.startsWith('The council also raised')
			)
		).toBe(true);
	});

	it('finds figures and people', () => {
		const figures = doc.lessons.flatMap((l) => l.figures);
		expect(figures.find((f) => f.value === '18 million pounds')).toMatchObject({
			number: 18000000,
			hedge: 'about'
		});
		expect(figures.find((f) => f.value === '40,000 pounds')).toMatchObject({
			number: 40000,
			hedge: 'more than'
		});
		const people = doc.lessons
			.flatMap((l) => l.entities)
			.filter((e) => e.kind === 'person')
			.map((e) => e.name);
		expect(people).toEqual(
			expect.arrayContaining(['Margaret Holloway', 'Peter Okafor', 'Anika Sharma'])
		);
	});

	it('is deterministic', () => {
		expect(buildLessons(text)).toEqual(doc);
	});
});

describe('an encyclopedia article with Markdown headings', () => {
	const text = fixture('encyclopedia.md');
	const doc = buildLessons(text);

	it('makes one lesson per section, titled by the heading', () => {
		expect(doc.title).toBe('The Aral Sea');
		expectWellFormed(doc, 9, true);
		expect(doc.lessons.map((l) => l.title)).toEqual([
			'Geography',
			'Decline',
			'Effects on people',
			'Restoration'
		]);
		expect(doc.lessons.map((l) => l.slug)).toEqual([
			'geography',
			'decline',
			'effects-on-people',
			'restoration'
		]);
	});

	it('joins the introduction to the first lesson', () => {
		expect(doc.lessons[0].paragraphs[0]).toMatch(/^The Aral Sea is an endorheic lake/);
	});

	it('reads percent, years and hedged quantities', () => {
		const figures = doc.lessons.flatMap((l) => l.figures);
		expect(figures.find((f) => f.value === '10 percent')).toMatchObject({
			kind: 'percent',
			hedge: 'about',
			number: 10
		});
		expect(figures.find((f) => f.value === '1,100 islands')).toMatchObject({
			number: 1100,
			hedge: 'more than'
		});
		expect(figures.find((f) => f.value === '2005')).toMatchObject({ kind: 'year' });
	});

	it('is deterministic', () => {
		expect(buildLessons(text)).toEqual(doc);
	});
});

describe('a list-heavy report', () => {
	const text = fixture('list-report.md');
	const doc = buildLessons(text);

	it('keeps list items as paragraphs without their markers', () => {
		expect(doc.title).toBe('Annual Report of the Hillcrest Community Library');
		const all = doc.lessons.flatMap((l) => l.paragraphs);
		expect(all).toContain('4,850 registered members, up from 4,120 in 2022');
		expect(all).toContain('38,500 printed books, of which 6,200 are for children');
		expect(all.some((p) => /^(?:[-*]|\d+\.)\s/.test(p))).toBe(false);
		expectWellFormed(doc, 26, true);
	});

	it('summarises with whole sentences, not list items or the lines that introduce them', () => {
		const items = new Set(
			[...text.matchAll(/^(?:[-*]|\d+\.)\s+(.+)$/gm)].map((m) => m[1].replace(/\.$/, ''))
		);
		expect(items.size).toBeGreaterThan(5);
		for (const l of doc.lessons) {
			const parts = l.summary.split(/(?<=\.) (?=\S)/);
			for (const part of parts) {
				expect(part, l.summary).not.toMatch(/^[a-z]/);
				expect(part, l.summary).not.toMatch(/:\.$/);
				expect(items.has(part.replace(/\.$/, '')), part).toBe(false);
			}
		}
	});

	it('uses the plain-text headings as lesson titles', () => {
		const titles = doc.lessons.map((l) => l.title).join(' | ');
		expect(titles).toContain('Membership and visits');
		expect(titles).toContain('Collections');
		expect(titles).toContain('Plans for 2024');
	});

	it('reads part-of figures in list items', () => {
		const figures = doc.lessons.flatMap((l) => l.figures);
		expect(figures.find((f) => f.number === 6200)).toMatchObject({
			partOf: '38,500 printed books',
			unit: 'books'
		});
	});
});

describe('a text without blank lines', () => {
	const text = fixture('no-blank-lines.txt');
	const doc = buildLessons(text);

	it('treats each line as a paragraph and still segments by topic', () => {
		expectWellFormed(doc, 6);
		expect(doc.lessons.length).toBeGreaterThanOrEqual(1);
		expect(doc.lessons.length).toBeLessThanOrEqual(3);
		expect(doc.title).not.toBe('');
	});

	it('groups one huge block into paragraphs of a few sentences', () => {
		const block = text.replace(/\n/g, ' ');
		const single = buildLessons(block);
		const paragraphs = single.lessons.flatMap((l) => l.paragraphs);
		expect(paragraphs.length).toBeGreaterThan(3);
		for (const p of paragraphs) expect(p.split(/(?<=\.) /).length).toBeLessThanOrEqual(6);
		expect(paragraphs.join(' ')).toBe(block.trim().replace(/\s+/g, ' '));
	});
});

describe('a very short text', () => {
	const text = fixture('short.txt');
	const doc = buildLessons(text);

	it('gives one lesson with all of its sentences', () => {
		expect(doc.lessons).toHaveLength(1);
		expect(doc.lessons[0].sentences).toHaveLength(3);
		expect(doc.lessons[0].readingMinutes).toBe(1);
		expect(doc.lessons[0].figures.find((f) => f.value === 'four lanes')).toMatchObject({
			number: 4,
			counts: 'lanes of traffic'
		});
		expect(buildLessons(text)).toEqual(doc);
	});
});
