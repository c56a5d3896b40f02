import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { addUser } from './teacher-test-helpers';
import { createClass, isMember } from './classes';
import { joinWithCode } from './join';

describe('joining with a code', () => {
	it('stops a student who guesses codes, and never counts right ones', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const guesser = addUser(db, 'student');
		const address = `10.1.${Math.floor(Math.random() * 250)}.1`;
		const c = createClass(db, teacher.id, 'History');
		for (let i = 0; i < 5; i++) {
			expect(joinWithCode(db, guesser.id, address, `GUESS${i}`)).toMatchObject({
				reason: 'unknown'
			});
		}
		// Even the right code waits now: a guesser cannot tell a hit from a miss by the answer.
		const refused = joinWithCode(db, guesser.id, address, c.joinCode);
		expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
		expect(refused.ok || refused.message).toMatch(/^Too many wrong codes\. Wait \d+ seconds/);
		expect(isMember(db, c.id, guesser.id)).toBe(false);

		// A classmate at the same address joins, as often as needed.
		const classmate = addUser(db, 'student');
		expect(joinWithCode(db, classmate.id, address, c.joinCode)).toMatchObject({ ok: true });
		for (let i = 0; i < 10; i++) {
			expect(joinWithCode(db, classmate.id, address, c.joinCode)).toMatchObject({
				reason: 'member'
			});
		}
	});

	it('stops many accounts guessing from one address', () => {
		const { db } = createTestDatabase();
		const address = `10.2.${Math.floor(Math.random() * 250)}.1`;
		const answers = Array.from({ length: 120 }, (_, i) =>
			joinWithCode(db, addUser(db, 'student').id, address, `NOPE${i}`)
		);
		expect(answers.filter((a) => !a.ok && a.reason === 'throttled')).toHaveLength(20);
	});
});
