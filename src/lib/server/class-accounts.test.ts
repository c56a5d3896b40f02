import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { addUser } from './teacher-test-helpers';
import { createClass, isMember, listRoster } from './classes';
import { checkCredentials } from './users';
import { createSession, generateSessionToken, validateSessionToken } from './auth/session';
import {
	addStudentsFromList,
	classStudent,
	freeUsername,
	oneTimePassword,
	resetStudentPassword
} from './class-accounts';

function aClass() {
	const { db, sqlite } = createTestDatabase();
	const teacher = addUser(db, 'teacher');
	const klass = createClass(db, teacher.id, '7B');
	return { db, sqlite, teacher, klass };
}

describe('one-time passwords', () => {
	it('are eight characters nobody misreads, in two groups', () => {
		for (let i = 0; i < 50; i++)
			expect(oneTimePassword()).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
		expect(new Set(Array.from({ length: 50 }, () => oneTimePassword())).size).toBe(50);
	});
});

describe('students added from a list', () => {
	it('get accounts with names, free usernames and one-time passwords, stored as hashes', async () => {
		const { db, sqlite, klass } = aClass();
		addUser(db, 'student', 'aigerim.s10');
		const result = await addStudentsFromList(
			db,
			klass.id,
			'Әйгерім Сәдуақасова\n\nAigerim Sadykova\n山田太郎\n'
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.blankLines).toBe(1);
		expect(result.cards.map((c) => c.name)).toEqual([
			'Әйгерім Сәдуақасова',
			'Aigerim Sadykova',
			'山田太郎'
		]);
		const [a, b, c] = result.cards;
		expect(a.username).toMatch(/^aigerim\.s\d{2}$/);
		expect(b.username).toMatch(/^aigerim\.s\d{2}$/);
		expect(a.username).not.toBe(b.username);
		expect(c.username).toMatch(/^student\d{2}$/);

		const roster = listRoster(db, klass.id);
		expect(roster.map((s) => s.displayName).sort()).toEqual(
			['Aigerim Sadykova', 'Әйгерім Сәдуақасова', '山田太郎'].sort()
		);
		// Only a hash is stored, and the account must choose its own password at first sign-in.
		const row = sqlite
			.prepare('select password_hash, must_change_password from users where username = ?')
			.get(a.username) as { password_hash: string; must_change_password: number };
		expect(row.password_hash).not.toContain(a.password);
		expect(row.password_hash).toMatch(/^\$argon2id\$/);
		expect(row.must_change_password).toBe(1);
		const signedIn = await checkCredentials(db, a.username, a.password);
		expect(signedIn).toMatchObject({
			displayName: 'Әйгерім Сәдуақасова',
			role: 'student',
			mustChangePassword: true
		});
	});

	it('makes nothing when a line has a problem, and names every one', async () => {
		const { db, klass } = aClass();
		await addStudentsFromList(db, klass.id, 'Marat Akhmetov');
		const before = listRoster(db, klass.id).length;
		const result = await addStudentsFromList(db, klass.id, 'Dana\nMARAT  akhmetov\n<b>\ndana');
		expect(result).toEqual({
			ok: false,
			problems: [
				expect.stringMatching(/^Line 3 \(“<b>”\)/),
				expect.stringMatching(/^Line 4: “dana” is on the list already \(line 1\)/)
			]
		});
		const again = await addStudentsFromList(db, klass.id, 'Dana\nMARAT  akhmetov');
		expect(again).toEqual({
			ok: false,
			problems: [
				expect.stringMatching(
					/^Line 2: “MARAT akhmetov” is in this class already \(username marat\.a\d+\)/
				)
			]
		});
		expect(listRoster(db, klass.id).length).toBe(before);
	});

	it('refuses more than 60 names at a time', async () => {
		const { db, klass } = aClass();
		const names = Array.from(
			{ length: 61 },
			(_, i) =>
				`Student ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}${Math.floor(i / 26) ? 'x'.repeat(Math.floor(i / 26)) : ''}`
		);
		const result = await addStudentsFromList(db, klass.id, names.join('\n'));
		expect(result).toEqual({
			ok: false,
			problems: [expect.stringMatching(/61 names; add at most 60/)]
		});
		expect(listRoster(db, klass.id)).toEqual([]);
	});

	it('find a free username when the likely ones are taken', () => {
		const { db } = aClass();
		let n = 0;
		const sequence = [0, 0, 0, 0, 1, 2];
		const random = () => sequence[n++ % sequence.length];
		addUser(db, 'student', 'marat10');
		const reserved = new Set(['marat10']);
		expect(freeUsername(db, 'Marat', reserved, random)).toMatch(/^marat\d{2,}$/);
	});
});

describe('a password reset by the teacher', () => {
	it('gives a student of the class a one-time password and signs them out everywhere', async () => {
		const { db, klass } = aClass();
		const made = await addStudentsFromList(db, klass.id, 'Dana Nurlan');
		if (!made.ok) throw new Error('not made');
		const student = listRoster(db, klass.id)[0];
		const token = generateSessionToken();
		createSession(db, token, student.id);

		const card = await resetStudentPassword(db, klass.id, student.id);
		expect(card).toMatchObject({ name: 'Dana Nurlan', username: made.cards[0].username });
		expect(card!.password).not.toBe(made.cards[0].password);
		expect(validateSessionToken(db, token).session).toBeNull();
		expect(await checkCredentials(db, card!.username, made.cards[0].password)).toBeNull();
		expect(await checkCredentials(db, card!.username, card!.password)).toMatchObject({
			mustChangePassword: true
		});
	});

	it('does nothing to anyone who is not in that class', async () => {
		const { db, klass, teacher } = aClass();
		const otherClass = createClass(db, teacher.id, '8A');
		const outsider = addUser(db, 'student');
		const elsewhere = addUser(db, 'student');
		db.$client
			.prepare('insert into class_members (class_id, student_id) values (?, ?)')
			.run(otherClass.id, elsewhere.id);
		for (const id of [outsider.id, elsewhere.id, teacher.id, 'no-such-id']) {
			expect(await resetStudentPassword(db, klass.id, id)).toBeUndefined();
			expect(classStudent(db, klass.id, id)).toBeUndefined();
		}
		expect(isMember(db, otherClass.id, elsewhere.id)).toBe(true);
	});
});
