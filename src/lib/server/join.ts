import { and, eq } from 'drizzle-orm';
import type { Tx } from './db/connection';
import { classes, classMembers } from './db/schema';
import { FailureThrottle } from './auth/throttle';
import { joinClass, normalizeJoinCode, type JoinResult } from './classes';
import { m } from '$lib/paraglide/messages';

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
			message:
				wait < 90
					? m.s_join_throttled_seconds({ count: wait })
					: m.s_join_throttled_minutes({ count: Math.ceil(wait / 60) })
		};
	}
	joinThrottle.byStudent.begin(studentId);
	joinThrottle.byAddress.begin(address);
	const result = joinClass(db, studentId, code);
	if (result.ok || result.reason === 'member') {
		joinThrottle.byStudent.forgive(studentId);
		joinThrottle.byAddress.forgive(address);
	}
	if (result.ok) return result;
	// classes.ts words its refusals in English; the student reads them in the page's language.
	const message = result.reason === 'member' ? m.s_join_already() : m.s_join_unknown();
	return { ...result, message };
}

/**
 * The class code a join link carries ("/join?code=K7TQ4M"), when `target` (where a person goes
 * after signing in) is one; null otherwise.
 */
export function joinLinkCode(target: string): string | null {
	const url = new URL(target, 'http://sabaq.invalid');
	if (url.pathname !== '/join') return null;
	return url.searchParams.get('code')?.trim().slice(0, 20) || null;
}

/**
 * A student who signed in or registered from a join link joins its class in the same step (a
 * POST they made on a page that said so); the join page then shows the class. Others, and
 * targets that are no join link, are left alone. Throttled like typing the code.
 */
export function joinFromLink(
	db: Tx,
	user: { id: string; role: string },
	address: string,
	target: string
): JoinResult | null {
	const code = joinLinkCode(target);
	if (!code || user.role !== 'student') return null;
	return joinWithCode(db, user.id, address, code);
}

/** The class with this code when the student is in it already (nothing for anyone else). */
export function memberClassByCode(db: Tx, studentId: string, code: string) {
	return db
		.select({ id: classes.id, name: classes.name })
		.from(classes)
		.innerJoin(classMembers, eq(classMembers.classId, classes.id))
		.where(
			and(eq(classes.joinCode, normalizeJoinCode(code)), eq(classMembers.studentId, studentId))
		)
		.get();
}
