import { describe, expect, it } from 'vitest';
import { signInKey, FailureThrottle, throttledMessage } from './throttle';

describe('sign-in throttle', () => {
	const aigerimHere = signInKey('aigerim', '10.0.0.7');

	it('lets five failures through, then makes each wait twice as long as the last', () => {
		const t = new FailureThrottle(5, 15 * 60_000);
		let now = 1_000_000;
		for (let i = 0; i < 5; i++) expect(t.begin(aigerimHere, now++)).toBe(0);
		expect(t.begin(aigerimHere, now)).toBe(2);
		now += 2000;
		expect(t.begin(aigerimHere, now)).toBe(0); // the sixth, after 2 s
		expect(t.begin(aigerimHere, now)).toBe(4);
		now += 4000;
		expect(t.begin(aigerimHere, now)).toBe(0); // the seventh, after 4 s
		expect(t.retryAfter(aigerimHere, now)).toBe(8);
		for (let i = 0; i < 20; i++) {
			now += t.retryAfter(aigerimHere, now) * 1000;
			expect(t.begin(aigerimHere, now)).toBe(0);
		}
		expect(t.retryAfter(aigerimHere, now)).toBe(15 * 60); // never more than the longest delay
	});

	it('counts per username and address together', () => {
		const t = new FailureThrottle(2);
		t.begin(aigerimHere, 0);
		t.begin(aigerimHere, 1);
		expect(t.retryAfter(aigerimHere, 2)).toBeGreaterThan(0);
		// The same pupil from another address, and a classmate behind the same address, go on.
		expect(t.begin(signInKey('aigerim', '10.0.0.8'), 2)).toBe(0);
		expect(t.begin(signInKey('daulet', '10.0.0.7'), 2)).toBe(0);
		expect(signInKey('Aigerim', '10.0.0.7')).toBe(aigerimHere);
	});

	it('counts an attempt before its password is checked: parallel ones cannot all pass', () => {
		const t = new FailureThrottle(5);
		const started = Array.from({ length: 30 }, () => t.begin(aigerimHere, 5000));
		expect(started.filter((wait) => wait === 0)).toHaveLength(5);
	});

	it('a right password starts afresh, and failures are forgotten after a quiet hour', () => {
		const t = new FailureThrottle(2);
		t.begin(aigerimHere, 0);
		t.begin(aigerimHere, 1);
		t.succeeded(aigerimHere);
		expect(t.retryAfter(aigerimHere, 2)).toBe(0);
		t.begin(aigerimHere, 3);
		t.begin(aigerimHere, 4);
		expect(t.retryAfter(aigerimHere, 5)).toBeGreaterThan(0);
		expect(t.begin(aigerimHere, 4 + 60 * 60_000)).toBe(0);
		expect(t.begin(aigerimHere, 5 + 60 * 60_000)).toBe(0);
	});
});

describe('a refused sign-in', () => {
	it('says how long to wait in words', () => {
		expect(throttledMessage('aigerim', 1)).toBe(
			'Too many failed sign-ins as aigerim from here. Wait 1 second and try again.'
		);
		expect(throttledMessage('aigerim', 900)).toContain('Wait 15 minutes');
	});
});
