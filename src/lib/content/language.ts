/**
 * The language of a text, by its letters: mostly Cyrillic is Kazakh when letters only Kazakh uses
 * (ә ғ қ ң ө ұ ү һ і) are there, else Russian; mostly Latin is taken for English. A heuristic for
 * the import, not a language identifier: it tells texts of this app's three languages apart.
 */
export type TextLanguage = 'en' | 'ru' | 'kk' | 'other';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
/** Share of Kazakh-only letters among the Cyrillic ones from which a text is Kazakh (they are ~5 %). */
const KAZAKH_SHARE = 0.005;
/** Letters read: enough to decide, so a 2 MB text costs no more than a page. */
const SAMPLE_LETTERS = 20_000;

export function detectLanguage(text: string): TextLanguage {
	let letters = 0;
	let cyrillic = 0;
	let latin = 0;
	let kazakh = 0;
	for (const char of text) {
		if (!/\p{L}/u.test(char)) continue;
		letters++;
		if (CYRILLIC.test(char)) {
			cyrillic++;
			if (KAZAKH_ONLY.test(char)) kazakh++;
		} else if (LATIN.test(char)) latin++;
		if (letters >= SAMPLE_LETTERS) break;
	}
	if (letters === 0) return 'other';
	if (cyrillic / letters >= 0.5) {
		return kazakh >= 2 && kazakh / cyrillic >= KAZAKH_SHARE ? 'kk' : 'ru';
	}
	return latin / letters >= 0.5 ? 'en' : 'other';
}
