import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: 'list',
	use: {
		browserName: 'chromium',
		launchOptions: {
			executablePath: findChromium() ?? undefined,
			args: CHROMIUM_ARGS
		},
		trace: 'off'
	}
});
