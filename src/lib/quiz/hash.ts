import { fnv1a, mulberry32, shuffle } from './random';

export { fnv1a };

/** Short stable id: two FNV-1a rounds in base36. */
export function stableId(...parts: string[]): string {
	const text = parts.join('\u241f');
	const a = fnv1a(text).toString(36).padStart(7, '0');
	const b = fnv1a(text + '#')
		.toString(36)
		.padStart(7, '0');
	return a + b.slice(0, 3);
}

/** Fisher-Yates shuffle of a copy, driven by a seed. */
export function seededShuffle<T>(items: readonly T[], seed: number | string): T[] {
	return shuffle(items, mulberry32(typeof seed === 'number' ? seed : fnv1a(seed)));
}
