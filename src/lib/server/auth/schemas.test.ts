import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { loginSchema, nameForRole, registerSchema } from './schemas';

const register = (fields: Record<string, string>) =>
	v.safeParse(registerSchema, { password: 'steppe-horizon-42', role: 'student', ...fields });

describe('the registration and sign-in forms', () => {
	it('take a username in Cyrillic with Kazakh letters, stored in one lower-case NFKC form', () => {
		const parsed = register({ username: 'ӘЙГЕРІМ_Қ', displayName: 'Әйгерім' });
		expect(parsed.success && parsed.output.username).toBe('әйгерім_қ');
		const login = v.safeParse(loginSchema, { username: 'Әйгерім_қ', password: 'x' });
		expect(login.success && login.output.username).toBe('әйгерім_қ');
	});

	it('refuse a username that mixes look-alike scripts, saying so', () => {
		const parsed = register({ username: 'p\u0430ssword-x' });
		expect(parsed.success).toBe(false);
		expect(parsed.issues?.[0].message).toMatch(/mixes Latin and Cyrillic letters/);
	});

	it('need a name from a student, not from a teacher', () => {
		expect(nameForRole('student', '  ')).toMatchObject({ ok: false, message: /required/ });
		expect(nameForRole('teacher', '')).toEqual({ ok: true, value: '' });
		expect(nameForRole('student', ' Дана  Нұрлан ')).toEqual({ ok: true, value: 'Дана Нұрлан' });
	});
});
