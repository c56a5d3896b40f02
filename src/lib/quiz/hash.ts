/** FNV-1a 32-bit hash of a string. Pure and stable across runs and platforms. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** Short stable id: two FNV-1a rounds in base36. */
export function stableId(...parts: string[]): string {
	const text = parts.join('\u241f');
	const a = fnv1a(text).toString(36).padStart(7, '0');
	const b = fnv1a(text + '#')
		.toString(36)
		.padStart(7, '0');
	return a + b.slice(0, 3);
}

/** Small seeded generator (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher-Yates shuffle of a copy, driven by a seed. */
export function seededShuffle<T>(items: readonly T[], seed: number | string): T[] {
	const random = seededRandom(typeof seed === 'number' ? seed : fnv1a(seed));
	const copy = items.slice();
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}
