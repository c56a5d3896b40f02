import { describe, expect, it } from 'vitest';
import { gradeResponse } from '../grade';
import type { FillBlankQuestion } from '../types';
import type { Candidate } from './candidate';
import { acceptSurname, acceptSynonyms } from './bank';
import { EMPTY_LEXICON, type Lexicon } from './lexicon';

const lexicon: Lexicon = {
	...EMPTY_LEXICON,
	nounSynonyms: (word) => (word === 'homeland' ? ['fatherland', 'motherland', 'native land'] : [])
};

function fill(answer: string, key: string): Candidate {
	const question: FillBlankQuestion = {
		id: 'q1',
		type: 'fill_blank',
		prompt: 'There is no better virtue than love for one’s _____.',
		options: [],
		answer,
		accept: [],
		explanation: 'The speech says so.',
		difficulty: 0.5,
		source: {
			paragraph: 0,
			sentence: 'There is no better virtue than love for one’s homeland.',
			sentenceIndex: 1
		}
	};
	return { question, key, score: 1 } as unknown as Candidate;
}

describe('synonyms of a typed key term', () => {
	it('are accepted by the stored question and the grader alike', () => {
		const c = fill('homeland', 'term:homeland');
		acceptSynonyms(c, lexicon);
		const q = c.question as FillBlankQuestion;
		expect(q.accept).toEqual(['fatherland', 'motherland', 'native land']);
		expect(gradeResponse(q, 'motherland').correct).toBe(true);
		expect(gradeResponse(q, 'Native land').correct).toBe(true);
		expect(gradeResponse(q, 'country').correct).toBe(false);
	});

	it('a full name accepts its surname, never an everyday noun that ends a name', () => {
		const nouns: Lexicon = { ...EMPTY_LEXICON, isNoun: (w) => ['railway', 'horde'].includes(w) };
		const name = fill('Saken Seifullin', 'saken seifullin');
		acceptSurname(name, nouns);
		expect((name.question as FillBlankQuestion).accept).toEqual(['Seifullin']);
		expect(gradeResponse(name.question, 'seifullin').correct).toBe(true);
		const railway = fill('Trans-Aral Railway', 'trans-aral railway');
		acceptSurname(railway, nouns);
		expect((railway.question as FillBlankQuestion).accept).toEqual([]);
	});

	it('are not added to a name', () => {
		const c = fill('homeland', 'saken seifullin');
		acceptSynonyms(c, lexicon);
		expect((c.question as FillBlankQuestion).accept).toEqual([]);
	});

	it('a named document accepts the other names of its sense, never a single everyday word', () => {
		const documents: Lexicon = {
			...EMPTY_LEXICON,
			nounTopic: (w) => (/^(?:constitution|bible)$/i.test(w) ? 'communication' : null),
			nounSynonyms: (w) =>
				/^constitution$/i.test(w)
					? ['fundamental law', 'organic law']
					: /^bible$/i.test(w)
						? ['book', 'holy scripture']
						: []
		};
		const constitution = fill('Constitution', 'constitution');
		acceptSynonyms(constitution, documents);
		expect((constitution.question as FillBlankQuestion).accept).toEqual([
			'fundamental law',
			'organic law'
		]);
		const bible = fill('Bible', 'bible');
		acceptSynonyms(bible, documents);
		expect((bible.question as FillBlankQuestion).accept).toEqual(['holy scripture']);
	});

	it('a person named with a title accepts the name without it', () => {
		const pope = fill('Pope Francis', 'popefrancis');
		acceptSurname(pope, { ...EMPTY_LEXICON, perMillion: () => 17 });
		expect((pope.question as FillBlankQuestion).accept).toEqual(['Francis']);
		expect(gradeResponse(pope.question, 'francis').correct).toBe(true);
	});
});
