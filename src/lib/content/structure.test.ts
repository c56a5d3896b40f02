/** Structure of texts from outside the project: reference markers, dated headings, quoted verse. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLessons } from './index';
import { isVerse, splitStructure } from './paragraphs';
import type { Lesson } from './types';

const text = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/texts/${name}`, import.meta.url), 'utf8');

/** Every string a lesson shows or passes on to the question generator. */
const shown = (l: Lesson) => [
	l.title,
	l.summary,
	...l.paragraphs,
	...l.sentences.map((s) => s.text),
	...l.figures.flatMap((f) => [f.value, f.counts]),
	...l.entities.flatMap((e) => [e.name, e.role, ...e.variants])
];

describe('an encyclopedia article with reference markers and dated headings', () => {
	const doc = buildLessons(text('history-of-kazakhstan-encyclopedia.txt'));
	const all = doc.lessons.flatMap(shown);

	it('drops the reference markers and leaves clean spacing behind', () => {
		for (const s of all) {
			expect(s).not.toMatch(/\[\d+\]|\[(?:note \d+|citation needed|[a-z])\]/);
			expect(s).not.toMatch(/ {2}| [,.;:]/);
		}
		const paragraphs = doc.lessons.flatMap((l) => l.paragraphs).join('\n');
		expect(paragraphs).toContain(
			'giving rise to the Atbasar, Kelteminar, Botai, and Ust-Narym cultures. The Botai culture'
		);
		expect(paragraphs).toContain('over one million residents and 80 percent');
		const sentences = doc.lessons.flatMap((l) => l.sentences.map((s) => s.text));
		expect(sentences.some((s) => s.endsWith('Kelteminar, Botai, and Ust-Narym cultures.'))).toBe(
			true
		);
	});

	it('starts a lesson at each heading with dates in brackets, keeping the dates in the title', () => {
		const titles = doc.lessons.map((l) => l.title);
		for (const heading of [
			'Kazakh Khanate (1465\u20131731)',
			'Russian Empire (1731\u20131917)',
			'Soviet Union (1920\u20131991)',
			'Famines (1929\u20131934)',
			'Republic of Kazakhstan (1991\u2013present)'
		])
			expect(titles).toContain(heading);
		const famines = doc.lessons.find((l) => l.title === 'Famines (1929\u20131934)');
		expect(famines?.slug).toBe('famines-1929-1934');
		expect(famines?.paragraphs[0]).toMatch(/^From 1929 to 1934, when Joseph Stalin/);
	});

	it('reads a heading with dates only when the rest of the line is a heading', () => {
		const blocks = splitStructure(
			'Title\n\nKazakh Khanate (1465\u20131731)\n\nThe khanate was founded in 1465.\n\n' +
				'Bronze Age (c. 2000 BC)\n\nText.\n\nMongol rule (13th\u201314th centuries)\n\nText.\n\n' +
				'The treaty was signed in Paris (1856)\n\n' +
				'It ended the war.\n\nthe rest of a sentence (1991\u20132000)\n\nMore text.'
		).blocks;
		expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
			'Kazakh Khanate (1465\u20131731)',
			'Bronze Age (c. 2000 BC)',
			'Mongol rule (13th\u201314th centuries)',
			// A short line without a full stop was a heading before; its dates change nothing.
			'The treaty was signed in Paris (1856)'
		]);
	});
});

describe('an essay that quotes verse', () => {
	const doc = buildLessons(text('rural-life-in-england-essay.txt'));
	const verseLines = text('rural-life-in-england-essay.txt')
		.split('\n')
		.filter((l) => l.trim() !== '' && l.length < 80 && l !== 'Rural Life in England')
		.map((l) => l.replace(/[\u2018\u2019]/g, "'").trim());

	it('never makes a verse line a heading or a lesson title', () => {
		expect(verseLines).toHaveLength(20);
		expect(doc.title).toBe('Rural Life in England');
		for (const l of doc.lessons)
			for (const line of verseLines) expect(l.title).not.toContain(line.replace(/[,;.!]$/, ''));
		expect(doc.lessons.map((l) => l.title).join(' ')).not.toMatch(/COWPER|western isle/);
	});

	it('keeps each verse block whole, with its line breaks, in the lesson of the prose around it', () => {
		const verse = doc.lessons.flatMap((l) =>
			(l.verseParagraphs ?? []).map((p) => ({ lesson: l, p, text: l.paragraphs[p] }))
		);
		expect(verse.map((v) => v.text.split('\n').length)).toEqual([4, 16]);
		const [epigraph, poem] = verse;
		// The epigraph with its attribution opens the first lesson, before the essay's first paragraph.
		expect(epigraph.text).toBe(
			'Oh! friendly to the best pursuits of man,\nFriendly to thought, to virtue and to peace,\n' +
				'Domestic life in rural pleasures past!\nCOWPER.'
		);
		expect(epigraph.lesson).toBe(doc.lessons[0]);
		expect(epigraph.p).toBe(0);
		expect(epigraph.lesson.paragraphs[1]).toMatch(/^THE stranger who would form/);
		// The closing poem follows the paragraph that introduces it.
		expect(poem.text.split('\n')).toEqual(verseLines.slice(4));
		expect(poem.lesson.paragraphs[poem.p - 1]).toMatch(/^It is this sweet home-feeling/);
		// No verse anywhere else: every other paragraph is prose on one line.
		for (const l of doc.lessons)
			l.paragraphs.forEach((p, i) =>
				expect(p.includes('\n'), p).toBe((l.verseParagraphs ?? []).includes(i))
			);
	});

	it('marks the sentences of verse and only those', () => {
		for (const l of doc.lessons)
			for (const s of l.sentences) {
				const inVerse = (l.verseParagraphs ?? []).includes(s.paragraph);
				expect(s.verse ?? false, s.text).toBe(inVerse);
			}
		// The verse sentences of a paragraph make up that paragraph, line breaks inside them kept.
		const flat = (t: string) => t.replace(/\s+/g, ' ');
		for (const l of doc.lessons)
			for (const p of l.verseParagraphs ?? []) {
				const own = l.sentences.filter((s) => s.paragraph === p);
				expect(flat(own.map((s) => s.text).join(' '))).toBe(flat(l.paragraphs[p]));
				for (const s of own) expect(l.paragraphs[p]).toContain(s.text);
			}
		expect(doc.lessons.flatMap((l) => l.sentences).some((s) => s.text.includes('\n'))).toBe(true);
		// Summaries are prose.
		for (const l of doc.lessons) expect(l.summary).not.toMatch(/COWPER|western isle|friendly to/);
	});

	it('keeps an attribution standing alone after verse with it', () => {
		const textbook = buildLessons(text('mongol-empire-fragments-textbook.txt'));
		const lesson = textbook.lessons.find((l) => l.verseParagraphs?.length);
		expect(lesson?.title).toBe('European Portraits of Chinggis Khan');
		const poem = lesson!.paragraphs[lesson!.verseParagraphs![0]].split('\n');
		expect(poem[0]).toBe('This noble king was known as Cambinskan, [Chinggis Khan]');
		expect(poem.at(-1)).toBe('\u2014Geoffrey Chaucer, The Canterbury Tales');
		expect(poem).toHaveLength(17);
		// A quotation in prose keeps its attribution as a paragraph of its own.
		expect(lesson!.paragraphs).toContain('\u2014Montesquieu, The Spirit of the Laws');
	});
});

describe('lines that are not verse', () => {
	it('leaves lists, wrapped prose and one-line paragraphs as they were', () => {
		const notVerse = [
			// Award recipients, with and without punctuation.
			[
				'Elvira Aliyeva, trainer-teacher of the Olympic reserve school,',
				'Alexei Berga, head of the galvanizing shop of Arcelor Mittal Temirtau,',
				'Artem Kasymov, head of the Tentekskaya mine section.'
			],
			[
				'Order Kurmet \u2013 Elvira Aliyeva',
				'Order Parasat \u2013 Alexei Berga',
				'Medal \u2013 Artem Kasymov'
			],
			// An enumeration introduced by a colon.
			[
				'The plan for next year includes:',
				'New roads in the north of the region,',
				'A hospital in the old town,',
				'And a new terminal at the airport.'
			],
			// Figures.
			[
				'212 students graduated,',
				'64 received the Altyn Belgi badge,',
				'and 87% entered universities.'
			],
			// Prose wrapped at a fixed width.
			[
				'The stranger who would form a correct opinion of the English character,',
				'must not confine his observations to the metropolis. He must go forth',
				'into the country; he must sojourn in villages and hamlets; he must visit',
				'castles, villas, farm-houses, cottages; he must wander through parks'
			],
			// Each line a paragraph of its own.
			[
				'The bees depend on a long season.',
				'Disease is the greatest threat.',
				'Weather has changed.'
			],
			// Headings of a table of contents.
			['Introduction', 'History of the region', 'Geography and climate']
		];
		for (const lines of notVerse) expect(isVerse(lines), lines[0]).toBe(false);
	});

	it('reads short verse, with or without an attribution line', () => {
		expect(
			isVerse([
				'I wandered lonely as a cloud',
				"That floats on high o'er vales and hills,",
				'When all at once I saw a crowd,',
				'A host, of golden daffodils;'
			])
		).toBe(true);
		expect(
			isVerse([
				'Friendly to thought, to virtue and to peace,',
				'Domestic life in rural pleasures past!',
				'COWPER.'
			])
		).toBe(true);
	});

	it('keeps a list of award recipients in one chunk as it was', () => {
		const s = splitStructure(
			'Awards\n\nThe following residents were awarded:\nElvira Aliyeva, trainer-teacher,\n' +
				'Alexei Berga, head of the shop,\nArtem Kasymov, head of the mine section.'
		);
		expect(s.blocks).toEqual([
			{
				kind: 'paragraph',
				text:
					'The following residents were awarded: Elvira Aliyeva, trainer-teacher, ' +
					'Alexei Berga, head of the shop, Artem Kasymov, head of the mine section.',
				listItem: false
			}
		]);
	});
});
