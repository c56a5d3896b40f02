import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withLocale } from '../i18n';
import { MAX_NICKNAME } from '$lib/quiz/live/game';
import { localizeLiveMessage } from './messages';

// Every refusal the live game's core and server module word in English reaches a player or a
// teacher in their language: read from the sources, so a new refusal without a translation fails.
const sources = ['src/lib/quiz/live/game.ts', 'src/lib/server/live/games.ts'];
const refusals = [
	...new Set(
		sources.flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/message: (?:[^'\n]*\? )?'([^']+)'/g)].map(
				(match) => match[1]
			)
		)
	),
	// The ternaries' other branches and the templated one.
	'Type an answer.',
	'This game is only for the students of its class.',
	'This game is only for the students of its class: sign in first.',
	`A nickname has at most ${MAX_NICKNAME} characters.`
];

describe('live game refusals', () => {
	it('are all found in the sources', () => {
		expect(refusals).toContain('Too late: this question has closed.');
		expect(refusals.length).toBeGreaterThan(10);
	});

	it.each(['kk', 'ru'] as const)('are all in %s', (locale) => {
		const english = withLocale(locale, () =>
			refusals.filter((text) => /[A-Za-z]{2}/.test(localizeLiveMessage(text)))
		);
		expect(english).toEqual([]);
	});

	it('stay as they are in English', () => {
		for (const text of refusals)
			expect(withLocale('en', () => localizeLiveMessage(text))).toBe(text);
	});
});
