import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { building, dev } from '$app/environment';
import { buildLessons } from '$lib/content';
import { bankFor } from './bank-for';
import type { ProcessedText } from '../sources';
import type { PipelineStep, WorkerReply } from './messages';

export type { PipelineStep } from './messages';

// The worker of the build this server runs from, even after `build` is switched to a newer one.
const WORKER_FILE = resolve(process.env.SABAQ_BUILD_DIR ?? 'build', 'worker/pipeline.js');

/**
 * Stops the built server at start when its import worker is missing (a build made without
 * `vite build --config vite.worker.config.ts`): imports would otherwise run on the main thread and
 * hold up every student's request for as long as a large text takes.
 */
export function requireWorkerBundle(
	production = !dev && !building,
	file = WORKER_FILE,
	exists: (path: string) => boolean = existsSync
) {
	if (production && !exists(file)) {
		throw new Error(
			`The import worker ${file} is missing, so imports would stall the server. Build with ` +
				`"npm run build" (it also builds the worker), then start again.`
		);
	}
}

/**
 * Text -> lessons -> question bank. The built server runs it in a worker thread, so students'
 * requests are answered while a 2 MB import is processed; in development it runs in-process.
 */
export function processText(
	text: string,
	report: (step: PipelineStep) => void,
	signal?: AbortSignal
): Promise<ProcessedText> {
	return !dev && existsSync(WORKER_FILE)
		? runWorker(WORKER_FILE, text, report, signal)
		: inProcess(text, report, signal);
}

/**
 * Runs the pipeline worker `file` on the text. When the signal aborts (the import's time is up)
 * the thread is ended at once, however busy, and the promise rejects with the signal's reason.
 */
export function runWorker(
	file: string,
	text: string,
	report: (step: PipelineStep) => void,
	signal?: AbortSignal
): Promise<ProcessedText> {
	return new Promise((resolvePromise, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const worker = new Worker(file);
		const stop = () => {
			void worker.terminate();
			reject(signal!.reason);
		};
		signal?.addEventListener('abort', stop, { once: true });
		worker.once('exit', () => signal?.removeEventListener('abort', stop));
		report({ stage: 'lessons' });
		worker.on('message', (message: WorkerReply) => {
			if (message.type === 'step') {
				// An error thrown in this listener would end the whole process: it ends the import.
				try {
					return report(message.step);
				} catch (error) {
					void worker.terminate();
					return reject(error);
				}
			}
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

/** In development: a time limit can only stop it between its two stages. */
async function inProcess(text: string, report: (step: PipelineStep) => void, signal?: AbortSignal) {
	report({ stage: 'lessons' });
	await nextTurn();
	signal?.throwIfAborted();
	const doc = buildLessons(text);
	report({ stage: 'questions', lessons: doc.lessons.length });
	await nextTurn();
	signal?.throwIfAborted();
	return { doc, bank: bankFor(doc) };
}
