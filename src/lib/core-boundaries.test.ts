import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The pure core turns text into lessons, questions, grades and review schedules. It runs in the
// server, in the import worker (bundled without SvelteKit's `$lib` alias) and in the CLI scripts,
// so it imports only itself (by relative path) and plain libraries: no framework, no database.
const CORE = ['src/lib/content', 'src/lib/quiz', 'src/lib/review', 'src/lib/people'];
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

/** Relative imports that load code at run time (`import type` loads nothing), as resolved files. */
function runtimeImports(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)].map(
		(m) => {
			const base = resolve(dirname(file), m[1]);
			for (const candidate of [`${base}.ts`, join(base, 'index.ts')])
				if (CORE_FILES.has(candidate)) return candidate;
			return base;
		}
	);
}

const CORE_FILES = new Set(CORE.flatMap(sourceFiles).map((f) => resolve(f)));

/** The first import cycle found among the files, as a list of files, or null. */
export function findCycle(graph: Map<string, string[]>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (node: string): string[] | null => {
		if (state.get(node) === 'done') return null;
		if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
		state.set(node, 'open');
		path.push(node);
		for (const next of graph.get(node) ?? []) {
			const cycle = visit(next);
			if (cycle) return cycle;
		}
		path.pop();
		state.set(node, 'done');
		return null;
	};
	for (const node of graph.keys()) {
		const cycle = visit(node);
		if (cycle) return cycle;
	}
	return null;
}

describe("the core's imports", () => {
	it('form no cycle', () => {
		const graph = new Map(
			[...CORE_FILES].map((f) => [f, runtimeImports(f).filter((i) => CORE_FILES.has(i))])
		);
		expect(findCycle(graph)?.map((f) => f.replace(resolve('.') + '/', '')) ?? null).toBeNull();
	});

	it('a cycle is found when there is one', () => {
		const graph = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a']],
			['d', ['a']]
		]);
		expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
		expect(
			findCycle(
				new Map([
					['a', ['b']],
					['b', []]
				])
			)
		).toBeNull();
	});
});
