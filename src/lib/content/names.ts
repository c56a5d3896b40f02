/** Spelling-tolerant keys for names: Tokayev/Tokaev, Zhomart/Jomart, Bokeykhan/Bukeihan. */

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

/** Levenshtein distance: insertions, deletions and substitutions. */
export function levenshtein(a: string, b: string): number {
	if (a === b) return 0;
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++)
			cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		prev = cur;
	}
	return prev[b.length];
}

/** Two name words are the same name: equal keys, or close keys for longer words. */
export function sameNameWord(a: string, b: string): boolean {
	const ka = phoneticKey(a);
	const kb = phoneticKey(b);
	if (ka === kb) return true;
	return Math.min(ka.length, kb.length) >= 7 && levenshtein(ka, kb) <= 1;
}
