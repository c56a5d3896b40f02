/**
 * The other forms of a typed name a student would write for it, accepted by the grader as the
 * stored question says: without an everyday modifier ("Prehistoric Bronze Age": "Bronze Age"),
 * without the natural feature it names ("Karatau Mountains": "Karatau", "Lake Balkhash":
 * "Balkhash"), without an occupation ("Geographer Philip Micklin": "Philip Micklin"), with
 * or without a title the text gives it ("Kublai": "Kublai Khan"), a people by its first name
 * ("Zunghar Oirats": "Zunghars"), a hyphenated name without its kind ("Trans-Aral Railway":
 * "Trans-Aral") and a person by the surname ("William Bradford": "Bradford").
 */

import type { Registry } from './analyse';
import type { Candidate } from './candidate';
import { COMMON_PER_MILLION, type Lexicon } from './lexicon';
import { otherNamesOf } from './other-names';

/** Modifiers that tell one thing from another ("Lower Paleolithic", "Western Turkic Khaganate"). */
const DISTINGUISHING = new Set(
	'early late later earlier northern southern eastern western central north south east west upper lower middle inner outer greater lesser great little new old first second third last grand high low modern'.split(
		' '
	)
);
/** An adjective of a name ("Russian", "Turkic") is a description, not the name. */
const ADJECTIVE_OF_NAME = /(?:ian|ic|ish|ese|an|i)$/;

/**
 * Heads that only say what kind of thing a name is: a faith's follower, a people, a state, a
 * dynasty, a natural feature, a party. The name before them is what a student remembers.
 */
const GENERIC_HEAD = new Set(
	'christian christians muslim muslims turks empire dynasty river sea mountains party khanate church'.split(
		' '
	)
);

/** Heads that name the people of a faith or a nation: its name takes their plural ("Seljuks"). */
const PEOPLE_HEAD = new Set(['christians', 'muslims', 'turks']);

/**
 * "Orthodox Christian" -> "Orthodox", "Seljuk Turks" -> "Seljuk", "Seljuks": a name of two words
 * whose second is a generic head and whose first is a proper name or adjective of one (not a
 * word that tells one thing from another, such as "Northern"). Empty when the short form names
 * another thing the text mentions as well, a name that starts with it ("Ottoman" beside both
 * "Ottoman Empire" and "Ottoman Turks", "Mongol" beside "Mongol Empire" and "the Mongols"), since
 * then it would not say which. A name that narrows it ("Russian Orthodox") is no other answer.
 */
export function withoutGenericHead(answer: string, registry: Registry): string[] {
	const words = answer.split(/\s+/);
	if (words.length !== 2) return [];
	const [first, head] = words;
	if (!GENERIC_HEAD.has(head.toLowerCase())) return [];
	if (!/^\p{Lu}\p{Ll}{3,}$/u.test(first) || DISTINGUISHING.has(first.toLowerCase())) return [];
	// A people by its name in the plural too ("Seljuks"), unless the name is an adjective.
	const plural =
		PEOPLE_HEAD.has(head.toLowerCase()) && !/(?:ian|ic|ish|ese|an|i|x|s)$/.test(first)
			? [first + 's']
			: [];
	const forms = [first, ...plural];
	const own = registry.entryOf(answer);
	const lower = first.toLowerCase();
	const elsewhere = registry.names.some(
		(e) =>
			e !== own &&
			e.variants.some((v) => {
				const opening = v.toLowerCase().split(/[\s-]+/)[0];
				if (v === answer || (opening !== lower && opening !== lower + 's')) return false;
				// "Orthodox" for "Russian Orthodox": the short form as the head of a narrower name.
				return !(v === first && e.variants.some((u) => u.endsWith(' ' + first)));
			})
	);
	return elsewhere ? [] : forms;
}

/** The blank is someone who speaks or writes, or is given an office beside it. */
const PERSON_CUE =
	/_____(?:,[^.]*?,)? (?:said|says|wrote|writes|declared|argued|noted|stated|told|recalled)\b|\b(?:administrator|leader|minister|governor|general|president|khan|emperor|writer|poet|scientist|author|founder)[^.]{0,30}, _____/i;

/**
 * "Prehistoric Bronze Age" -> "Bronze Age": the name without an everyday adjective before it (by
 * its ending, never a first name or a word of the name such as "Holy", never one that tells one
 * thing from another such as "Lower"), when the rest stands as a name; null otherwise.
 */
export function withoutQualifier(answer: string, lexicon: Lexicon): string | null {
	const [first, ...rest] = answer.split(/\s+/);
	const lower = first.toLowerCase();
	if (
		rest.length &&
		/^\p{Lu}\p{Ll}+(?:ic|al|ous|ive|ary)$/u.test(first) &&
		!DISTINGUISHING.has(lower) &&
		lexicon.perMillion(lower) > 0 &&
		!lexicon.isNoun(lower) &&
		/^\p{Lu}/u.test(rest[0]) &&
		(rest.length >= 2 || lexicon.perMillion(rest[0].toLowerCase()) <= COMMON_PER_MILLION)
	)
		return rest.join(' ');
	return null;
}

export function acceptOtherForms(c: Candidate, registry: Registry, lexicon: Lexicon): void {
	const q = c.question;
	if (q.type !== 'fill_blank' || /^(?:#|term:)/.test(c.key)) return;
	const entry = registry.entryOf(q.answer);
	const add = (form: string) => {
		if (form === q.answer || q.accept.includes(form)) return;
		// Never another name of the text ("Green Kazakhstan" is not "Kazakhstan").
		const other = registry.entryOf(form);
		if (other && other !== entry) return;
		if (form === registry.ctx.country || form === registry.ctx.region) return;
		q.accept.push(form);
	};
	// The other name the text itself gives the key ("Oxus River", the present-day "Amu Darya"),
	// and its short forms: a second name of one thing, not another thing of the text.
	for (const other of otherNamesOf(registry.ctx.doc).get(q.answer) ?? [])
		if (!q.accept.includes(other)) q.accept.push(other);
	const words = q.answer.split(/\s+/);
	const lower = (w: string) => w.toLowerCase();
	const rare = (w: string) => lexicon.perMillion(lower(w)) <= COMMON_PER_MILLION;
	if (words.length >= 2) {
		const [first, ...rest] = words;
		const unqualified = withoutQualifier(q.answer, lexicon);
		if (unqualified) add(unqualified);
		// "Geographer Philip Micklin", "Emperor Buyantu": the name without the occupation before it.
		if (
			/^\p{Lu}\p{Ll}+(?:er|ist|or|ian)$/u.test(first) &&
			lexicon.nounTopic(lower(first)) === 'person' &&
			rest.every((w) => /^\p{Lu}[\p{Ll}-]+$/u.test(w) && !ADJECTIVE_OF_NAME.test(w))
		)
			add(rest.join(' '));
		// Checked against the text's other names by withoutGenericHead itself.
		for (const form of withoutGenericHead(q.answer, registry))
			if (!q.accept.includes(form) && form !== registry.ctx.country) q.accept.push(form);
		// "Karatau Mountains", "Lake Balkhash": a natural feature's name without the feature.
		const feature = (w: string) =>
			/^\p{Lu}\p{Ll}+$/u.test(w) &&
			lexicon.isNoun(lower(w)) &&
			lexicon.nounTopic(lower(w)) === 'object';
		const plain = (w: string) =>
			/^\p{Lu}[\p{Ll}-]+$/u.test(w) && rare(w) && !ADJECTIVE_OF_NAME.test(w);
		if (words.length === 2 && feature(words[1]) && plain(words[0])) add(words[0]);
		if (words.length === 2 && feature(words[0]) && plain(words[1])) add(words[1]);
		// "Zunghar Oirats": the people by its first name alone ("Zunghars").
		if (
			words.length === 2 &&
			plain(words[0]) &&
			!/s$/.test(words[0]) &&
			/^\p{Lu}\p{Ll}+[^s]s$/u.test(words[1]) &&
			rare(words[1])
		)
			add(words[0] + 's');
		// "Trans-Aral Railway": a hyphenated name without the everyday kind of thing it names.
		if (
			words.length === 2 &&
			/^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(words[0]) &&
			/^\p{Lu}\p{Ll}+$/u.test(words[1]) &&
			lexicon.isNoun(lower(words[1])) &&
			!rare(words[1])
		)
			add(words[0]);
		// "William Bradford, speaking in 1630 ..., said": a person (by the role or the saying the
		// sentence gives the blank) by the surname alone.
		if (
			entry?.kind === 'person' &&
			(entry.roles.length > 0 || PERSON_CUE.test(q.prompt)) &&
			!DISTINGUISHING.has(lower(words[0])) &&
			words.length === 2 &&
			words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)) &&
			lexicon.nounTopic(lower(words[0])) !== 'person' &&
			rare(words[1])
		)
			add(words[1]);
		// "Kublai Khan": the name without its title.
		const last = words[words.length - 1];
		if (
			/^\p{Lu}\p{Ll}+$/u.test(last) &&
			!/s$/.test(last) &&
			lexicon.nounTopic(lower(last)) === 'person' &&
			words.slice(0, -1).every(plain)
		)
			add(words.slice(0, -1).join(' '));
	} else {
		// "Kolbin": the fuller name the text gives the same person ("Gennady Kolbin").
		if (entry?.kind === 'person')
			for (const v of entry.variants)
				if (/^(?:\p{Lu}\p{Ll}+ )+$/u.test(v.slice(0, -q.answer.length)) && v.endsWith(q.answer))
					add(v);
		// "Kublai": the fuller name with the title the text gives it ("Kublai Khan").
		for (const e of registry.names)
			for (const v of e.variants) {
				const title = v.startsWith(q.answer + ' ') ? v.slice(q.answer.length + 1) : '';
				if (/^\p{Lu}\p{Ll}+$/u.test(title) && lexicon.nounTopic(lower(title)) === 'person')
					if (!q.accept.includes(v)) q.accept.push(v);
			}
	}
}
