import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PAGE_RENDER_MODULE, skipUnsentPageData } from './skip-unsent-page-data';

const require = createRequire(import.meta.url);
const kitRoot = require.resolve('@sveltejs/kit/package.json').replace(/package\.json$/, '');
const renderer = `${kitRoot}src/runtime/server/page/index.js`;

describe('skipUnsentPageData', () => {
	it('applies to the installed SvelteKit: page data is serialised only when csr is on', () => {
		expect(PAGE_RENDER_MODULE.test(renderer)).toBe(true);
		const patched = skipUnsentPageData(readFileSync(renderer, 'utf8'));
		expect(patched).toMatch(/if \(node && csr\) \{\s*data_serializer\.add_node\(i, server_data\);/);
		// `csr` is the page option SvelteKit computes before loading data.
		expect(patched).toMatch(/const csr = nodes\.csr\(\);[\s\S]*if \(node && csr\)/);
	});

	it('stops the build when SvelteKit changes shape, instead of dropping the change', () => {
		expect(() => skipUnsentPageData('export const nothing = 1;')).toThrow(/no longer has/);
	});
});
