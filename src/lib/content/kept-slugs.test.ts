import { describe, expect, it } from 'vitest';
import { keptSlugs } from './kept-slugs';
import type { Lesson } from './types';

const lesson = (slug: string, paragraphs: string[]) => ({ slug, paragraphs }) as unknown as Lesson;

describe('slugs kept when a text is edited', () => {
	it('a lesson mostly made of a stored lesson keeps its slug, though its title changed', () => {
		const stored = [{ slug: 'old-title', paragraphs: ['a', 'b', 'c'] }];
		expect(keptSlugs([lesson('new-title', ['a', 'b', 'x'])], stored)).toEqual(['old-title']);
	});

	it('less than half in common: the lesson keeps its own slug', () => {
		const stored = [{ slug: 'old-title', paragraphs: ['a', 'b', 'c'] }];
		expect(keptSlugs([lesson('new-title', ['a', 'x', 'y'])], stored)).toEqual(['new-title']);
	});

	it('a lesson takes the closest stored slug; a slug taken by an earlier lesson is not given twice', () => {
		const stored = [
			{ slug: 'far', paragraphs: ['a', 'b', 'x', 'y'] },
			{ slug: 'near', paragraphs: ['a', 'b', 'c', 'y'] }
		];
		const lessons = [lesson('one', ['a', 'b', 'c', 'd']), lesson('two', ['a', 'b', 'c', 'd'])];
		expect(keptSlugs(lessons, stored)).toEqual(['near', 'far']);
	});

	it('a new lesson whose slug a matched lesson now holds is numbered', () => {
		const stored = [{ slug: 'water', paragraphs: ['a', 'b'] }];
		const lessons = [
			lesson('rivers', ['a', 'b']),
			lesson('water', ['y', 'z']),
			lesson('water', ['q'])
		];
		expect(keptSlugs(lessons, stored)).toEqual(['water', 'water-2', 'water-3']);
	});

	it('changes nothing it is given (a pure function)', () => {
		const lessons = [lesson('new-title', ['a', 'b'])];
		keptSlugs(lessons, [{ slug: 'old-title', paragraphs: ['a', 'b'] }]);
		expect(lessons[0].slug).toBe('new-title');
	});
});
