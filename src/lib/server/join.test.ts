import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { addUser } from './teacher-test-helpers';
import { createClass, isMember } from './classes';
import { joinFromLink, joinLinkCode, joinWithCode, memberClassByCode } from './join';

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

describe('a join link', () => {
	it('carries its code to after sign-in, and only a student joins by it', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const student = addUser(db, 'student');
		const c = createClass(db, teacher.id, 'History');
		expect(joinLinkCode(`/join?code=${c.joinCode}`)).toBe(c.joinCode);
		expect(joinLinkCode('/join')).toBeNull();
		expect(joinLinkCode(`/history?code=${c.joinCode}`)).toBeNull();

		const address = `10.3.${Math.floor(Math.random() * 250)}.1`;
		expect(joinFromLink(db, teacher, address, `/join?code=${c.joinCode}`)).toBeNull();
		expect(joinFromLink(db, student, address, '/history')).toBeNull();
		expect(memberClassByCode(db, student.id, c.joinCode)).toBeUndefined();
		expect(
			joinFromLink(db, student, address, `/join?code=${c.joinCode.toLowerCase()}`)
		).toMatchObject({ ok: true });
		expect(memberClassByCode(db, student.id, c.joinCode.toLowerCase())).toEqual({
			id: c.id,
			name: 'History'
		});
		expect(isMember(db, c.id, teacher.id)).toBe(false);
	});
});
