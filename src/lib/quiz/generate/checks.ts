/**
 * The checks stage: what a strict teacher would refuse before ranking. Each candidate is kept or
 * refused with one reason, and the refusals are counted per lesson so a bank can say why a lesson
 * has the questions it has. Ranking then chooses only among what passed.
 */

import type { AnalysedStatement, Registry } from './analyse';
import type { Candidate } from './candidate';
import { isCommonPhrase, type Lexicon } from './lexicon';
import { findNumbers } from './numbers';
import { leanReason } from './prompt-text';
import { isSpeaker } from './profile';
import type { Question } from '../types';
import { STOPWORDS, tokens } from './words';

export type Refusal =
	| 'common word as key'
	| 'speaker or place of the text as key'
	| 'true/false without a checkable fact'
	| 'true/false states an opinion or a promise'
	| 'true/false without a false version'
	| 'leans on an earlier sentence'
	| 'key given away by the prompt'
	| 'key given away by the lesson title'
	| 'term without wrong options of its kind'
	| 'options of another kind than the key'
	| 'award recipients'
	| 'options that give the key away'
	| 'trivial detail'
	| 'true/false changes a day or a year beside another'
	| 'true/false fact given by the lesson title'
	| 'true/false swaps a name in a list'
	| 'day of a date'
	| 'true/false hair-split'
	| 'garbled text'
	| 'key worked out from the prompt'
	| 'figure without what it counts'
	| 'options that overlap'
	| 'typed name with other wordings'
	| 'an instruction, not a statement'
	| 'a list of names, not a statement'
	| 'matching pair without what it is'
	| 'term not central to the lesson'
	| 'malformed number'
	| 'citation marker'
	| 'verse or quotation'
	| 'speaker among the options';

export interface Screened {
	kept: Candidate[];
	refused: Partial<Record<Refusal, number>>;
}

export function screen(
	candidates: Candidate[],
	lesson: AnalysedStatement[],
	registry: Registry,
	lexicon: Lexicon
): Screened {
	const kept: Candidate[] = [];
	const refused: Partial<Record<Refusal, number>> = {};
	for (const c of candidates) {
		const reason = refusalOf(c, lesson, registry, lexicon);
		if (reason) refused[reason] = (refused[reason] ?? 0) + 1;
		else kept.push(c);
	}
	return { kept, refused };
}

export function refusalOf(
	c: Candidate,
	lesson: AnalysedStatement[],
	registry: Registry,
	lexicon: Lexicon
): Refusal | null {
	const q = c.question;
	const versions = [q, ...(c.falseVersion ? [c.falseVersion] : [])];
	if (versions.some((v) => CITATION.test(textOf(v)))) return 'citation marker';
	if (versions.some((v) => malformedNumber(textOf(v)))) return 'malformed number';
	// "the _____th-largest", "the _____s": a blank that splits a word from its ending.
	if (/_____[\p{L}\d-]|[\p{L}\d-]_____/u.test(q.prompt)) return 'malformed number';
	// The day of a date ("on March _____") is not worth knowing; its year may be.
	if (DAY_OF_DATE.test(q.prompt)) return 'day of a date';
	// "768,000 square miles (_____ square kilometers)": the same figure in another unit beside it.
	if (/_____[^()]{0,40}\([^)]*\d|\d[^()]{0,40}\([^)]*_____/.test(q.prompt))
		return 'key worked out from the prompt';
	// A year inside a range ("(1511–_____)", "from 1219 to _____") is bounded by its neighbour.
	if (
		/\d\s*[–-]\s*_____|_____\s*[–-]\s*\d|from \d{3,4} to _____|from _____ to \d{3,4}/.test(q.prompt)
	)
		return 'trivial detail';
	// "the _____ (NOAA)": the initials spell out the blank.
	if (/_____\s*\(\p{Lu}{2,}\)/u.test(q.prompt)) return 'key given away by the prompt';
	// A year the lesson's title brackets ("Famines (1929–1934)") is given, or nudged, by it.
	if (c.key.startsWith('#year:')) {
		const year = Number(c.key.split(':')[1]);
		const titleYears = (c.statement.lesson.title.match(/\b\d{3,4}\b/g) ?? []).map(Number);
		if (titleYears.some((y) => Math.abs(y - year) <= 3))
			return 'key given away by the lesson title';
	}
	// "According to _____, The application of ...": a quotation stripped of its marks.
	if (/[,;] (?:The|A|An|It|This|We|He|She|They|In|On|Our) [a-z]/.test(q.prompt))
		return 'garbled text';
	if ((q.type === 'numeric' || q.type === 'multiple_choice') && computable(q.prompt, c.key))
		return 'key worked out from the prompt';
	if (
		q.type === 'numeric' &&
		q.unit &&
		!/\s/.test(q.unit) &&
		(STOPWORDS.has(q.unit) || !/s$|%/.test(q.unit)) &&
		q.answer !== 1
	)
		return 'figure without what it counts';
	const ofStatement = statementRefusal(c.statement);
	if (ofStatement) return ofStatement;
	// Two people matched to one role can be swapped: each right-hand side must be one of its kind.
	if (q.type === 'matching' && new Set(q.pairs.map(([, right]) => right)).size < q.pairs.length)
		return 'matching pair without what it is';
	// "7: satellite", "a third: share of coal": a figure needs what it counts and whose it is.
	const figure = (left: string) => /\d|\b(?:half|third|quarter|fifth)\b/.test(left);
	if (
		q.type === 'matching' &&
		q.pairs.some(
			([left, right]) => figure(left) && (!/\s/.test(right.trim()) || !/\p{Lu}/u.test(right))
		)
	)
		return 'matching pair without what it is';
	if (versions.some((v) => leanReason(v.prompt))) return 'leans on an earlier sentence';
	if (q.type === 'true_false') return trueFalseRefusal(c, registry);
	if (q.type === 'multiple_choice' || q.type === 'fill_blank') {
		if (isSpeaker(q.answer, registry.ctx.profile)) return 'speaker or place of the text as key';
		if (!/^#/.test(c.key) && commonKey(q.answer, lexicon)) return 'common word as key';
		if (c.key.startsWith('term:')) {
			// Wrong options for an everyday noun are other nouns that rarely fit its sentence.
			if (q.type === 'multiple_choice') return 'term without wrong options of its kind';
			if (mentionsIn(lesson, c.key.slice(5)) < 3) return 'term not central to the lesson';
			// A word everyday English knows at all ("steppes") has neighbours that fit the blank as
			// well ("plains", "lands"); a term it never uses ("yassa", "ulama") does not.
			if (lexicon.perMillion(c.key.slice(5)) > 0) return 'common word as key';
			if (c.key.includes('-') || !lexicon.isNoun(c.key.slice(5)))
				return 'term not central to the lesson';
		}
		if (givenAway(q.prompt, q.answer)) return 'key given away by the prompt';
		if (givenAway(c.statement.lesson.title, q.answer)) return 'key given away by the lesson title';
		if (givenAway(registry.ctx.doc.title, q.answer)) return 'key given away by the lesson title';
		// Era markers ("BCE", "AD") are no fact of the lesson.
		if (/^(?:BCE|BC|AD|CE|A\.D\.|B\.C\.)$/.test(q.answer)) return 'trivial detail';
		// "_____ played an important role in ...": a thing opening the sentence has rivals that
		// fit as well; a person named as the doer does not.
		if (
			q.type === 'fill_blank' &&
			/:\s*_____/.test(q.prompt) &&
			registry.entryOf(q.answer)?.kind !== 'person'
		)
			return 'typed name with other wordings';
		if (q.type === 'multiple_choice') {
			if (q.options.some((o) => o !== q.answer && isSpeaker(o, registry.ctx.profile)))
				return 'speaker among the options';
			// People offered for a person are people the text gives a role: two capitalised words
			// ("Cape Canaveral") are not enough to make a name a person's.
			const entryOf = (name: string) => registry.entryOf(name);
			if (
				entryOf(q.answer)?.kind === 'person' &&
				q.options.some((o) => !(entryOf(o)?.roles.length ?? 0))
			)
				return 'options of another kind than the key';
			// A programme's title says nothing of its kind ("Comfortable School" is no school).
			const programme = registry.entryOf(q.answer)?.kind === 'programme';
			if (!/^#/.test(c.key) && !programme && !sameClass(q.answer, q.options, lexicon))
				return 'options of another kind than the key';
			// Years where the key is the latest or the earliest, or the only one off a regular
			// series (2000, 2002, 2004 against 2007), are guessed without knowing the fact.
			if (c.key.startsWith('#year:') && yearsGiveAway(q.options, q.answer))
				return 'options that give the key away';
			// "less than 300" and "about 200" are both true of 200: bounds make options overlap.
			if (q.options.some((o) => BOUND.test(o))) return 'options that overlap';
			// A wrong option that contains the key or is contained in it ("Balkhash", "Lake Balkhash").
			const a = q.answer.toLowerCase();
			if (
				q.options.some(
					(o) => o !== q.answer && (o.toLowerCase().includes(a) || a.includes(o.toLowerCase()))
				)
			)
				return 'options that overlap';
		}
		if (q.type === 'fill_blank' && !/^#/.test(c.key) && !c.key.startsWith('term:')) {
			// A typed organisation, programme or adjective ("Stalinist": "Soviet" fits too) has
			// other fitting wordings; a person or a place does not.
			const kind = registry.entryOf(q.answer)?.kind;
			// A single name ("Kublai", "Tattimbet") has no other wording; an adjective of a name does.
			const single =
				kind === 'other' && !/\s/.test(q.answer) && !/(?:ist|ic|ian|an|ish|ese)$/.test(q.answer);
			if (kind !== 'person' && kind !== 'place' && !single) return 'typed name with other wordings';
		}
		// "the building of a _____" reads the name as a common noun: no name fits it well.
		if (/\p{Lu}/u.test(q.answer) && /\b(?:a|an) _____/.test(q.prompt)) return 'garbled text';
	}
	return null;
}

/**
 * A key of everyday words: "priority", "the Government", "large companies". A name of several
 * words ("Comfortable School") is a name, whatever its words.
 */
function commonKey(answer: string, lexicon: Lexicon): boolean {
	const bare = answer.replace(/^(?:the|a|an)\s+/i, '');
	if (/\p{Lu}/u.test(bare) && /\s/.test(bare)) return false;
	return isCommonPhrase(bare, lexicon);
}

/**
 * A name whose last word is an everyday noun says what kind of thing it is ("Russian Empire",
 * "Karatau Mountains", "Lesser Horde"): every option must end in that word. Names without such a
 * word (people, most places) must not be offered beside one ("Oral" beside "Russian Empire").
 */
function sameClass(answer: string, options: string[], lexicon: Lexicon): boolean {
	const head = classWord(answer, lexicon);
	return options.every((o) => classWord(o, lexicon) === head);
}

function classWord(name: string, lexicon: Lexicon): string | null {
	const words = name.split(/\s+/);
	if (words.length < 2) return null;
	const last = words[words.length - 1].toLowerCase();
	if (!/^\p{L}+$/u.test(last) || !lexicon.isNoun(last) || lexicon.perMillion(last) < 0.5)
		return null;
	return stem(last);
}

/** A year that a start year and a duration in the same prompt give away ("from 1917 ... over two years"). */
function computable(prompt: string, key: string): boolean {
	if (!key.startsWith('#year:')) return false;
	return (
		/\b1\d{3}\b|\b20\d{2}\b/.test(prompt) &&
		/\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:years|decades)\b/.test(prompt)
	);
}

/** The first word of the true statement that the false version replaced. */
function changedWord(truth: string, falsehood: string): string | null {
	const a = truth.split(/\s+/);
	const b = falsehood.split(/\s+/);
	const i = a.findIndex((w, k) => w !== b[k]);
	return i < 0 ? null : a[i].replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
}

/** A false version whose figure is barely off the true one ("3 years" for "4 years", 1919 for 1920). */
function hairSplit(truth: string, falsehood: string): boolean {
	const a = findNumbers(truth);
	const b = findNumbers(falsehood);
	if (a.length !== b.length) return false;
	return a.some((n, i) => {
		const m = b[i];
		if (n.value === m.value) return false;
		const gap = Math.abs(n.value - m.value);
		return n.kind === 'year' ? gap < 5 : gap < Math.max(3, Math.abs(n.value) * 0.15);
	});
}

const MONTH =
	'(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';

const DAY_OF_DATE = new RegExp(`${MONTH} _____|_____ ${MONTH}`);

/** What is wrong with a statement whatever is asked of it; the same for all its candidates. */
const statementRefusals = new WeakMap<AnalysedStatement, Refusal | null>();

function statementRefusal(s: AnalysedStatement): Refusal | null {
	let refusal = statementRefusals.get(s);
	if (refusal === undefined) {
		refusal = INSTRUCTION.test(s.text)
			? 'an instruction, not a statement'
			: // Who received which award is ceremony, not the lesson's content.
				/\bawarded\b/i.test(s.text)
				? 'award recipients'
				: namesOnly(s.text)
					? 'a list of names, not a statement'
					: null;
		statementRefusals.set(s, refusal);
	}
	return refusal;
}

function yearsGiveAway(options: string[], answer: string): boolean {
	const years = options.map(Number);
	const key = Number(answer);
	if (years.some(Number.isNaN)) return false;
	if (key === Math.max(...years) || key === Math.min(...years)) return true;
	const others = years.filter((y) => y !== key).sort((a, b) => a - b);
	const gaps = others.slice(1).map((y, i) => y - others[i]);
	return gaps.every((g) => g === gaps[0]);
}

const BOUND = /\b(?:less than|more than|fewer than|up to|over|under|at least|at most)\b/i;

/** A study question of a textbook ("Explain why ..."), not something the text states. */
const INSTRUCTION =
	/^(?:Analy[sz]e|Explain|Describe|Compare|Contrast|Discuss|Identify|Evaluate|Consider|Summari[sz]e|List|Define|Imagine|Think|Read|Write|Remember|Look|Assess|Examine|Outline|Trace|Suppose)\b/;

/** A salutation or a roll of names ("President Pitzer, Mr. Vice President, Governor, ..."). */
function namesOnly(text: string): boolean {
	const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
	const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
	return words.length > 3 && capitals / words.length > 0.6;
}

/** How many statements of the lesson use the word (or its singular or plural). */
function mentionsIn(lesson: AnalysedStatement[], word: string): number {
	const forms = [word, stem(word), stem(word) + 's', stem(word) + 'es'];
	return lesson.filter((s) => forms.some((f) => s.words.has(f))).length;
}

/** Citation markers left from an encyclopedia: "[5]", "[12][13]", "[note 2]", "[citation needed]". */
const CITATION = /\[(?:\d+|[a-z]|note \d+|citation needed)\]/i;

function textOf(q: Question): string {
	const parts = [q.prompt];
	if (q.type === 'multiple_choice') parts.push(...q.options);
	if (q.type === 'matching') parts.push(...q.pairs.flat());
	return parts.join('\n');
}

/** "22th", "3nd", "1st" for 11, the "1919s", a year far in the future: never shown. */
export function malformedNumber(text: string): boolean {
	for (const m of text.matchAll(/\b(\d+)(st|nd|rd|th)\b/gi)) {
		if (ordinalSuffix(Number(m[1])) !== m[2].toLowerCase()) return true;
	}
	if (/\b\d{3}[1-9]s\b/.test(text)) return true;
	for (const m of text.matchAll(/\b(?:in|since|by|until|of|[A-Z][a-z]+) ([2-9]\d{3})\b/g))
		if (Number(m[1]) > 2100) return true;
	return false;
}

export function ordinalSuffix(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return 'th';
	return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
}

/** A word of the key (four letters or more) stands elsewhere in the prompt: the key is given away. */
export function givenAway(prompt: string, key: string): boolean {
	const words = (text: string) => tokens(text).flatMap((t) => [t, ...t.split(/[-–]/)]);
	const promptWords = words(prompt.replace(/_____/g, ' ')).map(stem);
	// The same word, or one made from it ("Islam" in "Islamic", "Kazakhs" in "Kazakhstan").
	return words(key)
		.filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !/^\d/.test(w))
		.some((w) =>
			promptWords.some((p) => p === stem(w) || (stem(w).length >= 5 && p.startsWith(stem(w))))
		);
}

const stem = (w: string) => w.replace(/(?:'s|’s|ies|es|s)$/, '');

/** A statement that takes a side rather than stating a fact: nobody would mark it false. */
const OPINION =
	/\b(?:should|must|ought|needs? to|necessary|important|essential|convinced|believes?|sure|confident|hope[sd]?|urged?|calls? on|called on|it is time|deserves?|obviously|clearly|of course|I|we|our|us)\b/i;

function trueFalseRefusal(c: Candidate, registry: Registry): Refusal | null {
	const s = c.statement;
	const profile = registry.ctx.profile;
	const facts =
		s.numbers.length +
		s.names.filter((n) => !isSpeaker(n.text, profile) && n.text !== profile.country).length;
	if (!facts) return 'true/false without a checkable fact';
	if (OPINION.test(s.text.replace(/^According to [^,]+,\s*/, '')))
		return 'true/false states an opinion or a promise';
	if (!c.falseVersion) return 'true/false without a false version';
	if (hairSplit(c.question.prompt, c.falseVersion.prompt)) return 'true/false hair-split';
	const changed = changedWord(c.question.prompt, c.falseVersion.prompt);
	if (changed) {
		const at = c.question.prompt.indexOf(changed);
		const around = c.question.prompt.slice(Math.max(0, at - 12), at + changed.length + 12);
		// "13 August" for "15 August", or "In 1930 ... until 1929": a day, or a year the
		// sentence's other year contradicts by itself.
		if (new RegExp(MONTH).test(around)) return 'true/false changes a day or a year beside another';
		const years = c.question.prompt.match(/\b1\d{3}\b|\b20\d{2}\b/g) ?? [];
		if (/^\d{4}$/.test(changed) && years.length > 1)
			return 'true/false changes a day or a year beside another';
		if (c.statement.lesson.title.includes(changed))
			return 'true/false fact given by the lesson title';
	}
	// A person swapped into a list ("writers A, B, C were born here") may share the list's claim.
	const people = s.names.filter((n) => registry.entryOf(n.text)?.kind === 'person').length;
	if (
		people >= 3 &&
		findNumbers(c.falseVersion.prompt).length === findNumbers(c.question.prompt).length
	)
		return 'true/false swaps a name in a list';
	return null;
}
