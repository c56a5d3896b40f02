import { describe, expect, it } from 'vitest';
import { hashPassword, passwordWeakness, verifyPassword } from './password';

describe('password hashing', () => {
	it('stores an argon2id hash that verifies only the right password', async () => {
		const stored = await hashPassword('steppe-wind-2024');
		expect(stored).toMatch(/^\$argon2id\$/);
		expect(stored).not.toContain('steppe-wind-2024');
		expect(await verifyPassword(stored, 'steppe-wind-2024')).toBe(true);
		expect(await verifyPassword(stored, 'steppe-wind-2025')).toBe(false);
	});

	it('salts every hash', async () => {
		expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
	});

	it('treats a malformed stored hash as a failed check, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
	});
});

describe('password strength', () => {
	it('refuses short, common, username-containing and repetitive passwords', () => {
		expect(passwordWeakness('short')).toMatch(/at least 8/);
		expect(passwordWeakness('password1')).toMatch(/too common/);
		expect(passwordWeakness('aigerim-2024', 'aigerim')).toMatch(/username/);
		expect(passwordWeakness('aaaaaaaaab')).toMatch(/different characters/);
		expect(passwordWeakness('x'.repeat(201))).toMatch(/at most/);
	});

	it('accepts a reasonable passphrase', () => {
		expect(passwordWeakness('karkaraly pines at dawn', 'aigerim')).toBeNull();
	});
});
