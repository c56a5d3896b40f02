import * as v from 'valibot';
import { textField } from '../forms';
import { PASSWORD_MAX_LENGTH } from './password';

const username = v.pipe(
	textField('Username', 3, 32),
	v.toLowerCase(),
	v.regex(
		/^[a-z0-9][a-z0-9._-]*$/,
		'A username uses letters a–z, digits, dots, dashes or underscores, and starts with a letter or digit.'
	)
);

const password = v.pipe(
	v.string('Password is required.'),
	v.minLength(1, 'Password is required.'),
	v.maxLength(
		PASSWORD_MAX_LENGTH,
		`Use at most ${PASSWORD_MAX_LENGTH} characters for the password.`
	)
);

export const registerSchema = v.object({
	username,
	password,
	role: v.picklist(['student', 'teacher'], 'Choose whether you are a student or a teacher.'),
	displayName: v.optional(
		v.pipe(v.string(), v.trim(), v.maxLength(60, 'A display name can have at most 60 characters.')),
		''
	),
	/** A teacher's invitation code (or the setup code); students leave it empty. */
	invite: v.optional(
		v.pipe(v.string(), v.trim(), v.maxLength(64, 'An invitation code has at most 64 characters.')),
		''
	)
});

export const loginSchema = v.object({ username, password });
