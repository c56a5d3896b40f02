import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import {
	checkDisplayName,
	checkUsername,
	DISPLAY_NAME_MAX,
	USERNAME_MAX,
	USERNAME_MIN,
	type NameCheck
} from '$lib/people/names';
import { PASSWORD_MAX_LENGTH } from './password';

/** Any script, NFKC, stored and compared in lower case; look-alike mixes refused (people/names). */
const username = v.pipe(
	v.string(() => m.username_required()),
	v.maxLength(200, () => m.username_length({ min: USERNAME_MIN, max: USERNAME_MAX })),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		const checked = checkUsername(dataset.value);
		if (checked.ok) return checked.value;
		addIssue({ message: checked.message });
		return NEVER;
	})
);

/** A display name when one was typed (required for students: see `nameForRole`). */
const displayName = v.optional(
	v.pipe(
		v.string(),
		v.maxLength(500, () => m.name_too_long({ max: DISPLAY_NAME_MAX }))
	),
	''
);

const password = v.pipe(
	v.string(() => m.password_required()),
	v.minLength(1, () => m.password_required()),
	v.maxLength(PASSWORD_MAX_LENGTH, () => m.password_max({ count: PASSWORD_MAX_LENGTH }))
);

export const registerSchema = v.object({
	username,
	password,
	role: v.picklist(['student', 'teacher'], () => m.choose_role()),
	displayName,
	/** A teacher's invitation code (or the setup code); students leave it empty. */
	invite: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(64, () => m.invite_too_long())
		),
		''
	)
});

export const loginSchema = v.object({ username, password });

/** A student must give a name (their teacher reads it in the gradebook); for a teacher it may be empty. */
export function nameForRole(role: 'student' | 'teacher', typed: string): NameCheck {
	if (role === 'teacher' && !typed.trim()) return { ok: true, value: '' };
	return checkDisplayName(typed);
}
