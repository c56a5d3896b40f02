import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireWorkerBundle } from './run';

describe('the import worker at start', () => {
	it('stops a production server whose build has no worker, naming the file and the fix', () => {
		const missing = join(tmpdir(), `sabaq-no-worker-${process.pid}`, 'worker/pipeline.js');
		expect(() => requireWorkerBundle(true, missing)).toThrow(
			`The import worker ${missing} is missing, so imports would stall the server. Build with "npm run build"`
		);
	});

	it('starts a production server whose worker is there', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sabaq-worker-'));
		const file = join(dir, 'pipeline.js');
		writeFileSync(file, '');
		try {
			expect(() => requireWorkerBundle(true, file)).not.toThrow();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('does not ask for a worker in development (imports run in-process there)', () => {
		expect(() => requireWorkerBundle(false, '/nowhere/pipeline.js', () => false)).not.toThrow();
	});
});
