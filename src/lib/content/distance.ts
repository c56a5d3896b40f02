/**
 * Edit distances between strings, for the whole core. Two measures, because two questions are asked:
 * - `levenshtein` compares spellings of a name ("Tokayev" / "Tokaev", phonetic keys): a
 *   transliteration adds, drops or replaces letters, and two swapped letters are two changes.
 * - `editDistance` compares a typed answer with its key: a slip of the fingers swaps neighbours
 *   ("ermkeov"), which counts as one typo.
 */

/** Levenshtein distance: insertions, deletions and substitutions (UTF-16 units). */
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

/**
 * Optimal string alignment (restricted Damerau–Levenshtein) distance over code points: as
 * `levenshtein`, and a swap of two neighbouring characters is one edit.
 */
export function editDistance(a: string, b: string): number {
	const x = [...a];
	const y = [...b];
	const rows = x.length + 1;
	const cols = y.length + 1;
	const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
	for (let i = 0; i < rows; i++) d[i][0] = i;
	for (let j = 0; j < cols; j++) d[0][j] = j;
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = x[i - 1] === y[j - 1] ? 0 : 1;
			let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
				v = Math.min(v, d[i - 2][j - 2] + 1);
			}
			d[i][j] = v;
		}
	}
	return d[rows - 1][cols - 1];
}
