import { describe, expect, it } from 'vitest';
import { accordingTo } from '../candidate';
import { findNames } from '../facts';
import { leanReason } from '../prompt-text';
import { buildContext } from '../profile';
import { rewriteSentence } from '../statements';
import type { Statement } from '../statements';
import type { SourceDocument } from '../../../content/types';
import { givenAway, namedDocument } from './keys';
import { EMPTY_LEXICON, type Lexicon } from '../lexicon';
import { DAY_OF_DATE, RANGE_BOUND } from './prompt';
import { inferSpeaker } from '../profile';

function contextOf(sentences: string[]) {
	const doc: SourceDocument = {
		title: 'History',
		credit: '',
		lessons: [
			{
				slug: 'l',
				title: 'L',
				topic: '',
				summary: '',
				paragraphs: sentences,
				sentences: sentences.map((text, i) => ({ index: i + 1, paragraph: i, text })),
				figures: [],
				entities: [],
				wordCount: 40,
				readingMinutes: 1
			}
		]
	};
	return { doc, ctx: buildContext(doc) };
}

describe('prompts that lean on a sentence the student does not see', () => {
	it('catch a contrast, a counted subject, "also", "the other end" and "the difference"', () => {
		for (const prompt of [
			'Islam continued to gain adherents among the Mongols of the Horde, however.',
			'The first, from Chaucer’s Canterbury Tales, was written around 1400.',
			'Two Kazakh hordes depended on the Oirat Huntaiji.',
			'Kazakhstan also maintains good relations with the United States.',
			'At the other end of the planet, the Arctic ice cover is declining.',
			'The difference in ice cover spans an area about the size of Texas.',
			'Following are depictions of Chinggis Khan by two famous European writers.',
			"This year's space budget is three times what it was in January 1961."
		])
			expect(leanReason(prompt), prompt).not.toBeNull();
	});

	it('let a sentence that stands alone pass', () => {
		for (const prompt of [
			'Two years later the first constitution of Kazakhstan was adopted in 1993.',
			'The difference between the two ice sheets was measured by NASA in 2024.',
			'Batu founded the Golden Horde on the lower Volga in the 1240s.'
		])
			expect(leanReason(prompt), prompt).toBeNull();
	});
});

describe('clause openers', () => {
	it('lower-case a subordinating word after "According to the text"', () => {
		const { ctx } = contextOf(['Kublai ruled China.', 'Kublai fought Ariq Boke for years.']);
		expect(accordingTo('Although Kublai attempted to subdue the Song, he waited.', ctx)).toBe(
			'According to the text, although Kublai attempted to subdue the Song, he waited.'
		);
	});

	it('keep "in addition to" whole rather than leave "To fighting ..."', () => {
		const { ctx } = contextOf(['The Chagatai Khanate lay in the middle of Mongol lands.']);
		const out = rewriteSentence(
			'In addition to fighting other Mongols, some Chagatai Khans raided the Delhi Sultanate.',
			{ inQuote: false, speaker: null, previous: '' },
			ctx
		);
		expect(out?.text ?? '').not.toMatch(/^To\b/);
	});

	it('refuse an extract quoted from another writer (". . .")', () => {
		const { ctx } = contextOf(['Persia lay to the east.']);
		const out = rewriteSentence(
			'The Tartars have destroyed Asia, from India even to the Mediterranean; and all the country which forms the east of Persia they have rendered a desert. . . .',
			{ inQuote: false, speaker: null, previous: '' },
			ctx
		);
		expect(out).toBeNull();
	});
});

describe('keys given away', () => {
	it('by another spelling of the key in the prompt', () => {
		expect(
			givenAway('The Kirghiz Republic was renamed when Kazakhs were told from the _____.', 'Kyrgyz')
		).toBe(true);
	});

	it('by a short name of the key in the prompt', () => {
		expect(
			givenAway(
				'By 91 AD the Huns had reached the Turan Depression. The _____ moved west.',
				'Hun Empire'
			)
		).toBe(true);
	});

	it('but not by unrelated words', () => {
		expect(givenAway('Many Kazakhs fled to China in 1916 after the revolt.', 'Kyrgyz')).toBe(false);
		expect(givenAway('The Golden Horde ruled the steppe for two centuries.', 'Batu')).toBe(false);
	});
});

describe('bounds of a range', () => {
	it('are refused as the blank of a figure', () => {
		for (const prompt of [
			'Because of that policy, between _____ and 15 per cent of the population were immigrants.',
			'Many more arrived between 1953 and _____, during the Virgin Lands Campaign.',
			'Between _____ BC and 500 AD Kazakhstan was home to the Saka.',
			'Human activity began one million–_____ years ago in the Karatau Mountains.',
			'Modern humans appeared from _____ to 12,000 years ago in southern Kazakhstan.',
			'Numeracy increased from approximately 72% in _____ to approximately 88% in 1880.'
		])
			expect(RANGE_BOUND.test(prompt), prompt).toBe(true);
	});

	it('but a single year is not', () => {
		expect(RANGE_BOUND.test('The Trans-Aral Railway was completed in _____.')).toBe(false);
	});
});

describe('names of states and rivers', () => {
	it('are not taken for people (whose surname alone is accepted)', () => {
		const sentence =
			'Several states flourished; the best known were the Kangar Union and the Kara-Khanid Kaganate.';
		const { doc, ctx } = contextOf([sentence, 'Transoxiana lay north of the Amu Darya river.']);
		const statement: Statement = {
			lesson: doc.lessons[0],
			sentence: doc.lessons[0].sentences[0],
			text: sentence,
			quoted: [],
			order: 0
		};
		const kaganate = findNames(statement, ctx).find((n) => n.text === 'Kara-Khanid Kaganate');
		expect(kaganate?.kind).not.toBe('person');
	});
});

describe('dates', () => {
	it('never ask for the year of a full date, most often the report’s own', () => {
		expect(DAY_OF_DATE.test('On Feb. 20, _____, Antarctic sea ice reached its minimum.')).toBe(
			true
		);
		expect(DAY_OF_DATE.test('In _____ the Trans-Aral Railway was completed.')).toBe(false);
	});
});

describe('the speaker of a text', () => {
	it('is not given the office of another person named beside him', () => {
		const speaker = inferSpeaker([
			'NASA Administrator Bill Nelson said the rover will explore the Moon.',
			'President Biden and Prime Minister Kishida announced a shared goal.',
			'Prime Minister Kishida and President Biden met in Washington.',
			'Bill Nelson said that Japan will build the rover.',
			'President Biden welcomed the agreement, Bill Nelson said.'
		]);
		expect(speaker?.name).toBe('Bill Nelson');
		expect([speaker?.title, ...(speaker?.titleVariants ?? [])]).not.toContain('Prime Minister');
	});
});

describe('a named document', () => {
	const topics: Record<string, string> = {
		constitution: 'communication',
		government: 'group',
		oral: 'communication'
	};
	const lexicon: Lexicon = { ...EMPTY_LEXICON, nounTopic: (w) => topics[w] ?? null };
	const reboot =
		'On the basis of the updated Constitution, the most important political institutions will be rebooted.';

	it('is a key though its word is everyday English: "the updated Constitution"', () => {
		expect(namedDocument('Constitution', reboot, new Set(), lexicon)).toBe(true);
	});

	it('is not a body ("the Government"), a place ("modern Oral") or a word the text writes in lower case', () => {
		expect(
			namedDocument('Government', 'The Government must finish the road.', new Set(), lexicon)
		).toBe(false);
		expect(
			namedDocument('Oral', 'The forts became Yaitsk (modern Oral).', new Set(), lexicon)
		).toBe(false);
		expect(namedDocument('Constitution', reboot, new Set(['constitution']), lexicon)).toBe(false);
	});
});
