import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLessons } from './index';
import type { Lesson } from './types';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const doc = buildLessons(read('../../../content/karaganda-speech.txt'));

const lessonWith = (needle: string): Lesson => {
	const found = doc.lessons.filter((l) => l.paragraphs.some((p) => p.includes(needle)));
	expect(found, needle).toHaveLength(1);
	return found[0];
};
const label = (l: Lesson) => `${l.title} | ${l.topic}`.toLowerCase();

describe('lesson titles and topics of the speech', () => {
	it('name each lesson by its central terms', () => {
		expect(label(lessonWith('The order "Kurmet"'))).toMatch(/award/);
		expect(label(lessonWith('Alash Alikhan movement'))).toMatch(/alash/);
		expect(label(lessonWith('Alash Alikhan movement'))).toMatch(/spiritual heritage|writers/);
		expect(label(lessonWith('ash dump'))).toMatch(/karaganda|city/);
		expect(label(lessonWith('Karaganda\u2013Zhezkazgan highway'))).toMatch(/roads/);
		expect(label(lessonWith('turquoise passport'))).toMatch(/passport|values/);
		expect(label(lessonWith('Patriotism is the main'))).toMatch(/^patriotism/);
		expect(label(lessonWith('new political era'))).toMatch(/political/);
	});

	it('keeps one-off company names and glued first names out', () => {
		expect(lessonWith('The order "Kurmet"').title).not.toMatch(/Mittal|Tentekskaya/);
		expect(lessonWith('Alash Alikhan movement').title).not.toMatch(/Alikhan|Alimkhan|Ermekov/);
		for (const l of doc.lessons) expect(l.topic).not.toMatch(/mittal|temirtau|alikhan/);
	});

	it('frames a lesson by its recurring noun and names the places it mentions', () => {
		expect(lessonWith('Saran industrial zone').title).toMatch(
			/^Industry: .*Coal.*the Saran Industrial Zone$/
		);
		expect(lessonWith('Center-South transport corridor').title).toMatch(
			/^Roads\b.*Center-South Transport Corridor/
		);
		expect(lessonWith('Lake Balkhash').title).toBe('Single-Industry Towns and Lake Balkhash');
	});

	it('prefers a named subject to a modifier, a fragment or a vague noun', () => {
		// "air tickets", "air and rail flights": air only modifies; "law enforcement agencies" is one term.
		for (const l of doc.lessons)
			expect(l.title).not.toMatch(
				/\b(?:Air|Repair|Economy|Environment|Fund|Law|Enforcement Agencies)\b/
			);
		expect(label(lessonWith('safe working conditions'))).toMatch(/safe working conditions/);
		expect(lessonWith('judicial system').title).toMatch(/Political .*Judicial System/);
	});

	it('lists the named awards after the recurring term', () => {
		expect(lessonWith('The order "Kurmet"').title).toMatch(/^Awards: .*Kurmet.*Enbek Danky/);
	});

	it('writes titles in title case without repeated words, topics in lowercase', () => {
		for (const l of doc.lessons) {
			expect(l.title).toMatch(/^\p{Lu}/u);
			const words = l.title
				.toLowerCase()
				.split(/[\s:,]+/)
				.filter((w) => !['and', 'of', 'the', 'order'].includes(w));
			expect(new Set(words).size, l.title).toBe(words.length);
			expect(l.topic).toBe(l.topic.toLowerCase());
			expect(l.topic.split(' and ').length).toBeLessThanOrEqual(3);
			expect(l.title.length).toBeLessThanOrEqual(70);
		}
	});
});

describe('titles of other texts', () => {
	const fixtures = ['news-report.txt', 'no-blank-lines.txt', 'short.txt'];
	for (const name of fixtures)
		it(`come from the terms of ${name}`, () => {
			const d = buildLessons(read(`./fixtures/${name}`));
			for (const l of d.lessons) {
				const text = l.paragraphs.join(' ').toLowerCase();
				for (const word of `${l.title} ${l.topic}`.toLowerCase().split(/[\s:,]+/))
					if (!['and', 'of', 'the'].includes(word)) expect(text, l.title).toContain(word);
				expect(l.title).not.toMatch(/Monday|Treasurer|Shopkeeper/);
			}
		});

	it('names the bees and the honey trade in the beekeeping text', () => {
		const d = buildLessons(read('./fixtures/no-blank-lines.txt'));
		expect(d.lessons.map((l) => label(l)).join(' ')).toMatch(/bees/);
	});
});
