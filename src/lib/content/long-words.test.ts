import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildLessons } from './index';
import { dropOverlongWords, MAX_WORD_CHARS, normaliseText } from './clean';
import { generateBank } from '../quiz/generate/bank';
import { EMPTY_LEXICON as lexicon } from '../quiz/generate/lexicon';

const prose = readFileSync('src/lib/content/fixtures/news-report.txt', 'utf8');

describe('words longer than any word', () => {
	it('are dropped before anything reads the text; words up to the limit stay', () => {
		const longest = 'x'.repeat(MAX_WORD_CHARS);
		expect(dropOverlongWords(`a ${longest} b ${longest}y c`)).toBe(`a ${longest} b  c`);
		expect(dropOverlongWords('a\n' + 'z'.repeat(100_000) + '\nb')).toBe('a\n\nb');
		// The first step of every text's cleaning.
		expect(normaliseText(`One ${'z'.repeat(MAX_WORD_CHARS + 1)}\ntwo`)).toBe('One\ntwo');
	});

	it('leave the lessons and the questions exactly as the text without them makes them', () => {
		const paragraphs = prose.split('\n\n');
		const noisy = [
			...paragraphs.slice(0, 2),
			'a'.repeat(100 * 1024),
			`${paragraphs[2]} ${'b'.repeat(25 * 1024)}`,
			...paragraphs.slice(3)
		].join('\n\n');
		const clean = buildLessons(prose);
		const doc = buildLessons(noisy);
		expect(doc).toEqual(clean);
		expect(generateBank(doc, lexicon)).toEqual(generateBank(clean, lexicon));
		const words = doc.lessons.flatMap((l) => l.paragraphs.join(' ').split(/\s+/));
		expect(Math.max(...words.map((w) => w.length))).toBeLessThanOrEqual(MAX_WORD_CHARS);
	});

	it('make a text of one 100 KB word no lesson, rather than a long wait', () => {
		expect(buildLessons('a'.repeat(100 * 1024)).lessons).toEqual([]);
	});
});
