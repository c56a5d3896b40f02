import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../content/types';
import { leanReason } from './prompt-text';
import { buildContext } from './profile';
import { firstReportedExtract } from './reported-speech';
import { lessonStatements } from './statements';

const POPE =
	'"Recently, Pope Francis, who, as you know, visited Kazakhstan in September, said in one of his sermons that our country appears as a "place of meeting and dialogue ...", is "an engine in the promotion of peace and human brotherhood ...", puts at the center "efforts to create a world where they listen to and respect each other ...".';
const AFTER =
	'These words of the Pontiff and one of the most authoritative spiritual leaders of mankind characterize Kazakhstan very capaciously and highlight our values.';

/** A lesson of one paragraph after an opening one that says which country the text is about. */
function lessonOf(paragraph: string[]): SourceDocument {
	const opening = [
		'Kazakhstan is the largest country of Central Asia.',
		'Kazakhstan borders China.',
		'Astana is the capital of Kazakhstan.'
	];
	return {
		title: 'Kazakhstan and its values',
		credit: '',
		lessons: [
			{
				slug: 'values',
				title: 'Values',
				topic: '',
				summary: '',
				paragraphs: [opening.join(' '), paragraph.join(' ')],
				sentences: [
					...opening.map((text, i) => ({ index: i + 1, paragraph: 0, text })),
					...paragraph.map((text, i) => ({ index: i + 4, paragraph: 1, text }))
				],
				figures: [],
				entities: [],
				wordCount: 80,
				readingMinutes: 1
			}
		]
	};
}

describe('reported speech told through cut quotations', () => {
	it('is told up to its first extract, without the cut, the quote marks and the asides', () => {
		expect(firstReportedExtract(POPE)).toBe(
			'Pope Francis, who visited Kazakhstan in September, said in one of his sermons that our country appears as a place of meeting and dialogue.'
		);
	});

	it('is not made of a sentence that quotes without reporting, nor of one without a cut', () => {
		expect(firstReportedExtract('He wrote: "We shall go to the Moon ..."')).toBeNull();
		expect(firstReportedExtract('The report said that "growth" was slow.')).toBeNull();
	});

	it('becomes a statement of its lesson that no later sentence leans on', () => {
		const doc = lessonOf([POPE, AFTER]);
		const statements = lessonStatements(doc.lessons[0], buildContext(doc));
		expect(statements.filter((s) => s.sentence.paragraph === 1).map((s) => s.text)).toEqual([
			'Pope Francis, who visited Kazakhstan in September, said in one of his sermons that Kazakhstan appears as a place of meeting and dialogue.'
		]);
	});

	it('keeps its pronoun when the person is the blank a relative clause describes', () => {
		const prompt =
			'Complete the sentence from the speech: _____, who visited Kazakhstan in September, said in one of his sermons that Kazakhstan appears as a place of meeting and dialogue.';
		expect(leanReason(prompt)).toBeNull();
		expect(leanReason(prompt.replace('_____, who visited', '_____ visited'))).toBe(
			'"his" without antecedent'
		);
	});
});
