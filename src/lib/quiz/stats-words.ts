/**
 * Item statistics in the words a teacher uses: "Got it right: 45 %", "Told strong from weak
 * students: well". The technical terms (difficulty, discrimination) go in a note beside them.
 */

export type Separation =
	'well' | 'fairly well' | 'poorly' | 'the wrong way round' | 'too few answers';

/** Discrimination from this is good, below POOR weak (the usual rule of thumb for D). */
export const GOOD_DISCRIMINATION = 0.3;
export const POOR_DISCRIMINATION = 0.2;

/** How well a question told students with high total scores from those with low ones. */
export function separation(discrimination: number | null): Separation {
	if (discrimination === null) return 'too few answers';
	if (discrimination < 0) return 'the wrong way round';
	if (discrimination < POOR_DISCRIMINATION) return 'poorly';
	if (discrimination < GOOD_DISCRIMINATION) return 'fairly well';
	return 'well';
}

export interface Ranked {
	number: number;
	answered: number;
	facility: number | null;
}

/**
 * Most missed first: the lowest share of right answers first, then the most answered, then the
 * bank's order. Questions nobody was asked are left to the caller (they have no share).
 */
export function mostMissedFirst<T extends Ranked>(questions: readonly T[]): T[] {
	return questions
		.filter((q) => q.answered > 0)
		.sort(
			(a, b) =>
				(a.facility ?? 0) - (b.facility ?? 0) || b.answered - a.answered || a.number - b.number
		);
}
