/**
 * A blank that is one member of a list: answered by elimination when the prompt counts the list
 * and shows every other member ("the five Central Asian states (Kazakhstan, Kyrgyzstan,
 * Tajikistan, Turkmenistan, and _____)"), and with many right answers when the list is a
 * selection ("including the Alans, Aorsi, and _____", "such as A, B and _____", "A, B, _____
 * and others"): any member the text did not list fits as well.
 */

import { NUMBER_WORDS, pick } from '../../../content/numbers';

// "both" counts two, like the counting words.
const COUNT_WORDS: Record<string, number> = {
	...pick(NUMBER_WORDS, 'two three four five six seven eight nine ten'),
	both: 2
};

/** The clause around the blank: from the last ";", ":" or sentence end before it to the next. */
function clauseOf(prompt: string): { before: string; after: string } | null {
	const at = prompt.indexOf('_____');
	if (at < 0) return null;
	const start = Math.max(
		prompt.lastIndexOf(';', at),
		prompt.lastIndexOf(':', at),
		prompt.slice(0, at).search(/[.!?]\s[^.!?]*$/)
	);
	const rest = prompt.slice(at + 5);
	const end = rest.search(/[;:]|[.!?](?:\s|$)/);
	return { before: prompt.slice(start + 1, at), after: end < 0 ? rest : rest.slice(0, end) };
}

/**
 * A list member: the blank right after a comma or "and"/"or" of a list ("Issedones/_____" is one
 * member by two names), or right before another name of it ("_____, Tangut, and Khitan"; not
 * "_____, seminomads similar to the Mongols").
 */
const MEMBER_BEFORE = /(?:,|\band|\bor)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\/)?$/u;
const MEMBER_AFTER = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?\p{Lu}/u;

/** The members of the list the blank is in, itself included; 0 when the blank is in none. */
function listSize(before: string, after: string): number {
	if (!MEMBER_BEFORE.test(before) && !MEMBER_AFTER.test(after)) return 0;
	// The list runs back to an opening bracket, "such as", "including" or a count.
	const head = before.split(/\(|\bsuch as\b|\bincluding\b|\blike\b/).pop() ?? before;
	const tail = after.split(/\)/)[0];
	const items = `${head}_____${tail}`
		.split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
		.map((s) => s.trim())
		.filter(Boolean);
	return items.length >= 2 ? items.length : 0;
}

/**
 * A list of names opened as a selection ("such as", "including", "like", "among them") that runs
 * on to the blank: every member from the opening word to it a name.
 */
const ITEM = String.raw`(?:the\s+)?\p{Lu}[^,;()]{0,40}?`;
const SEPARATOR = String.raw`(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)`;
const BLANK_START = String.raw`(?:the\s+)?(?:\p{Lu}[\p{L}-]*\/)?$`;
const OPENING = new RegExp(
	String.raw`\b(?:such as|including|like|among them|notably)\s+(?:${ITEM}${SEPARATOR})*${BLANK_START}`,
	'u'
);

/**
 * "the five Central Asian states (A, B, C, D, and _____)", "the three sons Jochi, Chagatai and
 * _____": a count and its plural noun, then the list of names the blank ends or is in.
 */
const COUNTED = new RegExp(
	String.raw`\b([Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Bb]oth|\d{1,2})\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+s\s*[(:,]?\s*((?:${ITEM}${SEPARATOR})+)${BLANK_START}`,
	'u'
);
/** Names of the list after the blank: ", Turkmenistan", " and Belarus". */
const MORE_ITEMS = new RegExp(
	String.raw`^(?:${SEPARATOR}(?:the\s+)?\p{Lu}[\p{L}'/-]*(?:\s+\p{Lu}[\p{L}'/-]*)*)*`,
	'u'
);

/** A blank in a list whose number of members the prompt states, every other member shown. */
export function countedListBlank(prompt: string): boolean {
	const clause = clauseOf(prompt);
	if (!clause) return false;
	const m = clause.before.match(COUNTED);
	if (!m) return false;
	const n = COUNT_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
	const before = m[2].match(new RegExp(SEPARATOR, 'g'))?.length ?? 0;
	const after = MORE_ITEMS.exec(clause.after)?.[0].match(new RegExp(SEPARATOR, 'g'))?.length ?? 0;
	return n === before + 1 + after;
}
/** The list closed as a selection: "_____, and others", "_____, C, etc.", "_____ and so on". */
const CLOSING = /^(?:\s*,\s*[^,]{1,40}?)*?,?\s*(?:and|or)?\s*(?:others|so on|so forth|etc)\b/i;

/** "including the Alans, ..., and _____", "A, B, _____, etc.": a blank in an open list. */
export function openListBlank(prompt: string): boolean {
	const clause = clauseOf(prompt);
	if (!clause || !listSize(clause.before, clause.after)) return false;
	return CLOSING.test(clause.after) || OPENING.test(clause.before);
}
