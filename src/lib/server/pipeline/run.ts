import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { dev } from '$app/environment';
import { buildLessons } from '$lib/content';
import { generateBank } from '$lib/quiz/generate/bank';
import { loadLexicon } from '../lexicon';
import type { ProcessedText } from '../sources';
import type { PipelineStep, WorkerReply } from './messages';

export type { PipelineStep } from './messages';

// The worker of the build this server runs from, even after `build` is switched to a newer one.
const WORKER_FILE = resolve(process.env.SABAQ_BUILD_DIR ?? 'build', 'worker/pipeline.js');

/**
 * Text -> lessons -> question bank. The built server runs it in a worker thread, so students'
 * requests are answered while a 2 MB import is processed; in development it runs in-process.
 */
export function processText(
	text: string,
	report: (step: PipelineStep) => void
): Promise<ProcessedText> {
	return !dev && existsSync(WORKER_FILE) ? inWorker(text, report) : inProcess(text, report);
}

function inWorker(text: string, report: (step: PipelineStep) => void): Promise<ProcessedText> {
	return new Promise((resolvePromise, reject) => {
		const worker = new Worker(WORKER_FILE);
		report({ stage: 'lessons' });
		worker.on('message', (message: WorkerReply) => {
			if (message.type === 'step') return report(message.step);
			void worker.terminate();
			if (message.type === 'done') resolvePromise(message.processed);
			else reject(new Error(message.message));
		});
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (code !== 0) reject(new Error(`The text worker stopped (exit code ${code}).`));
		});
		worker.postMessage({ text });
	});
}

const nextTurn = () => new Promise<void>((resolveTurn) => setImmediate(resolveTurn));

async function inProcess(text: string, report: (step: PipelineStep) => void) {
	report({ stage: 'lessons' });
	await nextTurn();
	const doc = buildLessons(text);
	report({ stage: 'questions', lessons: doc.lessons.length });
	await nextTurn();
	return { doc, bank: generateBank(doc, loadLexicon()) };
}
