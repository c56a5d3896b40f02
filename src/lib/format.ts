/** Wording shared by pages: percentages and counted words. */

import { formatPercent } from '$lib/i18n/format';

/**
 * A share from 0 to 1 as a whole percent in the page's language (0.756 → "76%", "76 %" in
 * Russian); a dash when there is none yet.
 */
export function percent(share: number | null | undefined): string {
	return formatPercent(share);
}

/** The word that goes with a count: `plural(1, 'attempt')` is "attempt", any other count "attempts". */
export function plural(count: number, one: string, many = `${one}s`): string {
	return count === 1 ? one : many;
}
