import { describe, expect, it } from 'vitest';
import { cleanParagraph, normaliseText, removeCitations, repairSplitSpeaker } from './clean';
import { splitStructure } from './paragraphs';

describe('cleanParagraph', () => {
	it('separates sentences glued after a full stop', () => {
		expect(cleanParagraph('land Bokeykhan, Zhakyp Akbaev, Alimkhan Ermekov.The local places')).toBe(
			'land Bokeykhan, Zhakyp Akbaev, Alimkhan Ermekov. The local places'
		);
		expect(cleanParagraph('Karaganda-Karkaralinsk highway.All work must')).toBe(
			'Karaganda-Karkaralinsk highway. All work must'
		);
		expect(cleanParagraph('interreligious tolerance.The passport')).toBe(
			'interreligious tolerance. The passport'
		);
		expect(cleanParagraph('start next year.I also instruct')).toBe(
			'start next year. I also instruct'
		);
	});

	it('adds the space after a glued comma but leaves numbers alone', () => {
		expect(cleanParagraph('policy of our country,aimed at building')).toBe(
			'policy of our country, aimed at building'
		);
		expect(cleanParagraph('more than 28,000 places')).toBe('more than 28,000 places');
	});

	it('turns spaced hyphens into dashes and name ranges into closed en dashes', () => {
		expect(
			cleanParagraph('the principle "strong regions - a strong country," the president said.')
		).toBe('the principle "strong regions \u2013 a strong country," the president said.');
		expect(cleanParagraph('The Karaganda - Zhezkazgan highway')).toBe(
			'The Karaganda\u2013Zhezkazgan highway'
		);
	});

	it('removes a stray space before punctuation but keeps an ellipsis', () => {
		expect(cleanParagraph('Alikhan Bukeihan , a native of these places')).toBe(
			'Alikhan Bukeihan, a native of these places'
		);
		expect(cleanParagraph('a "place of meeting and dialogue ...", is')).toBe(
			'a "place of meeting and dialogue ...", is'
		);
	});

	it('repairs a dash after reported speech', () => {
		expect(cleanParagraph('and public opinion", - said the head of state.')).toBe(
			'and public opinion," said the head of state.'
		);
	});

	it('rejoins a hyphenated name split around "said"', () => {
		expect(cleanParagraph('in this direction," Kassym said. Zhomart Tokaev.')).toBe(
			'in this direction," Kassym-Zhomart Tokaev said.'
		);
		expect(repairSplitSpeaker('"We agree," Anna stated. Maria Petrova.')).toBe(
			'"We agree," Anna-Maria Petrova stated.'
		);
		// Ordinary sentences stay as they are.
		expect(repairSplitSpeaker('"Yes," John said. Then he left.')).toBe(
			'"Yes," John said. Then he left.'
		);
	});

	it('removes reference markers and the spaces before them', () => {
		expect(
			normaliseText('the Atbasar,[1] Kelteminar,[2] Botai,[3] and Ust-Narym cultures.[4] The Botai')
		).toBe('the Atbasar, Kelteminar, Botai, and Ust-Narym cultures. The Botai');
		expect(normaliseText('as the Saka[5][6].\nover one million residents [22] and more')).toBe(
			'as the Saka.\nover one million residents and more'
		);
		expect(removeCitations('a note[note 3] and[citation needed] a letter[a], "quoted".[b]')).toBe(
			'a note and a letter, "quoted".'
		);
		expect(
			removeCitations('tags[who?] and[Clarification needed] and[nb 2] a page[5]:23-24 here')
		).toBe('tags and and a page here');
		expect(removeCitations('a claim [citation needed]. A reason [note 2]')).toBe(
			'a claim. A reason'
		);
		// Between two words a marker leaves one space.
		expect(removeCitations('Kazakh[7]steppe')).toBe('Kazakh steppe');
	});

	it('keeps brackets that hold words of the text', () => {
		for (const s of [
			'known as Cambinskan, [Chinggis Khan]',
			'cool for a minute. [Laughter]',
			'they was [sic] there',
			'in the year [1920] and',
			'[1] Smith, J. A history of the steppe.',
			'the vowel [a] is open'
		])
			expect(removeCitations(s)).toBe(s);
	});

	it('makes all quotes straight and spaces plain', () => {
		expect(normaliseText('\u201CI understand\u201D and \u2018this\u2019\u00A0now')).toBe(
			'"I understand" and \'this\' now'
		);
	});
});

describe('splitStructure', () => {
	it('keeps a doubled headline once as the title and a byline as credit', () => {
		const s = splitStructure(
			'A Headline Here\n\nA Headline Here\n\nFirst paragraph.\n\nSecond one.\n\nBy the Daily Paper'
		);
		expect(s.title).toBe('A Headline Here');
		expect(s.credit).toBe('By the Daily Paper');
		expect(s.blocks.map((b) => b.text)).toEqual(['First paragraph.', 'Second one.']);
	});

	it('reads Markdown headings and strips list markers', () => {
		const s = splitStructure(
			'# Title\n\nIntro text.\n\n## Part one\n\n- first item\n- second item\n1. numbered item'
		);
		expect(s.title).toBe('Title');
		expect(s.blocks).toEqual([
			{ kind: 'paragraph', text: 'Intro text.', listItem: false },
			{ kind: 'heading', level: 2, text: 'Part one' },
			{ kind: 'paragraph', text: 'first item', listItem: true },
			{ kind: 'paragraph', text: 'second item', listItem: true },
			{ kind: 'paragraph', text: 'numbered item', listItem: true }
		]);
	});

	it('treats lines as paragraphs when there are no blank lines', () => {
		const s = splitStructure(
			'One sentence here. Another one.\nA second paragraph starts.\nAnd a third one.'
		);
		expect(s.blocks).toHaveLength(3);
	});
});
