import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './db/test-db';
import { users } from './db/schema';
import {
	createInvitation,
	hasAdministrator,
	listInvitations,
	listTeachers,
	prepareSetupCode,
	registerTeacher,
	revokeInvitation
} from './invitations';

const person = (username: string) => ({
	username,
	password: 'steppe wind at dawn',
	displayName: ''
});

describe('teacher invitations', () => {
	it('the setup code makes the first administrator, once', async () => {
		const { db } = createTestDatabase();
		expect(prepareSetupCode(db, ' FIRST-CODE ')).toEqual({ code: 'FIRST-CODE', generated: false });
		expect(await registerTeacher(db, person('nobody'), 'WRONG')).toEqual({
			ok: false,
			reason: 'invitation'
		});
		const first = await registerTeacher(db, person('aigul'), 'first code');
		expect(first.ok && first.user.admin).toBe(true);
		expect(hasAdministrator(db)).toBe(true);
		expect(await registerTeacher(db, person('second'), 'FIRST-CODE')).toEqual({
			ok: false,
			reason: 'invitation'
		});
		expect(prepareSetupCode(db, 'FIRST-CODE')).toBeNull();
	});

	it('makes and prints a code when none is given', () => {
		const { db } = createTestDatabase();
		const made = prepareSetupCode(db, undefined);
		expect(made?.generated).toBe(true);
		expect(made?.code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
	});

	it('an invitation makes one teacher; a used or revoked one makes none', async () => {
		const { db } = createTestDatabase();
		prepareSetupCode(db, 'SETUP');
		const admin = await registerTeacher(db, person('admin'), 'SETUP');
		if (!admin.ok) throw new Error('no admin');
		const one = createInvitation(db, admin.user.id, 'Dana');
		const two = createInvitation(db, admin.user.id, 'Erlan');

		// A taken name does not spend the code.
		expect(await registerTeacher(db, person('admin'), one.code)).toEqual({
			ok: false,
			reason: 'taken'
		});
		const dana = await registerTeacher(db, person('dana'), one.code.toLowerCase());
		expect(dana.ok && dana.user).toMatchObject({ role: 'teacher', admin: false });
		expect((await registerTeacher(db, person('dana2'), one.code)).ok).toBe(false);

		expect(revokeInvitation(db, two.id)).toBe(true);
		expect(revokeInvitation(db, two.id)).toBe(false);
		expect((await registerTeacher(db, person('erlan'), two.code)).ok).toBe(false);

		expect(listInvitations(db).map((i) => [i.note, i.status, i.usedBy])).toEqual(
			expect.arrayContaining([
				['Dana', 'used', 'dana'],
				['Erlan', 'revoked', null]
			])
		);
		expect(listTeachers(db).map((t) => [t.username, t.admin])).toEqual([
			['admin', true],
			['dana', false]
		]);
		expect(db.select().from(users).where(eq(users.username, 'erlan')).get()).toBeUndefined();
	});
});
