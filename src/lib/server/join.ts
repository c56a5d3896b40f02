import type { Tx } from './db/connection';
import { FailureThrottle } from './auth/throttle';
import { joinClass, type JoinResult } from './classes';

/**
 * Codes tried per student account and per address: five wrong codes an account (a hundred an
 * address, a school's worth of typing) before each further try waits, 2 s and doubling up to
 * 15 minutes. A wrong code is counted before the lookup; a right one is forgiven.
 */
export const joinThrottle = {
	byStudent: new FailureThrottle(5),
	byAddress: new FailureThrottle(100)
};

/** A student joins a class by code, unless they (or their address) have guessed too many. */
export function joinWithCode(db: Tx, studentId: string, address: string, code: string): JoinResult {
	const wait = Math.max(
		joinThrottle.byStudent.retryAfter(studentId),
		joinThrottle.byAddress.retryAfter(address)
	);
	if (wait > 0) {
		return {
			ok: false,
			reason: 'throttled',
			message: `Too many wrong codes. Wait ${wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`} and try again.`
		};
	}
	joinThrottle.byStudent.begin(studentId);
	joinThrottle.byAddress.begin(address);
	const result = joinClass(db, studentId, code);
	if (result.ok || result.reason === 'member') {
		joinThrottle.byStudent.forgive(studentId);
		joinThrottle.byAddress.forgive(address);
	}
	return result;
}
