import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figureCaption } from './figures';
import { buildLessons } from './index';
import type { Lesson } from './types';

const raw = readFileSync(new URL('../../../content/karaganda-speech.txt', import.meta.url), 'utf8');
const doc = buildLessons(raw);

const lessonWith = (needle: string): Lesson => {
	const found = doc.lessons.filter((l) => l.paragraphs.some((p) => p.includes(needle)));
	expect(found, needle).toHaveLength(1);
	return found[0];
};
const indexWith = (needle: string) => doc.lessons.indexOf(lessonWith(needle));
const label = (l: Lesson) => `${l.title} ${l.topic}`.toLowerCase();

describe('the bundled speech', () => {
	it('has title and credit apart from the lessons', () => {
		expect(doc.title).toBe(
			'The meeting of the President with the public of the Karaganda region is the most important thing'
		);
		expect(doc.credit).toBe('By the Kazakhstanskaya Pravda');
		const all = doc.lessons.flatMap((l) => l.paragraphs);
		expect(all.some((p) => p.includes('Kazakhstanskaya Pravda'))).toBe(false);
		expect(all.filter((p) => p.startsWith('The meeting of the President'))).toHaveLength(0);
	});

	it('keeps every paragraph exactly once, in order', () => {
		const expected = raw
			.split(/\n\s*\n/)
			.map((p) => p.trim())
			.filter(Boolean)
			.slice(2, -1);
		const got = doc.lessons.flatMap((l) => l.paragraphs);
		expect(got).toHaveLength(expected.length);
		got.forEach((p, i) =>
			expect(p.slice(0, 25)).toBe(
				expected[i]
					.replace(/\u00A0/g, ' ')
					.replace(/[\u201C\u201D]/g, '"')
					.slice(0, 25)
			)
		);
	});

	it('has 10 to 14 lessons of sensible size', () => {
		expect(doc.lessons.length).toBeGreaterThanOrEqual(10);
		expect(doc.lessons.length).toBeLessThanOrEqual(14);
		for (const l of doc.lessons) {
			expect(l.wordCount).toBeGreaterThanOrEqual(80);
			expect(l.paragraphs.length).toBeGreaterThanOrEqual(2);
			expect(l.paragraphs.length).toBeLessThanOrEqual(8);
		}
	});

	it('gives each topic of the speech its own lesson', () => {
		const anchors = [
			'Alash Alikhan movement', // a: Alash figures and spiritual heritage
			'Saran industrial zone', // b: industry
			'Karaganda\u2013Zhezkazgan highway', // c: roads
			'single-industry towns', // d: single-industry towns, Balkhash
			'Green Kazakhstan National Project', // e: ecology
			'ArcelorMittal Temirtau JSC', // f: safety at work
			'176 villages', // g: water and agriculture
			'Comfortable School', // h: schools, hospitals, sport
			'ash dump', // i: the city of Karaganda
			'turquoise passport', // j: unity and foreign policy
			'new political era', // k: political reform
			'Patriotism is the main guarantee', // l: patriotism
			'The order "Kurmet"' // m: awards
		];
		const lessons = anchors.map(indexWith);
		expect(new Set(lessons).size).toBe(anchors.length);
		expect(lessons).toEqual([...lessons].sort((a, b) => a - b));
	});

	it('keeps related paragraphs together', () => {
		expect(indexWith('Kassym-Jomart Tokayev held a meeting')).toBe(
			indexWith('Alash Alikhan movement')
		);
		expect(indexWith('85% of steel')).toBe(indexWith('Saran industrial zone'));
		expect(indexWith('Lake Balkhash')).toBe(indexWith('single-industry towns'));
		expect(indexWith('regress and pension payments')).toBe(indexWith('ArcelorMittal Temirtau JSC'));
		expect(indexWith('176 villages')).toBe(indexWith('number of horses'));
		expect(indexWith('five hospitals')).toBe(indexWith('Comfortable School'));
		expect(indexWith('sports achievements')).toBe(indexWith('Comfortable School'));
		expect(indexWith('Master Plan')).toBe(indexWith('ash dump'));
		expect(indexWith('Public councils')).toBe(indexWith('ash dump'));
		expect(indexWith('deported peoples')).toBe(indexWith('Pope Francis'));
		expect(indexWith('updated Constitution')).toBe(indexWith('new political era'));
		expect(indexWith('Alikhan Bukeihan')).toBe(indexWith('Patriotism is the main'));
	});

	it('titles lessons with their own key terms', () => {
		expect(label(lessonWith('176 villages'))).toMatch(/water|pasture|agricultur|village/);
		expect(label(lessonWith('Karaganda\u2013Zhezkazgan highway'))).toMatch(
			/road|highway|transport/
		);
		expect(label(lessonWith('single-industry towns'))).toMatch(/single-industry|balkhash/);
		expect(label(lessonWith('Green Kazakhstan'))).toMatch(/environment|ecolog|green/);
		expect(label(lessonWith('Patriotism is the main'))).toMatch(/patriot/);
		for (const l of doc.lessons) {
			const text = l.paragraphs.join(' ').toLowerCase();
			for (const word of l.title.toLowerCase().split(/[\s;:]+/))
				if (!['and', 'of', 'the', 'in', 'for'].includes(word)) expect(text).toContain(word);
		}
	});

	it('gives unique kebab-case slugs', () => {
		const slugs = doc.lessons.map((l) => l.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
		for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	it("summarises with two or three of the lesson's own sentences, without quote marks", () => {
		for (const l of doc.lessons) {
			const text = l.sentences.map((s) => s.text).join(' ');
			expect(l.summary).not.toMatch(/^"|"$|\bsaid\.$/);
			expect((l.summary.match(/"/g) ?? []).length % 2).toBe(0);
			const parts = l.summary.match(/[^.!?]+[.!?]/g) ?? [];
			expect(parts.length).toBeGreaterThanOrEqual(2);
			for (const part of l.summary.split(/(?<=\.) (?=[A-Z])/))
				expect(text).toContain(part.slice(0, -1).slice(0, 40));
		}
	});

	it('summaries never say the same thing twice, nor point elsewhere in the speech', () => {
		const runsOf = (sentence: string) => {
			const words = sentence.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
			return words.slice(4).map((_, i) => words.slice(i, i + 5).join(' '));
		};
		for (const l of doc.lessons) {
			const parts = l.summary.split(/(?<=\.) (?=[A-Z])/);
			expect(parts[0]).not.toMatch(/^as mentioned/i);
			for (const [i, part] of parts.entries())
				for (const other of parts.slice(i + 1))
					for (const run of runsOf(part)) expect(runsOf(other)).not.toContain(run);
		}
	});

	it('numbers sentences from 1 within each lesson', () => {
		for (const l of doc.lessons) {
			expect(l.sentences.map((s) => s.index)).toEqual(l.sentences.map((_, i) => i + 1));
			expect(Math.max(...l.sentences.map((s) => s.paragraph))).toBe(l.paragraphs.length - 1);
			expect(l.readingMinutes).toBe(Math.max(1, Math.ceil(l.wordCount / 200)));
		}
	});

	it('repairs the split speaker name in the lesson text', () => {
		const text = doc.lessons.flatMap((l) => l.paragraphs).join('\n');
		expect(text).toContain('in this direction," Kassym-Zhomart Tokaev said.');
		expect(text).not.toContain('Kassym said.');
		expect(text).toContain('Alimkhan Ermekov. The local places');
	});

	it('is deterministic', () => {
		expect(buildLessons(raw)).toEqual(doc);
	});
});

describe('figures of the speech', () => {
	const figures = doc.lessons.flatMap((l) => l.figures);
	const find = (value: string) => figures.find((f) => f.value === value);

	it('reads percentages with their hedge', () => {
		expect(find('85%')).toMatchObject({
			number: 85,
			unit: '%',
			hedge: 'more than',
			kind: 'percent'
		});
		expect(find('85%')?.counts).toMatch(/steel/);
		expect(find('80%')?.counts).toMatch(/manufacturing sector/);
	});

	it('scales millions and marks part of a whole', () => {
		expect(find('4.2 million hectares')).toMatchObject({
			number: 4200000,
			unit: 'hectares',
			hedge: 'more than'
		});
		expect(find('1.1 million hectares')).toMatchObject({
			number: 1100000,
			partOf: '4.2 million hectares'
		});
		expect(find('4 million')?.counts).toBe('number of horses');
	});

	it('reads counted things, word numbers and years', () => {
		expect(find('176 villages')).toMatchObject({
			number: 176,
			unit: 'villages',
			counts: 'villages of the region'
		});
		expect(find('28,000 places')).toMatchObject({ number: 28000, hedge: 'more than' });
		expect(find('500 kilometers')).toMatchObject({ number: 500, hedge: 'more than' });
		expect(find('five hospitals')).toMatchObject({ number: 5, unit: 'hospitals' });
		expect(find('5 single-industry towns')).toMatchObject({ number: 5, unit: 'towns' });
		for (const y of ['2007', '2022', '2023'])
			expect(find(y)).toMatchObject({ kind: 'year', number: Number(y) });
		expect(figures.find((f) => f.value === 'a third')?.counts).toBe('coal');
	});

	it('captions each figure with what it counts, or with its own words when that is all there is', () => {
		const caption = (value: string) => {
			const lesson = doc.lessons.find((l) => l.figures.some((f) => f.value === value))!;
			const figure = lesson.figures.find((f) => f.value === value)!;
			return figureCaption(figure, lesson.sentences[figure.sentenceIndex - 1].text);
		};
		expect(caption('80%')).toBe('share of the manufacturing sector');
		expect(caption('176 villages')).toBe('villages of the region');
		// A year, or a bare unit, is shown in its clause: never "For example" or "kilometers long".
		expect(caption('2022')).toBe(
			'…in 2022 alone, several cases of death of workers occurred at the facilities…'
		);
		expect(caption('500 kilometers')).toBe(
			'The Karaganda–Zhezkazgan highway, which is more than 500 kilometers long'
		);
		expect(caption('2007')).toMatch(/^….*city that has existed since 2007 is very outdated$/);
		for (const l of doc.lessons)
			for (const f of l.figures) {
				const shown = figureCaption(f, l.sentences[f.sentenceIndex - 1].text);
				expect(shown.split(' ').length, f.value).toBeLessThanOrEqual(16);
				expect(shown, f.value).not.toMatch(/[,;:]$/);
			}
	});

	it('points at the sentence that holds the figure', () => {
		for (const l of doc.lessons)
			for (const f of l.figures)
				expect(l.sentences[f.sentenceIndex - 1].text).toContain(f.value.split(' ')[0]);
	});
});

describe('entities of the speech', () => {
	const all = doc.lessons.flatMap((l) => l.entities);
	const named = (name: string) => all.find((e) => e.name === name);

	it('merges spelling variants of one name', () => {
		const president = named('Kassym-Jomart Tokayev');
		expect(president?.kind).toBe('person');
		expect(president?.variants).toEqual(expect.arrayContaining(['Kassym-Zhomart Tokaev']));
		const bukeihan = all.find((e) => e.variants.includes('Bokeykhan'));
		expect(bukeihan?.variants).toEqual(expect.arrayContaining(['Alikhan Bukeihan']));
		expect(bukeihan?.role).toMatch(/leader of the Alash movement/);
		const arcelor = all.filter((e) => /Arcel/.test(e.name));
		expect(new Set(arcelor.map((e) => e.name)).size).toBe(1);
		expect(arcelor[0].variants.length).toBeGreaterThanOrEqual(2);
	});

	it('gives roles from context', () => {
		expect(named('Saken Seifullin')).toMatchObject({ kind: 'person' });
		expect(named('Saken Seifullin')?.role).toMatch(/writer/);
		expect(named('Elvira Aliyeva')?.role).toMatch(/trainer-teacher.*Kurmet/);
		expect(named('Comfortable School')).toMatchObject({ kind: 'programme' });
		expect(named('Green Kazakhstan')).toMatchObject({ kind: 'programme' });
		expect(named('Kurmet')).toMatchObject({ kind: 'award' });
		expect(named('Karkaraly')?.role).toMatch(/revered by Kazakhs/);
		expect(named('Pope Francis')).toMatchObject({ kind: 'person', role: 'Pope' });
	});

	it('keeps sentence-initial words and titles out', () => {
		const names = all.map((e) => e.name);
		for (const junk of ['The', 'Our', 'Today', 'Head of State', 'According', 'Therefore', 'I'])
			expect(names).not.toContain(junk);
	});

	it('records mentions as sentence indexes of the lesson', () => {
		for (const l of doc.lessons)
			for (const e of l.entities)
				for (const m of e.mentions) {
					expect(m).toBeGreaterThanOrEqual(1);
					expect(m).toBeLessThanOrEqual(l.sentences.length);
				}
	});
});
