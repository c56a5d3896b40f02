import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { skipUnsentPageDataPlugin } from './scripts/build/skip-unsent-page-data.ts';

export default defineConfig({
	plugins: [skipUnsentPageDataPlugin(), sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		env: { DATABASE_URL: ':memory:' },
		testTimeout: 20000,
		// A test that asserts nothing passes whatever the code does.
		expect: { requireAssertions: true }
	}
});
