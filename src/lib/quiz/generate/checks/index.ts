/**
 * The checks stage: what a strict teacher would refuse before ranking. Each candidate is kept or
 * refused with one reason, and the refusals are counted per lesson so a bank can say why a lesson
 * has the questions it has. Ranking then chooses only among what passed.
 */

import type { AnalysedStatement, Registry } from '../analyse';
import type { Candidate } from '../candidate';
import type { Lexicon } from '../lexicon';
import { deixisReason, leanReason } from '../prompt-text';
import { isSpeaker } from '../profile';
import { unaskableReason } from '../statements';
import { STOPWORDS } from '../words';
import {
	BOUND,
	commonKey,
	givenAway,
	leaderOrWatersGiveAway,
	renamedBeside,
	mentionsIn,
	namedDocument,
	sameClass,
	tellingPart,
	yearsGiveAway
} from './keys';
import {
	CITATION,
	computable,
	DAY_OF_DATE,
	malformedNumber,
	MONTH,
	RANGE_BOUND,
	textOf
} from './prompt';
import { countedListBlank, openListBlank } from './lists';
import type { Refusal } from './refusal';
import { typedBlankRefusal } from './typed-blank';
import { statementRefusal } from './statement';
import { trueFalseRefusal } from './true-false';

export type { Refusal } from './refusal';
export { givenAway, tellingPart } from './keys';
export { malformedNumber, ordinalSuffix } from './prompt';

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

/** Per statement: the same for all its candidates. */
const unaskableOf = new WeakMap<AnalysedStatement, string | null>();

const LEADING_FUNCTION_WORD =
	/^(?:Through|Although|Though|While|After|Before|During|With|Without|Across|Under|Over|Since|Until|From|Into|Upon|Among|Between|Against|Along|Beyond|Despite|Throughout|Within|Via|By|For|Of|In|On|At|To|As|When|If|Because|Unlike|Like|Following|Including)\s/;

/** A verb of saying, then a comma and a lower-case clause: a quotation whose marks were removed. */
const QUOTE_STRIPPED =
	/\b(?:announced|said|says|stated|declared|added|noted|wrote|remarked|explained),\s+(?:a|an|the|that|this|our|we|it)\s+[a-z]/;

/**
 * "Whether an import was produced by the _____ or brought from the continent, it entered through
 * the Golden Horde": a blank inside a clause that grants any case is not what its sentence says,
 * and whatever fills it leaves the sentence true.
 */
export const CONCESSIVE_BLANK =
	/(?:^|[.:?!]\s|,\s)(?:Whether|Whatever|Whoever|Whichever|Wherever|No matter|Regardless of)\b[^,;]*_____[^;]*?,/;

/** A blank in a list that a qualified class introduces: "the five Central Asian states (A, B, and _____)". */
const QUALIFIED_LIST =
	/(?:\p{Lu}\p{Ll}+ )+[a-z]{3,}s \((?:[^()]*,\s*)?(?:and |or )?_____(?:,[^()]*)?\)/u;

/** A verb of saying or writing, or "speaking", after the one who said it. */
const SAYING =
	/^[^.;:"“”«»]{0,120}?\b(?:said|says|wrote|writes|declared|stated|remarked|recalled|proclaimed|speaking|writing)\b/;

/** A one-word name of at most four letters that starts a longer word of the text. */
export function shortFormOfLonger(key: string, words: Map<string, number>): boolean {
	if (!/^\p{Lu}\p{L}{1,3}$/u.test(key)) return false;
	const stem = key.toLowerCase();
	for (const word of words.keys()) {
		if (word.length >= stem.length + 2 && word.startsWith(stem)) return true;
	}
	return false;
}

/** A blank that only sets the time of what the sentence tells: "in _____ alone". */
const FRAMING_YEAR = /\b(?:in|during|over|for)\s+(?:the\s+)?_____\s+alone\b/i;

/**
 * "William Bradford, speaking in 1630 of the founding of the colony, said that ...": a figure of a
 * sentence that reports what someone other than the text's speaker said. The year of the saying,
 * and any figure of the words that introduce it, is a side detail of the quotation, not a fact of
 * the text; a year inside what was said is the quoted person's, not the text's, point.
 */
export function quotedSideFigure(c: Candidate, registry: Registry): boolean {
	if (!c.key.startsWith('#')) return false;
	const s = c.statement;
	const n = s.numbers.find((m) => `#${m.kind}:${m.value}:${m.unit}` === c.key);
	if (!n) return false;
	for (const m of s.names) {
		if (registry.entryOf(m.text)?.kind !== 'person') continue;
		if (isSpeaker(m.text, registry.ctx.profile)) continue;
		const said = s.text.slice(m.end).match(SAYING);
		if (!said) continue;
		const verbEnd = m.end + said[0].length;
		// The figure introduces the saying ("speaking in 1630"), or is a year of the quotation.
		if (n.start >= m.end && n.end <= verbEnd + 12) return true;
		if (n.kind === 'year' && n.start > m.end) return true;
	}
	return false;
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
	// "On _____. 20, 2024": the month of a date is no more worth knowing than its day.
	const key = 'answer' in q && typeof q.answer === 'string' ? q.answer : '';
	if (
		new RegExp(`^${MONTH}$`).test(key) ||
		/^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/.test(key)
	)
		return 'day of a date';
	// "the _____ and Atmospheric Administration", "Including the Moon and _____, For ...": the
	// blank cuts a longer name in two.
	if (
		/_____ (?:and|of|for) \p{Lu}\p{Ll}+ \p{Lu}|\s(?:Including|For|Of|And|With) (?:the )?\p{Lu}\p{Ll}+ (?:and|of) _____/u.test(
			q.prompt
		)
	)
		return 'part of a longer name';
	// The day of a date ("on March _____") is not worth knowing; its year may be.
	if (DAY_OF_DATE.test(q.prompt)) return 'day of a date';
	// "768,000 square miles (_____ square kilometers)": the same figure in another unit beside it.
	if (/_____[^()]{0,40}\([^)]*\d|\d[^()]{0,40}\([^)]*_____/.test(q.prompt))
		return 'key worked out from the prompt';
	// A bound of a range ("(1511–_____)", "between _____ and 15 per cent") is bounded by its neighbour.
	if (RANGE_BOUND.test(q.prompt)) return 'trivial detail';
	// "the _____ (NOAA)", "Atmospheric Administration (_____)": the initials and the name spell
	// out each other.
	if (/_____\s*\(\p{Lu}{2,}\)|\p{Lu}\p{Ll}+ \(_____\)/u.test(q.prompt))
		return 'key given away by the prompt';
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
	// "also announced, a shared goal for ...": the words a verb of saying quoted, marks removed.
	if (QUOTE_STRIPPED.test(q.prompt)) return 'garbled text';
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
	if (q.type !== 'true_false' && quotedSideFigure(c, registry)) return 'trivial detail';
	// "In _____ alone, several cases … occurred": the year only frames the fact the prompt tells.
	if (q.type !== 'true_false' && FRAMING_YEAR.test(q.prompt)) return 'trivial detail';
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
	if (versions.some((v) => deixisReason(v.prompt, lexicon))) return 'leans on an earlier sentence';
	let unaskable = unaskableOf.get(c.statement);
	if (unaskable === undefined) {
		unaskable = unaskableReason(c.statement, registry.ctx.country);
		unaskableOf.set(c.statement, unaskable);
	}
	if (unaskable)
		return unaskable.startsWith('ungrammatical')
			? 'ungrammatical source sentence'
			: 'leans on an earlier sentence';
	if (q.type === 'true_false') return trueFalseRefusal(c, registry);
	if (q.type === 'multiple_choice' || q.type === 'fill_blank') {
		if (isSpeaker(q.answer, registry.ctx.profile)) return 'speaker or place of the text as key';
		if (CONCESSIVE_BLANK.test(q.prompt)) return 'not the point of its sentence';
		// "the five Central Asian states (A, B, C, D, and _____)": the fifth by elimination.
		if (countedListBlank(q.prompt)) return 'list member answered by elimination';
		// "including the Alans, ..., and _____": any member the text left out fits as well.
		if (openListBlank(q.prompt)) return 'member of an open list';
		if (
			!/^#/.test(c.key) &&
			commonKey(q.answer, lexicon) &&
			!namedDocument(q.answer, c.statement.text, registry.ctx.lowercaseWords, lexicon)
		)
			return 'common word as key';
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
		// "Green Kazakhstan" in a text about Kazakhstan: the country's name gives nothing away.
		const profile = registry.ctx.profile;
		const telling = tellingPart(
			q.answer,
			[profile.country, registry.ctx.region].filter((w): w is string => !!w),
			lexicon
		);
		if (givenAway(q.prompt, telling)) return 'key given away by the prompt';
		if (leaderOrWatersGiveAway(q.prompt, q.answer)) return 'key given away by the prompt';
		if (renamedBeside(q.prompt)) return 'key given away by the prompt';
		if (givenAway(c.statement.lesson.title, q.answer)) return 'key given away by the lesson title';
		if (givenAway(registry.ctx.doc.title, q.answer)) return 'key given away by the lesson title';
		// "Through Artemis, NASA will land ...": a preposition or a conjunction that opened the
		// sentence taken into a name.
		if (LEADING_FUNCTION_WORD.test(q.answer)) return 'garbled text';
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
			// "the five Central Asian states (Kazakhstan, ..., and _____)": the prompt says what kind
			// the key is (Central Asian, a former republic) and lists the rest of its kind; wrong
			// options from the text (Poland, China) are not of it, and it has no others.
			if (QUALIFIED_LIST.test(q.prompt)) return 'options of another kind than the key';
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
		if (q.type === 'fill_blank') {
			const typed = typedBlankRefusal(q.prompt, q.answer, c, registry, lexicon);
			if (typed) return typed;
		}
		// "Rus": a short name the text also writes longer ("Russian", "Russia") is typed in the
		// longer form by a student who knows it, and marked wrong.
		if (q.type === 'fill_blank' && shortFormOfLonger(q.answer, registry.ctx.documentFrequency))
			return 'typed name with other wordings';
		if (q.type === 'fill_blank' && !/^#/.test(c.key) && !c.key.startsWith('term:')) {
			// A typed organisation, programme or adjective ("Stalinist": "Soviet" fits too) has
			// other fitting wordings; a person or a place does not.
			const kind = registry.entryOf(q.answer)?.kind;
			// A single name ("Kublai", "Tattimbet") has no other wording; an adjective of a name does.
			const single =
				kind === 'other' && !/\s/.test(q.answer) && !/(?:ist|ic|ian|an|ish|ese)$/.test(q.answer);
			// A national project's own name ("Green Kazakhstan") is said one way; a ministry is not
			// ("Ministry of Ecology", "of Environment", "the Government" fit "The _____ needs to ...").
			const oneWording = kind === 'programme' && registry.entryOf(q.answer)?.sub === 'project';
			if (kind !== 'person' && kind !== 'place' && !single && !oneWording)
				return 'typed name with other wordings';
			// "other _____ peoples" for "Slavic": an adjective of a name has neighbours that fit as well.
			if (/^\p{Lu}\p{Ll}+(?:ic|ian|ish|ese)$/u.test(q.answer) && /_____ [a-z]/.test(q.prompt))
				return 'typed name with other wordings';
			// "Mongolian China", "Stalinist Russia": a description, which "China" or "Yuan China" fit too.
			if (/^\p{Lu}\p{Ll}+(?:ian|ese|ish|ist)\s/u.test(q.answer))
				return 'typed name with other wordings';
		}
		// "the building of a _____" reads the name as a common noun: no name fits it well.
		if (/\p{Lu}/u.test(q.answer) && /\b(?:a|an) _____/.test(q.prompt)) return 'garbled text';
	}
	return null;
}
