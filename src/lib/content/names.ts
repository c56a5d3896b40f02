/** Spelling-tolerant keys for names: Tokayev/Tokaev, Zhomart/Jomart, Bokeykhan/Bukeihan. */
import { levenshtein } from './distance';

export function phoneticKey(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['\u2019]s\b/g, '')
		.replace(/[^a-z\u0400-\u04ff ]+/g, '')
		.replace(/zh/g, 'j')
		.replace(/kh/g, 'h')
		.replace(/ck/g, 'k')
		.replace(/([aeiou])y([aeiou])/g, '$1$2')
		.replace(/y/g, 'i')
		.replace(/([a-z])\1+/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Two name words are the same name: equal keys, or close keys for longer words. */
export function sameNameWord(a: string, b: string): boolean {
	const ka = phoneticKey(a);
	const kb = phoneticKey(b);
	if (ka === kb) return true;
	return Math.min(ka.length, kb.length) >= 7 && levenshtein(ka, kb) <= 1;
}
