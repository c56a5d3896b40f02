/** Wording shared by pages: percentages and counted words. */

/** A share from 0 to 1 as a whole percent (0.756 → "76%"); a dash when there is none yet. */
export function percent(share: number | null | undefined): string {
	return share === null || share === undefined || Number.isNaN(share)
		? '—'
		: `${Math.round(share * 100)}%`;
}

/** The word that goes with a count: `plural(1, 'attempt')` is "attempt", any other count "attempts". */
export function plural(count: number, one: string, many = `${one}s`): string {
	return count === 1 ? one : many;
}
