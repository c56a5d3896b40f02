/** Names in a statement (people, places, organisations, programmes, awards) and their roles. */

import { nameSpans, NOT_NAMES, type NameSpan } from '../../content/name-spans';
import type { DocContext } from './profile';
import type { Statement } from './statements';
import { singular } from './nouns';
import { escapeRegExp } from './words';

export type NameKind = 'person' | 'place' | 'organization' | 'programme' | 'award' | 'other';

export interface NameMention {
	start: number;
	end: number;
	text: string;
	kind: NameKind;
	/** Finer kind for programmes: "zone" (zones, corridors), "principle", "project". */
	sub?: string;
}

const ORG_CUES =
	/\b(?:JSC|LLP|LLC|Ltd|Inc|PLC|University|Ministry|Government|Akimat|Parliament|Senate|Council|Committee|Commission|Agency|Bank|Company|Corporation|Institute|Hospital|Union|Association|Court|Party|Academy|Foundation|Organization|Organisation|Office|Department|College|Museum|Society|Authority|Service|Fund|Assembly|Police|Army|Navy|Club)\b/;
const PLACE_AFTER =
	/^\s+(?:region|regions|city|district|mountains|mountain|lake|river|village|town|oblast|province|sea|valley|desert|steppe|peninsula|island|county|state|airport)\b/;
const PLACE_BEFORE =
	/\b(?:city|town|village|region|province|republic|capital) of\s+$|\b(?:in|near)\s+$/;
const PROJECT_AFTER =
	/^\s+(?:special economic zone|industrial zone|economic zone|free economic zone|transport corridor|corridor|industrial park|programme|program)\b/;
/** A title before a person's name ("Pope Francis"). */
export const TITLE =
	/^(?:Pope|President|Mr|Mrs|Ms|Dr|Sir|Saint|St|Prince|Princess|King|Queen|General|Professor)\b/;
const COUNTRY_LIKE =
	/^(?:Kazakhstan|Uzbekistan|Kyrgyzstan|Russia|China|Mongolia|Ukraine|Turkey|India|Japan|Germany|France|Italy|Spain|Canada|Australia|Brazil|Mexico|Egypt|Kenya|Nigeria|Poland|Norway|Sweden|Finland|Ireland|Scotland|England|Britain|America|Europe|Asia|Africa|Republic of \w+|United \w+)$/;

const STATE_OR_RIVER = /(?:ate|stan|Darya|Empire|Horde|Union|Dynasty|Kingdom|Republic)$/;

function personLike(name: string, ctx: DocContext): boolean {
	if (TITLE.test(name)) return true;
	const parts = name.split(' ');
	if (parts.length < 2 || parts.length > 3) return false;
	// "Kara-Khanid Kaganate", "Amu Darya", "Kazakh Khanate": a state or a river, not a person.
	if (STATE_OR_RIVER.test(parts[parts.length - 1])) return false;
	return parts.every(
		(p) =>
			/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(p) &&
			!ctx.lowercaseWords.has(p.toLowerCase()) &&
			!COUNTRY_LIKE.test(p) &&
			!NOT_NAMES.has(p)
	);
}

function classify(chunk: NameSpan, text: string, ctx: DocContext): NameMention {
	const after = text.slice(chunk.end, chunk.end + 40);
	const before = text.slice(Math.max(0, chunk.start - 30), chunk.start);
	let { start, end, text: name } = chunk;
	// A leading common word ("Director Gulnara Akhmetova") is a title, not part of the name.
	const parts = name.split(' ');
	if (
		parts.length >= 3 &&
		(ctx.lowercaseWords.has(parts[0].toLowerCase()) || ctx.capitalModifiers.has(parts[0])) &&
		personLike(parts.slice(1).join(' '), ctx)
	) {
		start += parts[0].length + 1;
		name = parts.slice(1).join(' ');
	}
	let kind: NameKind = 'other';
	const project = after.match(PROJECT_AFTER);
	if (/ National Project$/i.test(name)) {
		name = name.replace(/ National Project$/i, '');
		end = start + name.length;
		kind = 'programme';
	} else if (project) {
		end += project[0].length;
		name = text.slice(start, end);
		kind = 'programme';
	} else if (ORG_CUES.test(name)) kind = 'organization';
	else if (
		COUNTRY_LIKE.test(name) ||
		PLACE_AFTER.test(after) ||
		PLACE_BEFORE.test(before) ||
		/^Lake /.test(name)
	)
		kind = 'place';
	else if (ctx.country && new RegExp(`^[A-Z][a-z]+ ${escapeRegExp(ctx.country)}$`).test(name))
		kind = 'programme';
	else if (personLike(name, ctx)) kind = 'person';
	return { start, end, text: name, kind, sub: subKind(kind, name, before, after) };
}

/**
 * The finer kind a wrong option must share with the key: a lake for a lake, a company for a
 * company. Undefined when the text does not say (a place of unknown kind gets no wrong options).
 */
function subKind(kind: NameKind, name: string, before: string, after: string): string | undefined {
	if (kind === 'programme') return /(?:zone|corridor|park)$/i.test(name) ? 'zone' : 'project';
	if (kind === 'organization') {
		for (const [sub, cue] of ORG_SUBKINDS) if (cue.test(name)) return sub;
		return 'other';
	}
	if (kind === 'place') {
		if (/^Lake\b/.test(name)) return 'lake';
		const word =
			after.match(PLACE_AFTER)?.[0].trim().replace(/s$/, '') ??
			before.match(/\b(city|town|village|region|province|republic|capital) of\s+$/)?.[1];
		if (word) return word === 'capital' ? 'city' : word;
		if (/^(?:Europe|Asia|Africa|America|Australia|Antarctica)$/.test(name)) return 'continent';
		if (COUNTRY_LIKE.test(name)) return 'country';
	}
	return undefined;
}

const ORG_SUBKINDS: [string, RegExp][] = [
	['company', /\b(?:JSC|LLP|LLC|Ltd|Inc|PLC|Company|Corporation)\b/],
	['education', /\b(?:University|Institute|Academy|College|School|Lyceum)\b/],
	['health', /\b(?:Hospital|Clinic)\b/],
	[
		'government',
		/\b(?:Government|Ministry|Akimat|Parliament|Senate|Council|Committee|Commission|Agency|Court|Department|Office|Authority|Service|Police|Army|Navy)\b/
	]
];

/** Lists ("Karkaraly and Shaitankol, the Bektau ata and Bugyly-Tagyly mountains") share a kind. */
function propagateListKinds(mentions: NameMention[], text: string, ctx: DocContext): void {
	const canBePerson = (m: NameMention) =>
		m.text.split(' ').every((w) => !ctx.lowercaseWords.has(w.toLowerCase()));
	for (let pass = 0; pass < 2; pass++) {
		for (let i = 0; i + 1 < mentions.length; i++) {
			const a = mentions[i];
			const b = mentions[i + 1];
			const gap = text.slice(a.end, b.start);
			if (!/^(?:\s+[a-z]+)?(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?$/.test(gap)) continue;
			if (a.kind === 'other' && (b.kind === 'place' || (b.kind === 'person' && canBePerson(a))))
				a.kind = b.kind;
			else if (
				b.kind === 'other' &&
				(a.kind === 'place' || (a.kind === 'person' && canBePerson(b)))
			)
				b.kind = a.kind;
		}
	}
}

/** Names mentioned in a statement, typed by context; quoted names keep their cue-based kind. */
export function findNames(statement: Statement, ctx: DocContext): NameMention[] {
	const text = statement.text;
	const mentions: NameMention[] = [];
	for (const q of statement.quoted) {
		if (q.kind === 'other') continue;
		const at = text.indexOf(q.text);
		if (at < 0) continue;
		const before = text.slice(Math.max(0, at - 12), at);
		const sub =
			q.kind !== 'programme'
				? undefined
				: /(?:principle|slogan|motto)\s*$/i.test(before)
					? 'principle'
					: 'project';
		mentions.push({ start: at, end: at + q.text.length, text: q.text, kind: q.kind, sub });
	}
	for (const chunk of nameSpans(text, ctx)) {
		const clash = mentions.find((m) => chunk.start < m.end && m.start < chunk.end);
		// A capital run that overlaps a quoted name is part of that name.
		if (clash) continue;
		mentions.push(classify(chunk, text, ctx));
	}
	mentions.sort((a, b) => a.start - b.start);
	propagateListKinds(mentions, text, ctx);
	// Parts of hyphenated compounds ("Balkhash" in "Balkhash–Burulbaital") are not keys.
	return mentions.filter(
		(m) =>
			m.text.length > 1 && !/[-–]$/.test(text.slice(0, m.start)) && !/^[-–]/.test(text.slice(m.end))
	);
}

// ---------------------------------------------------------------------------------------------
// Roles of people: "Artem Kasymov, head of the Tentekskaya mine section", "the writers A, B, C".

export interface PersonRole {
	person: string;
	role: string;
}

const ROLE_NOUN =
	/^(?:the\s+)?(?:head|chief|director|engineer|leader|chairman|chairwoman|teacher|trainer[\w-]*|coach|doctor|minister|president|founder|author|writer|poet|composer|scientist|manager|worker|miner|member|deputy|governor|mayor|akim|professor|student|champion|captain|[a-z]+(?:er|or|ist|ian))\b/;

function trimRole(role: string): string | null {
	let r = role
		.replace(/^the\s+/, '')
		.replace(/[,.;\s]+$/, '')
		.trim();
	const words = r.split(/\s+/);
	if (words.length > 10) {
		// Keep up to the last "of ..." that fits.
		r = words
			.slice(0, 10)
			.join(' ')
			.replace(/\s+(?:of|of the|in|and|the|for)$/, '');
		if (r.split(' ').length < 3) return null;
	}
	return ROLE_NOUN.test(r) ? r : null;
}

const AWARD_CUE = /(order|medal|prize|award|title)\s+$/i;

/** The award's cue word ("order", "medal") as the text uses it before a mention at `at`. */
export function awardCue(text: string, at: number): RegExpMatchArray | null {
	return text.slice(Math.max(0, at - 12), at).match(AWARD_CUE);
}

/** Roles stated for people in one statement. */
export function findRoles(text: string, names: NameMention[]): PersonRole[] {
	const roles: PersonRole[] = [];
	const people = names.filter((n) => n.kind === 'person');
	for (const p of people) {
		const after = text.slice(p.end);
		const appositive = after.match(
			/^,\s+((?:the\s+)?[a-z][^,;.]{2,120}?)(?=,|\.|;|\s+and\s+[A-Z]|$)/
		);
		if (appositive) {
			const role = trimRole(appositive[1]);
			if (role && !/\b(?:who|which|that|was|were|is|are)\b/.test(role)) {
				roles.push({ person: p.text, role });
				continue;
			}
		}
		const before = text.slice(0, p.start);
		const pre = before.match(/(?:^|\bto\s+|\band\s+|,\s+)the\s+([a-z][^,;]{2,160}?)\s+$/);
		if (pre && !/\b(?:was|were|is|are|awarded|and the)\b/.test(pre[1])) {
			const role = trimRole(pre[1]);
			if (role) {
				roles.push({ person: p.text, role });
				continue;
			}
		}
	}
	// "great writers A, B, C were born", "Leaders of the Alash movement A, B, C".
	const list = text.match(
		/\b((?:[a-z]+\s+)?([a-zA-Z]+s)(?:\s+of\s+the\s+[A-Z]\w*(?:\s+[a-z]+)?)?)\s+((?:[A-Z][\w'-]+\s+[A-Z][\w'-]+(?:,\s+|\s+and\s+|,\s+and\s+)){1,6}[A-Z][\w'-]+\s+[A-Z][\w'-]+)/
	);
	if (list && /s$/.test(list[2]) && !/^(?:the|of)$/.test(list[2])) {
		const head = list[1].replace(/^(?:great|famous|prominent|many|our|the)\s+/i, '');
		const role = head.replace(list[2], singular(list[2].toLowerCase()));
		for (const p of people) {
			if (
				list[3].includes(p.text) &&
				!roles.some((r) => r.person === p.text) &&
				ROLE_NOUN.test(role)
			)
				roles.push({ person: p.text, role });
		}
	}
	return roles;
}
