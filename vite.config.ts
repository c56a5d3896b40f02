import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { skipUnsentPageDataPlugin } from './scripts/build/skip-unsent-page-data.ts';

export default defineConfig({
	plugins: [
		// Interface messages (messages/*.json) compiled to src/lib/paraglide, as `npm run i18n` does.
		// The locale is chosen in src/lib/server/i18n.ts, so no detection strategy is compiled in.
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['baseLocale']
		}),
		skipUnsentPageDataPlugin(),
		sveltekit()
	],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		env: { DATABASE_URL: ':memory:' },
		testTimeout: 20000,
		// A test that asserts nothing passes whatever the code does.
		expect: { requireAssertions: true }
	}
});
