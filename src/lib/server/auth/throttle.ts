/**
 * Failed attempts per key (for sign-in: a username and an address together, so that a school
 * behind one address is never locked out by one pupil's typing, and nobody is refused a correct
 * password from an address that has not failed for that username). After `free` failures each
 * further attempt waits a delay that starts at 2 s and doubles with every failure, up to
 * `maxDelayMs`.
 *
 * An attempt is counted as a failure before it is checked (`begin`), and forgiven when it
 * succeeds: wrong passwords sent in parallel cannot all be checked before the first of them is
 * counted. Kept in memory: a restart forgets it, which only resets delays.
 */
import { m } from '$lib/paraglide/messages';
export class FailureThrottle {
	private failures = new Map<string, { count: number; last: number }>();

	constructor(
		private readonly free = 5,
		private readonly maxDelayMs = 15 * 60_000,
		/** Failures are forgotten after this long without one. */
		private readonly forgetMs = 60 * 60_000
	) {}

	/** The wait after `count` failures, in ms. */
	delayAfter(count: number): number {
		if (count < this.free) return 0;
		return Math.min(2000 * 2 ** (count - this.free), this.maxDelayMs);
	}

	private entry(key: string, now: number) {
		const entry = this.failures.get(key);
		if (entry && now - entry.last >= this.forgetMs) {
			this.failures.delete(key);
			return undefined;
		}
		return entry;
	}

	/** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
	retryAfter(key: string, now = Date.now()): number {
		const entry = this.entry(key, now);
		if (!entry) return 0;
		const wait = entry.last + this.delayAfter(entry.count) - now;
		return wait > 0 ? Math.ceil(wait / 1000) : 0;
	}

	/**
	 * Starts an attempt: the seconds to wait when it must not be tried now; otherwise 0, with the
	 * attempt already counted as a failure until `succeeded` says otherwise.
	 */
	begin(key: string, now = Date.now()): number {
		const wait = this.retryAfter(key, now);
		if (wait > 0) return wait;
		const entry = this.entry(key, now);
		if (entry) {
			entry.count++;
			entry.last = now;
		} else {
			this.failures.set(key, { count: 1, last: now });
			if (this.failures.size > 100_000) this.sweep(now);
		}
		return 0;
	}

	/** The attempt was right: the key starts afresh. */
	succeeded(key: string): void {
		this.failures.delete(key);
	}

	/** The attempt was right, but earlier failures still count. */
	forgive(key: string): void {
		const entry = this.failures.get(key);
		if (entry && --entry.count <= 0) this.failures.delete(key);
	}

	private sweep(now: number) {
		for (const key of [...this.failures.keys()]) this.entry(key, now);
	}
}

/** The throttle's key for a username signing in from an address. */
export function signInKey(username: string, address: string): string {
	return `${username.toLowerCase()}\n${address}`;
}

export const signInThrottle = new FailureThrottle();

/** What a refused sign-in is told. */
export function throttledMessage(username: string, seconds: number): string {
	return seconds < 90
		? m.throttled_seconds({ username, count: seconds })
		: m.throttled_minutes({ username, count: Math.ceil(seconds / 60) });
}
