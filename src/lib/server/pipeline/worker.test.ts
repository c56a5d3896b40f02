import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { buildLessons } from '$lib/content';
import { generateBank } from '$lib/quiz/generate/bank';
import { loadLexicon } from '../lexicon';
import { runWorker, type PipelineStep } from './run';

// The worker as the server runs it: bundled by vite.worker.config.ts (as `npm run build` does),
// into a folder of its own inside the project (its packages load from node_modules, as in the
// server's build), then started as a real worker thread.
let dir: string;
let workerFile: string;

beforeAll(async () => {
	const cache = resolve('node_modules/.cache');
	mkdirSync(cache, { recursive: true });
	dir = mkdtempSync(join(cache, 'sabaq-pipeline-worker-'));
	await build({
		configFile: 'vite.worker.config.ts',
		build: { outDir: dir, emptyOutDir: true },
		logLevel: 'silent'
	});
	workerFile = join(dir, 'pipeline.js');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the pipeline worker thread', () => {
	it('turns a text into the lessons and bank the pipeline makes, reporting each stage', async () => {
		const text = readFileSync('tests/fixtures/texts/river-flood-report.txt', 'utf8');
		const steps: PipelineStep[] = [];
		const processed = await runWorker(workerFile, text, (step) => steps.push(step));

		const doc = buildLessons(text);
		expect(doc.lessons.length).toBeGreaterThan(1);
		expect(steps).toEqual([
			{ stage: 'lessons' },
			{ stage: 'questions', lessons: doc.lessons.length }
		]);
		// The same lessons and questions as in this thread: generation is deterministic.
		expect(processed.doc).toEqual(doc);
		const bank = generateBank(doc, loadLexicon());
		expect(Object.values(bank).flat().length).toBeGreaterThan(0);
		expect(processed.bank).toEqual(bank);
	});

	it('answers each text it is given with that text’s lessons', async () => {
		const [a, b] = await Promise.all([
			runWorker(workerFile, 'The river rose in spring.', () => {}),
			runWorker(workerFile, 'The lake froze in winter.', () => {})
		]);
		expect(a.doc.lessons[0].paragraphs).toEqual(['The river rose in spring.']);
		expect(b.doc.lessons[0].paragraphs).toEqual(['The lake froze in winter.']);
	});
});
