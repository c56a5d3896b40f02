import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './sign-in';

const SITE = 'http://school.example';

describe('safeRedirectTarget', () => {
	it('keeps a path of this site with its query and fragment', () => {
		expect(safeRedirectTarget('/lessons/one/quiz?x=1#s-2', '/')).toBe('/lessons/one/quiz?x=1#s-2');
		expect(safeRedirectTarget('/a/../lessons', '/')).toBe('/lessons');
	});

	it('never answers a location that names another host', () => {
		const attempts = [
			'/.//evil.example/x',
			'/a/..//evil.example/x',
			'/%2e//evil.example/x',
			'/%2E%2E//evil.example/x',
			'/..//evil.example/x',
			'/./\\/evil.example',
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'https://evil.example',
			'javascript:alert(1)'
		];
		for (const value of attempts) {
			const target = safeRedirectTarget(value, '/home');
			expect(target, value).toMatch(/^\/(?![/\\])/);
			expect(new URL(target, SITE).origin, value).toBe(SITE);
		}
		expect(safeRedirectTarget('/.//evil.example/x', '/')).toBe('/evil.example/x');
	});
});
