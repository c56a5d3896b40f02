/**
 * Topical segmentation of a run of paragraphs (no headings inside). Each gap between paragraphs
 * gets a boundary score from lexical cohesion (TextTiling-style comparison of the paragraphs on
 * either side, with TF-IDF weights) plus generic discourse cues; dynamic programming then picks
 * the boundaries that maximise the total score under lesson-size limits. Cost is linear in the
 * number of paragraphs.
 */
import type { AnalysedSentence } from './nlp';
import { cueScore, opensWithQuote } from './cues';
import { addInto, cosine, inverseFrequencies, termCounts, weighted, type Vector } from './terms';

export interface Unit {
	text: string;
	sentences: AnalysedSentence[];
	words: number;
	/** An item of a bulleted or numbered list in the text. */
	listItem?: boolean;
	/** A block of verse: it stays with the prose around it. */
	verse?: boolean;
}

export const MIN_LESSON_WORDS = 80;
const MAX_LESSON_WORDS = 700;
const MAX_LESSON_PARAGRAPHS = 8;
/** Longest run of paragraphs the search considers for one lesson. */
const MAX_SPAN = 16;

export const tuning = {
	threshold: 0.8,
	cueWeight: 1.5,
	window: 2,
	shortWords: 100,
	longWords: 500,
	agenda: 0.5
};

/**
 * links[s][k - s - 1]: paragraph k's first sentence repeats a distinctive term of paragraph s. An
 * opening paragraph often names the agenda ("education, healthcare, sports") that later ones
 * take up one by one, so such paragraphs belong with it.
 */
function agendaLinks(units: Unit[], counts: Vector[], idf: Map<string, number>): number[][] {
	const distinctive = Math.log((units.length + 1) / Math.max(2, units.length * 0.2));
	const openers = units.map((u) => termCounts(u.sentences.slice(0, 1)));
	return units.map((_, s) => {
		const row: number[] = [];
		for (let k = s + 1; k < Math.min(units.length, s + MAX_SPAN); k++) {
			let linked = 0;
			if (!opensWithQuote(units[k].text))
				for (const term of openers[k].keys())
					if ((idf.get(term) ?? 0) >= distinctive && counts[s].has(term)) linked = 1;
			row.push(linked);
		}
		return row;
	});
}

/** Boundary score for the gap before each paragraph (index 0 is unused). */
export function gapScores(units: Unit[], counts: Vector[], idf: Map<string, number>): number[] {
	const vectors = counts.map((c) => weighted(c, idf));
	const w = tuning.window;
	const block = (from: number, to: number, nearEnd: boolean): Vector => {
		const v: Vector = new Map();
		for (let i = Math.max(0, from); i < Math.min(units.length, to); i++) {
			// Paragraphs nearer the gap count more.
			const distance = nearEnd ? to - i : i - from + 1;
			addInto(v, vectors[i], 1 / distance);
		}
		return v;
	};
	const firstProse = units.findIndex((u) => !u.verse);
	const sims = [0];
	for (let g = 1; g < units.length; g++)
		sims.push(cosine(block(g - w, g, true), block(g, g + w, false)));
	const mean = sims.slice(1).reduce((a, b) => a + b, 0) / Math.max(1, sims.length - 1);
	const sd = Math.sqrt(
		sims.slice(1).reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, sims.length - 1)
	);
	return sims.map((sim, g) => {
		if (g === 0) return 0;
		// Verse belongs to the prose that quotes it; verse that opens the run (an epigraph) to the
		// prose after it.
		if (units[g].verse || (units[g - 1].verse && (firstProse === -1 || g <= firstProse)))
			return -Infinity;
		// Reported speech continues the paragraph that introduces it.
		if (opensWithQuote(units[g].text) && !opensWithQuote(units[g - 1].text)) return -Infinity;
		const cue = cueScore(units[g].sentences[0]?.text ?? units[g].text);
		return (mean - sim) / (sd || 1) + tuning.cueWeight * cue;
	});
}

/** Start indexes of the segments (always begins with 0). */
export function segmentUnits(units: Unit[]): number[] {
	const n = units.length;
	const total = units.reduce((a, u) => a + u.words, 0);
	if (n < 2 || total < MIN_LESSON_WORDS * 2) return [0];
	// The words of quoted verse say little about where the prose around it changes topic.
	const counts = units.map((u) => (u.verse ? new Map() : termCounts(u.sentences)));
	const idf = inverseFrequencies(counts);
	const gaps = gapScores(units, counts, idf);
	const links = agendaLinks(units, counts, idf);
	const prefix = [0];
	for (const u of units) prefix.push(prefix[prefix.length - 1] + u.words);

	// best[i]: best total for paragraphs [0, i) when a segment ends at i.
	const best = new Array<number>(n + 1).fill(-Infinity);
	const back = new Array<number>(n + 1).fill(-1);
	best[0] = 0;
	for (let end = 1; end <= n; end++) {
		for (let start = end - 1; start >= Math.max(0, end - MAX_SPAN); start--) {
			if (best[start] === -Infinity || gaps[start] === -Infinity) continue;
			const words = prefix[end] - prefix[start];
			if (words < MIN_LESSON_WORDS && !(start === 0 && end === n)) continue;
			let value = best[start] + sizePenalty(words, end - start);
			if (start > 0) value += gaps[start] - tuning.threshold;
			for (let k = start + 1; k < end; k++) value += tuning.agenda * links[start][k - start - 1];
			if (value > best[end]) {
				best[end] = value;
				back[end] = start;
			}
		}
	}
	if (best[n] === -Infinity) return [0];
	const starts: number[] = [];
	for (let i = n; i > 0; i = back[i]) starts.push(back[i]);
	return starts.reverse();
}

/** Soft preference for lessons of a readable size. */
function sizePenalty(words: number, paragraphs: number): number {
	let p = 0;
	if (words > tuning.longWords) p -= (words - tuning.longWords) / 150;
	if (words > MAX_LESSON_WORDS) p -= (words - MAX_LESSON_WORDS) / 50;
	if (paragraphs > MAX_LESSON_PARAGRAPHS) p -= paragraphs - MAX_LESSON_PARAGRAPHS;
	if (words < tuning.shortWords) p -= (tuning.shortWords - words) / 50;
	return p;
}
