import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorker } from './run';

/** A worker that reports a step every few milliseconds and otherwise spins, never done. */
const BUSY_WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', () => {
	let last = 0;
	for (;;) {
		if (Date.now() - last > 5) {
			last = Date.now();
			parentPort.postMessage({ type: 'step', step: { stage: 'questions', lessons: 1 } });
		}
	}
});
`;

describe('the pipeline worker', () => {
	it('is ended at once when the time is up, however busy, and says why', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sabaq-worker-'));
		try {
			const file = join(dir, 'busy.mjs');
			writeFileSync(file, BUSY_WORKER);
			let steps = 0;
			const reason = new Error('Time is up.');
			const controller = new AbortController();
			const running = runWorker(file, 'Any text.', () => steps++, controller.signal);
			const result = expect(running).rejects.toBe(reason);
			// It runs: steps arrive while it spins.
			while (steps < 3) await new Promise((resolve) => setTimeout(resolve, 5));
			controller.abort(reason);
			await result;
			// Its thread is gone: no step arrives any more.
			await new Promise((resolve) => setTimeout(resolve, 100));
			const after = steps;
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(steps).toBe(after);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('does not start when the time is already up', async () => {
		const controller = new AbortController();
		controller.abort(new Error('Too late.'));
		await expect(
			runWorker('/nonexistent/worker.mjs', 'Text.', () => {}, controller.signal)
		).rejects.toThrow('Too late.');
	});
});
