import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	realpathSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markServing, pruneBuilds, serversOf, switchBuild, switchRefusal } from './build-switch.js';

function fakeBuild(root: string, name: string) {
	const folder = join('.builds', name);
	mkdirSync(join(root, folder, 'server'), { recursive: true });
	writeFileSync(join(root, folder, 'server', 'route.js'), name);
	return folder;
}

describe('building under a running server', () => {
	it('switches build/ to a fresh folder while the old one stays whole for its server', () => {
		const root = mkdtempSync(join(tmpdir(), 'sabaq-build-'));
		const first = fakeBuild(root, '2026-01-01T00-00-00-000Z');
		switchBuild(root, first);
		// A server starts from build/ and holds its real path, as Node's module loader does.
		const served = realpathSync(join(root, 'build'));
		markServing(served);
		for (const name of ['2026-01-02T00-00-00-000Z', '2026-01-03T00-00-00-000Z']) {
			switchBuild(root, fakeBuild(root, name));
		}
		const latest = fakeBuild(root, '2026-01-04T00-00-00-000Z');
		switchBuild(root, latest);
		expect(readFileSync(join(root, 'build', 'server', 'route.js'), 'utf8')).toBe(
			'2026-01-04T00-00-00-000Z'
		);
		const removed = pruneBuilds(root, 2);
		// The running server's files are all still there; unused older builds are gone.
		expect(readFileSync(join(served, 'server', 'route.js'), 'utf8')).toBe(
			'2026-01-01T00-00-00-000Z'
		);
		expect(removed.map((f) => f.slice(root.length + 1))).toEqual([
			join('.builds', '2026-01-02T00-00-00-000Z')
		]);
		expect(existsSync(join(root, '.builds', '2026-01-03T00-00-00-000Z'))).toBe(true);
	});

	it('refuses to replace a build/ folder that a running server uses, and moves an unused one', async () => {
		const root = mkdtempSync(join(tmpdir(), 'sabaq-build-'));
		mkdirSync(join(root, 'build', '.serving'), { recursive: true });
		const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
		try {
			writeFileSync(join(root, 'build', '.serving', String(server.pid)), '');
			expect(serversOf(join(root, 'build'))).toEqual([server.pid]);
			expect(switchRefusal(root)).toMatch(/is running from build\/.*Stop it/);
			expect(() => switchBuild(root, fakeBuild(root, 'next'))).toThrow(/Stop it/);
		} finally {
			server.kill();
			await new Promise((resolve) => server.once('exit', resolve));
		}
		expect(switchRefusal(root)).toBeNull();
		switchBuild(root, join('.builds', 'next'));
		expect(readFileSync(join(root, 'build', 'server', 'route.js'), 'utf8')).toBe('next');
	});
});
