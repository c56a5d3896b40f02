/**
 * A message split around one of its values, so the value can be marked up (a title in its own
 * language): `around((slot) => m.lessons_from_title({ count, title: slot }))` gives the text before
 * and after the title in the page's word order.
 */
const SLOT = '\u0000';

export function around(message: (slot: string) => string): [string, string] {
	const [before, after = ''] = message(SLOT).split(SLOT);
	return [before, after];
}
