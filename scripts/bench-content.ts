/**
 * Times the content pipeline: the bundled speech, a ~1 MB synthetic text made from the test
 * fixtures with varied numbers and names, a "word" of one repeated letter and 2 MB of the longest
 * words. Prints the median of several runs after a warm-up.
 *   npm run bench:content
 */
import { readFileSync } from 'node:fs';
import { buildLessons } from '../src/lib/content/index';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const speech = read('content/karaganda-speech.txt');
const fixtures = [
	speech,
	read('src/lib/content/fixtures/news-report.txt'),
	read('src/lib/content/fixtures/encyclopedia.md'),
	read('src/lib/content/fixtures/list-report.md'),
	read('src/lib/content/fixtures/no-blank-lines.txt')
];

/** Deterministic pseudo-random numbers so every run measures the same text. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function syntheticText(targetBytes: number): string {
	const next = random(42);
	const names = ['Aral', 'Irtysh', 'Ishim', 'Tobol', 'Emba', 'Ural', 'Chu', 'Talas', 'Ili', 'Nura'];
	const paragraphs = fixtures.flatMap((f) => f.split(/\n\s*\n/).slice(1));
	const out: string[] = ['# Synthetic benchmark text'];
	let size = 0;
	let section = 0;
	while (size < targetBytes) {
		out.push(`## Section ${++section} on the ${names[section % names.length]} basin`);
		const count = 6 + Math.floor(next() * 10);
		for (let i = 0; i < count; i++) {
			const p = paragraphs[Math.floor(next() * paragraphs.length)]
				.replace(/\d+/g, (d) => String(Number(d) + Math.floor(next() * 50)))
				.replace(/Karaganda/g, () => names[Math.floor(next() * names.length)]);
			out.push(p.replace(/^#+\s.*$/gm, '').trim());
			size += p.length;
		}
	}
	return out.filter(Boolean).join('\n\n');
}

function measure(label: string, text: string, runs: number): void {
	buildLessons(text);
	const times: number[] = [];
	let doc = buildLessons(text);
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		doc = buildLessons(text);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	const paragraphs = doc.lessons.reduce((a, l) => a + l.paragraphs.length, 0);
	const sentences = doc.lessons.reduce((a, l) => a + l.sentences.length, 0);
	const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
	console.log(
		`${label.padEnd(16)} ${kb.padStart(6)} KB  median ${median.toFixed(0).padStart(6)} ms  ` +
			`lessons ${doc.lessons.length}  paragraphs ${paragraphs}  sentences ${sentences}`
	);
}

measure('speech', speech, 9);
measure('synthetic 1 MB', syntheticText(1024 * 1024), 3);
// One letter held down: no word, so no lesson, and time linear in the length (clean.ts).
measure('one letter 25KB', 'a'.repeat(25 * 1024), 5);
measure('one letter 100KB', 'a'.repeat(100 * 1024), 5);
// The longest words read as words, one after another up to 2 MB.
measure('100-letter words', `${'a'.repeat(100)} `.repeat((2 * 1024 * 1024) / 101), 3);
