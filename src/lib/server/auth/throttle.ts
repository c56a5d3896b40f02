/**
 * Counts failed sign-ins in a sliding window, per key (a username or an IP address).
 * Kept in memory: a restart forgets it, which only resets the window.
 */
export class FailureThrottle {
	private failures = new Map<string, number[]>();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number
	) {}

	private recent(key: string, now: number): number[] {
		const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
		if (times.length) this.failures.set(key, times);
		else this.failures.delete(key);
		return times;
	}

	/** Seconds to wait before trying again, or 0 when allowed. */
	retryAfter(key: string, now = Date.now()): number {
		const times = this.recent(key, now);
		if (times.length < this.limit) return 0;
		return Math.max(1, Math.ceil((times[0] + this.windowMs - now) / 1000));
	}

	fail(key: string, now = Date.now()): void {
		const times = this.recent(key, now);
		times.push(now);
		this.failures.set(key, times);
		if (this.failures.size > 50_000) this.sweep(now);
	}

	reset(key: string): void {
		this.failures.delete(key);
	}

	private sweep(now: number) {
		for (const key of this.failures.keys()) this.recent(key, now);
	}
}

/** Five failed sign-ins a minute per username and per address, then 429. */
export const signInThrottle = {
	byUsername: new FailureThrottle(5, 60_000),
	byAddress: new FailureThrottle(20, 60_000)
};
