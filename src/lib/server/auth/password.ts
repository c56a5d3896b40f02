import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

const COMMON = new Set([
	'password',
	'password1',
	'12345678',
	'123456789',
	'1234567890',
	'qwertyuiop',
	'11111111',
	'iloveyou',
	'sunshine1',
	'letmein1',
	'football',
	'baseball',
	'welcome1',
	'qwerty123',
	'abc12345'
]);

/** Returns why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, username = ''): string | null {
	if (password.length < PASSWORD_MIN_LENGTH)
		return `Use at least ${PASSWORD_MIN_LENGTH} characters for the password.`;
	if (password.length > PASSWORD_MAX_LENGTH)
		return `Use at most ${PASSWORD_MAX_LENGTH} characters for the password.`;
	const lower = password.toLowerCase();
	if (COMMON.has(lower)) return 'That password is too common. Choose another.';
	if (username && lower.includes(username.toLowerCase()))
		return 'The password must not contain the username.';
	if (new Set(password).size < 4) return 'Use a password with more different characters.';
	return null;
}
