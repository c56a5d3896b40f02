import type { Plugin } from 'vite';

/**
 * Sabaq's pages render on the server and ship no framework runtime (`csr = false`). SvelteKit
 * 2.70 still serialises every server `load` result with devalue for a hydration script it then
 * leaves out of the page: about a tenth of the server's time on a quiz answer, for nothing.
 *
 * This build step makes that serialisation depend on `csr`, the flag SvelteKit already computes
 * for the page. If SvelteKit's code changes shape, the build stops with a message instead of
 * silently dropping the change (its test checks this against the installed SvelteKit).
 */
export const PAGE_RENDER_MODULE = /@sveltejs\/kit\/src\/runtime\/server\/page\/index\.js$/;
export const SERIALISE_ALWAYS = /if \(node\) \{(\s*)data_serializer\.add_node\(i, server_data\);/;

export function skipUnsentPageData(source: string): string {
	if (!SERIALISE_ALWAYS.test(source)) {
		throw new Error(
			'skip-unsent-page-data: SvelteKit’s page renderer no longer has the expected ' +
				'`if (node) { data_serializer.add_node(i, server_data); }`. Check whether it still ' +
				'serialises page data when csr is false, then update or remove this build step.'
		);
	}
	return source.replace(
		SERIALISE_ALWAYS,
		'if (node && csr) {$1data_serializer.add_node(i, server_data);'
	);
}

export function skipUnsentPageDataPlugin(): Plugin {
	return {
		name: 'sabaq:skip-unsent-page-data',
		enforce: 'pre',
		transform(code, id) {
			if (!PAGE_RENDER_MODULE.test(id.split('?')[0])) return null;
			return { code: skipUnsentPageData(code), map: null };
		}
	};
}
