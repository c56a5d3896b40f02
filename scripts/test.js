// `npm test`: every test. Unit tests (vitest), then a production build and the browser tests
// (Playwright on Debian's Chromium, installed here with apt-get when we are root).
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.js';

function run(command, args, env = {}) {
	const result = spawnSync(command, args, {
		stdio: 'inherit',
		env: { ...process.env, ...env }
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureChromium() {
	if (findChromium()) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
		console.log('Chromium is missing: installing Debian’s chromium package…');
		run('apt-get', ['update', '-qq']);
		run('apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
		if (findChromium()) return;
	}
	console.error(
		'The browser tests need Chromium at /usr/bin/chromium.\n' +
			'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
			'or point CHROMIUM_PATH at a Chromium binary.'
	);
	process.exit(1);
}

ensureChromium();
run('npx', ['svelte-kit', 'sync']);
// Unit tests run in a random order, so that none depends on another having run first. The seed
// is printed: `TEST_SEED=N npm test` (or `npx vitest run --sequence.shuffle --sequence.seed=N`)
// runs them in the same order again.
const seed = Number(process.env.TEST_SEED) || Math.floor(Math.random() * 1_000_000) + 1;
console.log(`Unit tests in random order, seed ${seed} (TEST_SEED=${seed} repeats it)`);
run('npx', ['vitest', 'run', '--sequence.shuffle', `--sequence.seed=${seed}`]);
run('npm', ['run', '--silent', 'build']);
run('npx', ['playwright', 'test']);
