import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The pure core turns text into lessons, questions, grades and review schedules. It runs in the
// server, in the import worker (bundled without SvelteKit's `$lib` alias) and in the CLI scripts,
// so it imports only itself (by relative path) and plain libraries: no framework, no database.
const CORE = ['src/lib/content', 'src/lib/quiz', 'src/lib/review'];
const FORBIDDEN = [
	/^\$/, // $lib, $app, $env: SvelteKit's aliases
	/^@sveltejs\//,
	/^svelte(\/|$)/,
	/^drizzle-orm/,
	/^better-sqlite3$/,
	/\/server(\/|$)/
];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
	});
}

function imports(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
}

describe('the pure core', () => {
	const files = CORE.flatMap(sourceFiles);

	it('is found where the layout says', () => {
		expect(files.length).toBeGreaterThan(30);
	});

	it('imports no framework, database or server module, and no alias', () => {
		const offending = files.flatMap((file) =>
			imports(file)
				.filter((source) => FORBIDDEN.some((pattern) => pattern.test(source)))
				.map((source) => `${file}: ${source}`)
		);
		expect(offending).toEqual([]);
	});
});
