/**
 * The rules for usernames and display names, in any script (Latin, Cyrillic with the Kazakh
 * letters ә і ң ғ ү ұ қ ө һ, Greek, Arabic, Han, …). Pure: no framework, no database.
 *
 * Both are NFKC-normalised (so a full-width "Ａ" or a ligature "ﬁ" becomes plain letters, and
 * an "й" typed as и + combining breve equals the precomposed one). A username is stored and
 * compared in lower case, so "Айгерим" and "айгерим" are one account. A username may not mix
 * scripts whose letters look alike (Latin "a" and Cyrillic "а" are different letters that
 * look the same), so nobody can sign up as a look-alike of a classmate.
 */

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const DISPLAY_NAME_MAX = 60;

export type NameCheck = { ok: true; value: string } | { ok: false; message: string };

/** NFKC, then lower case (and NFKC again: lower-casing can leave a decomposed letter). */
export function foldName(text: string): string {
	return text.normalize('NFKC').toLowerCase().normalize('NFKC');
}

/** Letters, combining marks, ASCII digits and . _ - ; a letter or digit first. */
const USERNAME_SHAPE = /^[\p{L}0-9][\p{L}\p{M}0-9._-]*$/u;

/** Scripts told apart; a letter of any other script counts as "another script". */
const SCRIPTS = [
	'Latin',
	'Cyrillic',
	'Greek',
	'Armenian',
	'Georgian',
	'Arabic',
	'Hebrew',
	'Han',
	'Hiragana',
	'Katakana',
	'Hangul',
	'Bopomofo',
	'Thai',
	'Devanagari',
	'Bengali',
	'Tamil',
	'Ethiopic',
	'Mongolian'
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map(
	(name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const
);

/**
 * Mixes that are one way of writing (Unicode's "highly restrictive" profile, UTS #39): Japanese
 * writes Han with kana and Latin, Chinese Han with Bopomofo, Korean Han with Hangul. Any other
 * mix of two scripts in one username is refused.
 */
const WRITING_SYSTEMS: ReadonlyArray<ReadonlySet<string>> = [
	new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
	new Set(['Latin', 'Han', 'Bopomofo']),
	new Set(['Latin', 'Han', 'Hangul'])
];

/** The scripts of the letters in a text, in order of first appearance. */
export function scriptsOf(text: string): string[] {
	const found: string[] = [];
	for (const char of text) {
		if (!/\p{L}/u.test(char)) continue;
		const script = SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'another';
		if (!found.includes(script)) found.push(script);
	}
	return found;
}

function oneWritingSystem(scripts: string[]): boolean {
	if (scripts.length <= 1) return true;
	return WRITING_SYSTEMS.some((system) => scripts.every((s) => system.has(s)));
}

function listScripts(scripts: string[]): string {
	const names = scripts.map((s) => (s === 'another' ? 'another script’s' : s));
	return names.length === 2
		? `${names[0]} and ${names[1]}`
		: `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A username as typed, checked and brought to the form it is stored and compared in. */
export function checkUsername(input: string): NameCheck {
	const value = foldName(input.trim());
	const length = [...value].length;
	if (length === 0) return { ok: false, message: 'Username is required.' };
	if (length < USERNAME_MIN || length > USERNAME_MAX) {
		return {
			ok: false,
			message: `A username has ${USERNAME_MIN} to ${USERNAME_MAX} characters.`
		};
	}
	if (!USERNAME_SHAPE.test(value)) {
		return {
			ok: false,
			message:
				'A username uses letters (of any alphabet), digits, dots, dashes or underscores, and starts with a letter or digit.'
		};
	}
	const scripts = scriptsOf(value);
	if (!oneWritingSystem(scripts)) {
		return {
			ok: false,
			message: `“${value}” mixes ${listScripts(scripts)} letters, which can look alike. Write a username in one alphabet.`
		};
	}
	return { ok: true, value };
}

/** Invisible or control characters, except the joiners some scripts need between letters. */
const INVISIBLE = /(?![\u200c\u200d])\p{C}/u;
/** Letters and marks of any script, digits, spaces and the punctuation names use. */
const NAME_CHARACTERS = /^(?:[\p{L}\p{M}\p{N} .,'’ʼ()-]|\u200c|\u200d)+$/u;

/** A person's name as shown to their teacher: NFKC, spaces tidied, case kept. */
export function checkDisplayName(input: string): NameCheck {
	const value = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
	if (!value) return { ok: false, message: 'Your name is required, so your teacher knows you.' };
	if ([...value].length > DISPLAY_NAME_MAX) {
		return { ok: false, message: `A name can have at most ${DISPLAY_NAME_MAX} characters.` };
	}
	if (INVISIBLE.test(value) || !NAME_CHARACTERS.test(value)) {
		return {
			ok: false,
			message:
				'A name uses letters (of any alphabet), digits, spaces, hyphens, apostrophes, dots and brackets.'
		};
	}
	if (!/\p{L}/u.test(value)) return { ok: false, message: 'A name needs at least one letter.' };
	return { ok: true, value };
}

/** Two display names are the same person's name when they differ only in case or form. */
export function sameName(a: string, b: string): boolean {
	return foldName(a.replace(/\s+/g, ' ').trim()) === foldName(b.replace(/\s+/g, ' ').trim());
}
