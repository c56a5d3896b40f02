import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../content/index';
import { documentTerms, termChoiceCandidate } from './candidates/terms';
import {
	abstractSense,
	isHypernym,
	isPlural,
	nearSynonyms,
	nounKind,
	sameStem,
	singular
} from './nouns';
import { buildRegistry } from './analyse';
import type { MultipleChoiceQuestion } from '../types';

describe('noun kinds', () => {
	it('sorts common nouns by coarse kind', () => {
		const vocabulary = new Set(['train', 'teach', 'work', 'mine']);
		expect(nounKind('teacher')).toBe('person');
		expect(nounKind('trainer-teacher', vocabulary)).toBe('person');
		expect(nounKind('specialists')).toBe('person');
		expect(nounKind('miners', vocabulary)).toBe('person');
		expect(nounKind('water', vocabulary)).toBe('material');
		expect(nounKind('copper', vocabulary)).toBe('material');
		expect(nounKind('order', vocabulary)).toBe('other');
		expect(nounKind('enterprises')).toBe('organization');
		expect(nounKind('university')).toBe('organization');
		expect(nounKind('villages')).toBe('place');
		expect(nounKind('responsibility')).toBe('abstract');
		expect(nounKind('introduction')).toBe('abstract');
		expect(nounKind('values')).toBe('abstract');
		expect(nounKind('nation')).toBe('group');
		expect(nounKind('horses')).toBe('animal');
		expect(nounKind('wage')).toBe('money');
		expect(nounKind('landscaping')).toBe('activity');
		expect(nounKind('tennis')).toBe('other');
		expect(nounKind('guarantee')).toBe('other');
	});

	it('tells number, stems, synonyms and covering words', () => {
		expect(singular('enterprises')).toBe('enterprise');
		expect(singular('cities')).toBe('city');
		expect(isPlural('tennis')).toBe(false);
		expect(isPlural('peoples')).toBe(true);
		expect(isPlural('responsibility')).toBe(false);
		expect(sameStem('production', 'producer')).toBe(true);
		expect(sameStem('water', 'coal')).toBe(false);
		expect(nearSynonyms('enterprises', 'companies')).toBe(true);
		expect(nearSynonyms('justice', 'equity')).toBe(true);
		expect(nearSynonyms('water', 'coal')).toBe(false);
		expect(isHypernym('people')).toBe(true);
		expect(isHypernym('miners')).toBe(false);
	});

	it('splits abstract nouns into values, qualities, fields and processes', () => {
		expect(abstractSense('values')).toBe('idea');
		expect(abstractSense('responsibility')).toBe('quality');
		expect(abstractSense('economy')).toBe('domain');
		expect(abstractSense('modernization')).toBe('process');
	});
});

describe('vocabulary multiple choice', () => {
	const doc = buildLessons(readFileSync('content/karaganda-speech.txt', 'utf8'));
	const registry = buildRegistry(doc);
	const terms = documentTerms(registry);
	const questions = registry.statements
		.map((s) => termChoiceCandidate(s, registry, 'speech', terms)?.question)
		.filter((q): q is MultipleChoiceQuestion => q?.type === 'multiple_choice');

	it('offers only wrong options of the key kind and number', () => {
		expect(questions.length).toBeGreaterThan(20);
		for (const q of questions) {
			const kind = nounKind(q.answer, terms.vocabulary);
			expect(kind).not.toBe('other');
			for (const o of q.options) {
				expect(nounKind(o, terms.vocabulary)).toBe(kind);
				expect(isPlural(o)).toBe(isPlural(q.answer));
				if (o === q.answer) continue;
				expect(sameStem(o, q.answer)).toBe(false);
				expect(q.source.sentence.toLowerCase()).not.toMatch(new RegExp(`\\b${singular(o)}`));
			}
		}
	});

	it('keeps a compound key only with options the text uses in the same compound', () => {
		const water = questions.find((q) => /named _____ supply/.test(q.prompt));
		expect(water).toBeUndefined();
		// "air tickets" is a compound of its own: no other key is offered "tickets" as a wrong option
		// (checked over every vocabulary question, so the check cannot pass by finding none).
		expect(questions.length).toBeGreaterThan(20);
		for (const q of questions)
			if (q.answer !== 'tickets') expect(q.options).not.toContain('tickets');
	});
});
