import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLessons } from './index';
import { stripQuotation } from './summary';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const texts = {
	speech: read('../../../content/karaganda-speech.txt'),
	report: read('./fixtures/list-report.md'),
	news: read('./fixtures/news-report.txt')
};

describe('lesson summaries', () => {
	for (const [name, text] of Object.entries(texts)) {
		it(`do not repeat the opening sentences the lesson text starts with (${name})`, () => {
			for (const lesson of buildLessons(text).lessons) {
				// Lessons too short to have other whole sentences are left as they are.
				if (lesson.sentences.length < 3) continue;
				const opening = lesson.sentences.slice(0, 2).map((s) => stripQuotation(s.text));
				for (const sentence of opening)
					expect(lesson.summary, lesson.title).not.toContain(sentence);
			}
		});
	}

	it('still summarise a lesson of two sentences with them', () => {
		const doc = buildLessons(
			'The Aral Sea was once the fourth largest lake in the world. Its rivers were diverted in the 1960s to water cotton fields in the desert.'
		);
		expect(doc.lessons[0].summary).toContain('Aral Sea');
	});
});
