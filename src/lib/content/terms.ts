/** Content terms of analysed text: the vocabulary used for cohesion, titles and summaries. */
import type { AnalysedSentence, Token } from './nlp';

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB']);

/** Frequent reporting and filler words that say nothing about the topic. */
const GENERIC = new Set(
	(
		'say said says tell told note noted state stated add added also year years time new way thing ' +
		'make made need needs necessary important take given give must should would could may might ' +
		'one many much more most other such same certain well able know known want see seen use used ' +
		'include including begin began continue become becomes particular special main various'
	).split(' ')
);

export function isContentToken(t: Token): boolean {
	return (
		CONTENT_POS.has(t.pos) &&
		!t.stop &&
		t.normal.length > 2 &&
		/^\p{L}[\p{L}'-]*$/u.test(t.normal) &&
		!GENERIC.has(t.normal) &&
		!GENERIC.has(t.stem)
	);
}

/** Term frequencies (by stem) of a group of sentences. */
export function termCounts(sentences: AnalysedSentence[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const s of sentences)
		for (const t of s.tokens) {
			if (!isContentToken(t)) continue;
			const weight = t.pos === 'VERB' ? 0.5 : 1;
			counts.set(t.stem, (counts.get(t.stem) ?? 0) + weight);
		}
	return counts;
}

export type Vector = Map<string, number>;

export function addInto(target: Vector, source: Vector, factor = 1): void {
	for (const [k, v] of source) target.set(k, (target.get(k) ?? 0) + v * factor);
}

export function cosine(a: Vector, b: Vector): number {
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (const [k, v] of a) {
		na += v * v;
		const w = b.get(k);
		if (w) dot += v * w;
	}
	for (const v of b.values()) nb += v * v;
	return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Inverse document frequency of each term over the given units (paragraphs or lessons). */
export function inverseFrequencies(units: Vector[]): Map<string, number> {
	const df = new Map<string, number>();
	for (const u of units) for (const k of u.keys()) df.set(k, (df.get(k) ?? 0) + 1);
	const idf = new Map<string, number>();
	for (const [k, n] of df) idf.set(k, Math.log((units.length + 1) / n));
	return idf;
}

export function weighted(v: Vector, idf: Map<string, number>): Vector {
	const out: Vector = new Map();
	for (const [k, n] of v) out.set(k, (n >= 1 ? 1 + Math.log(n) : n) * (idf.get(k) ?? 0));
	return out;
}
