import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './throttle';

describe('sign-in throttle', () => {
	it('blocks after the limit within the window and frees up after it', () => {
		const t = new FailureThrottle(5, 60_000);
		for (let i = 0; i < 5; i++) {
			expect(t.retryAfter('aigerim', 1000 + i)).toBe(0);
			t.fail('aigerim', 1000 + i);
		}
		expect(t.retryAfter('aigerim', 2000)).toBeGreaterThan(0);
		expect(t.retryAfter('someone-else', 2000)).toBe(0);
		expect(t.retryAfter('aigerim', 61_001)).toBe(0);
	});

	it('a reset clears the count', () => {
		const t = new FailureThrottle(2, 60_000);
		t.fail('a', 0);
		t.fail('a', 1);
		expect(t.retryAfter('a', 2)).toBeGreaterThan(0);
		t.reset('a');
		expect(t.retryAfter('a', 3)).toBe(0);
	});
});
