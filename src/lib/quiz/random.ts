/** Seeded, deterministic randomness (no crypto: quiz draws must be reproducible from a seed). */

export type Rng = () => number;

/** FNV-1a 32-bit hash of a string. Pure and stable across runs and platforms. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** FNV-1a mixed with a murmur finaliser: seeds that differ by one character spread apart. */
export function hashString(text: string): number {
	let h = fnv1a(text);
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** mulberry32: a small, fast PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A PRNG seeded from a string: the same seed always gives the same sequence. */
export function createRng(seed: string): Rng {
	return mulberry32(hashString(seed));
}

/** Integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
	return Math.floor(rng() * n);
}

/** Fisher–Yates shuffle; returns a new array and leaves the input alone. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(rng, i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
