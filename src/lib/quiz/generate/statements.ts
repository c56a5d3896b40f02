/**
 * Turns a lesson sentence into a clean, self-contained, third-person statement, or rejects it.
 * Quote marks and speaker tags go, "I instruct" becomes "the President instructs", "the region"
 * becomes "the Karaganda region"; anything that still leans on other sentences is rejected.
 */

import type { Lesson, Sentence } from '../../content/types';
import {
	anaphorReason,
	brokenGrammar,
	fragmentReason,
	leanReason,
	placeOrAdditionReason,
	quoteOrTagReason,
	unanchoredEventReason,
	unnamedCountryReason
} from './prompt-text';
import { COUNTRIES, isSpeaker, speakerReference, type DocContext } from './profile';
import { firstReportedExtract } from './reported-speech';
import { capitalize, escapeRegExp, STOPWORDS } from './words';

export type QuotedKind = 'programme' | 'award' | 'organization' | 'other';

export interface QuotedName {
	text: string;
	kind: QuotedKind;
}

export interface Statement {
	lesson: Lesson;
	sentence: Sentence;
	/** Clean statement, starts with a capital, ends with ".". */
	text: string;
	/** Names that stood in quote marks ("Comfortable School"), typed by the word before them. */
	quoted: QuotedName[];
	/** Position among the lesson's usable statements. */
	order: number;
	/**
	 * The sentence before, when this one leans on it ("Such measures ..."): `text` then starts with
	 * it, so a prompt carries its own referent, and keys are taken only after it.
	 */
	context?: string;
	/** Only a part of its sentence (reported-speech.ts): no later sentence leans on it. */
	partial?: boolean;
}

const TAG_VERBS =
	'said|says|noted|stressed|added|emphasized|emphasised|believes|instructed|explained|stated|declared|concluded|continued|recalled|remarked|told|urged|warned';
const TAG_AFTER_QUOTE = new RegExp(
	`\\s*[,.!?]?\\s*["“”»’]\\s*[,.]?\\s*(?:-\\s*)?(?:(?:${TAG_VERBS})\\s+([^"“”«»]{2,60}?)|([^"“”«»]{2,60}?)\\s+(?:${TAG_VERBS}))\\s*[.!]?\\s*$`
);
/** ", the President said." at the end of a sentence, for the text's speaker's offices. */
function speakerTag(ctx: DocContext): RegExp | null {
	const speaker = ctx.profile.speaker;
	if (!speaker?.title) return null;
	const offices = [speaker.title, ...speaker.titleVariants].map(escapeRegExp).join('|');
	return new RegExp(`\\s*,\\s*(?:the\\s+)?(?:${offices})\\s+(?:${TAG_VERBS})\\s*\\.?\\s*$`, 'i');
}
const QUOTED_CUES: [RegExp, QuotedKind][] = [
	[
		/(?:project|programme|program|principle|slogan|initiative|strategy|campaign|motto|plan)$/i,
		'programme'
	],
	[/(?:order|medal|prize|award|title|degree)$/i, 'award'],
	[/(?:JSC|LLP|LLC|company|firm|corporation|bank)$/i, 'organization']
];
const CONNECTIVE_START =
	/^(?:(?:Therefore|Thus|Hence|However|Also|Moreover|Furthermore|In addition(?! to\b)|At the same time|Obviously|For example|In fact|Along with this|In this regard|As a result|Of course|Indeed|Meanwhile|Besides|Accordingly|Consequently),?|(?:Then|Now|So),)\s+/;
const MODALS = new Set('will would can could should must may might shall'.split(' '));
const IRREGULAR: Record<string, string> = {
	am: 'is',
	are: 'is',
	have: 'has',
	do: 'does',
	were: 'was',
	go: 'goes'
};

function thirdPerson(verb: string): string | null {
	if (IRREGULAR[verb]) return IRREGULAR[verb];
	if (MODALS.has(verb) || verb === 'is' || verb === 'was' || verb === 'has') return verb;
	if (!/^[a-z]{2,}$/.test(verb) || /(?:ly|ed|ing)$/.test(verb) || /[^s]s$/.test(verb)) return null;
	if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return verb + 'es';
	if (/[^aeiou]y$/.test(verb)) return verb.slice(0, -1) + 'ies';
	return verb + 's';
}

function thirdPersonSubject(text: string, speaker: string, ctx: DocContext): string | null {
	let out = text;
	if (ctx.country) {
		out = out
			.replace(/\b[Oo]ur country's\b/g, `${ctx.country}'s`)
			.replace(/\b[Oo]ur country\b/g, ctx.country)
			.replace(/\b[Oo]ur (?=[a-z])/g, `${ctx.country}'s `);
		if (/\b[Ww]e\b/.test(out) && isSpeaker(speaker, ctx.profile)) {
			const replaced = replaceSubjectSimple(out, /\b[Ww]e\b/g, ctx.country);
			if (!replaced) return null;
			out = replaced;
		}
	}
	if (/\bI\b/.test(out)) {
		const replaced = replaceSubjectSimple(out, /\bI\b/g, speaker);
		if (!replaced) return null;
		out = replaced;
	}
	out = out.replace(/\bmy\b/g, `${speaker}'s`).replace(/\bme\b/g, speaker);
	return out;
}

/** Subject replacement with verb agreement, word by word (robust and easy to read). */
function replaceSubjectSimple(text: string, subject: RegExp, replacement: string): string | null {
	const words = text.split(/(\s+)/);
	for (let i = 0; i < words.length; i++) {
		const bare = words[i].replace(/[^\w]/g, '');
		subject.lastIndex = 0;
		if (!subject.test(words[i]) || !/^(?:I|We|we)$/.test(bare)) continue;
		let j = i + 2;
		while (j < words.length && /^(?:also|clearly|well|[a-z]+ly)$/.test(words[j])) j += 2;
		const verb = j < words.length ? thirdPerson(words[j]) : null;
		if (!verb) return null;
		words[i] = words[i].replace(bare, i === 0 ? capitalize(replacement) : replacement);
		words[j] = verb;
	}
	return words.join('');
}

function resolveRegion(text: string, ctx: DocContext): string {
	// "the country" is the country the text is about, named.
	if (ctx.country)
		text = text
			.replace(/\bthe country's\b/g, `${ctx.country}'s`)
			.replace(/\b(?:in|of|across|throughout|for) the country\b(?! of)/g, (m) =>
				m.replace('the country', ctx.country!)
			);
	if (!ctx.region) return text;
	const r = ctx.region;
	return text
		.replace(/\b[Tt]his (?:fertile |vast |great )?land\b/g, `the ${r} land`)
		.replace(/\b(?:[Tt]he|[Tt]his) region\b(?!al)/g, `the ${r} region`)
		.replace(/\bthe the\b/gi, 'the');
}

/**
 * Repairs a name list displaced by a faulty source: "Leaders of the Alash Alikhan movement were born
 * on Karaganda land Bokeykhan, Zhakyp Akbaev" -> "Leaders of the Alash movement Alikhan Bokeykhan,
 * Zhakyp Akbaev were born on Karaganda land".
 */
function repairDisplacedName(text: string): string {
	return text.replace(
		/^(\w+ of the [A-Z]\w+) ([A-Z][a-z]+) ([a-z]+) (were born (?:on|in) [^,]+?) ([A-Z][a-z]+(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)+)\.$/,
		'$1 $3 $2 $5 $4.'
	);
}

/** Speaker named by the tag at the end of a quote paragraph ("the President"), or null. */
export function paragraphSpeaker(paragraph: string, ctx: DocContext): string | null {
	const reference = speakerReference(ctx.profile);
	const m = paragraph.trim().match(TAG_AFTER_QUOTE);
	if (!m) {
		const tag = speakerTag(ctx);
		return reference && tag?.test(paragraph) ? reference : null;
	}
	const subject = (m[1] ?? m[2] ?? '').trim();
	if (reference && isSpeaker(subject, ctx.profile)) return reference;
	if (/^(?:the\s+)?[A-Za-z][\w' -]{1,40}$/.test(subject) && !/\b(?:that|which|and)\b/.test(subject))
		return subject;
	return null;
}

interface Cleaned {
	text: string;
	quoted: QuotedName[];
}

function stripQuotes(text: string): Cleaned | null {
	const quoted: QuotedName[] = [];
	let out = text.replace(/(\w)’(\w)/g, "$1'$2");
	out = out.replace(/^\s*["“«„]\s*/, '');
	const pairs = /["“«„]\s*([^"“”«»„]{1,90}?)\s*["”»]|["“«„]\s*([^"“”«»„]{1,90})$/g;
	out = out.replace(
		pairs,
		(whole, a: string | undefined, b: string | undefined, offset: number) => {
			const inner = (a ?? b ?? '').replace(/[,.;:]+$/, '').trim();
			const before = out.slice(0, offset).trimEnd();
			const cue = QUOTED_CUES.find(([re]) => re.test(before));
			const kind: QuotedKind = cue ? cue[1] : 'other';
			quoted.push({ text: inner, kind });
			return inner + (b !== undefined ? '.' : whole.endsWith(' ') ? ' ' : '');
		}
	);
	out = out.replace(/["“”«»„]/g, '').replace(/\s+/g, ' ');
	if (
		quoted.some(
			(q) => q.kind === 'other' && (q.text.split(' ').length > 5 || /^[a-z]/.test(q.text))
		)
	)
		return null;
	return { text: out, quoted };
}

export interface SentenceContext {
	inQuote: boolean;
	speaker: string | null;
	previous: string;
}

/** The clean statement for one sentence, or null when it cannot stand alone. */
export function rewriteSentence(raw: string, sc: SentenceContext, ctx: DocContext): Cleaned | null {
	const result = rewriteOrReason(raw, sc, ctx);
	return typeof result === 'string' ? null : result;
}

/** Like rewriteSentence, but says why a sentence was rejected. */
export function rewriteOrReason(
	raw: string,
	sc: SentenceContext,
	ctx: DocContext,
	leansAllowed = false
): Cleaned | string {
	let text = raw.replace(/\s+/g, ' ').trim();
	// ". . ." marks an extract quoted from another writer.
	if (/\.\.\.|\. \. \.|…|said:|says:|\?$|!$/.test(text))
		return 'ellipsis, nested speech or question';
	if (/^(?:First|Second|Third|Fourth|Fifth|Finally|Firstly|Secondly),/.test(text))
		return 'list item';
	if (/\b[a-z]{2,}\.[a-z]{2,}|\. [a-z]/.test(text)) return 'broken sentence boundary';
	const tag = speakerTag(ctx);
	text = text.replace(TAG_AFTER_QUOTE, '.');
	if (tag) text = text.replace(tag, '.');
	const cleaned = stripQuotes(text);
	if (!cleaned) return 'quoted speech inside';
	text = cleaned.text.trim().replace(/\s+([,.;:])/g, '$1');
	if (!/^[A-Z0-9]/.test(text)) return 'starts in lower case';
	if (/^(?:First|Second|Third|Fourth|Fifth|Finally|Firstly|Secondly),/.test(text))
		return 'list item';
	if (/\bto [a-z]+ \d{4},|\b(?:no|are|is|the|a|of) [–-] /.test(text)) return 'broken clause';
	text = repairDisplacedName(text).replace(CONNECTIVE_START, '');
	text = text.replace(/^(?:Along with this|In this regard|Therefore|Thus),\s*/, '');
	text = text.replace(/^As (?:mentioned|noted|said) (?:below|above|earlier),\s*/, '');
	text = capitalize(text);
	text = oneTitle(text, ctx);
	const reference = speakerReference(ctx.profile);
	const previousHasSpeaker = !!reference && isSpeaker(sc.previous, ctx.profile);
	if (/^(?:He|She)\b/.test(text) && previousHasSpeaker)
		text = text.replace(/^(?:He|She)\b/, capitalize(reference!));
	if (/^According to (?:him|her),\s*/.test(text) && previousHasSpeaker)
		text = text.replace(/^According to (?:him|her),\s*/, `According to ${reference}, `);
	if (ctx.region && /^It\s+[a-z]+s\b/.test(text) && !/^It\s+(?:is|was|has|seems)\b/.test(text)) {
		if (new RegExp(`\\b${ctx.region} region\\b`).test(sc.previous))
			text = text.replace(/^It\b/, `The ${ctx.region} region`);
	}
	text = capitalize(resolveRegion(text, ctx));
	if (/\b(?:I|me|my|we|We|our|Our)\b/.test(text)) {
		const speaker = sc.speaker;
		if (!speaker && /\b(?:I|me|my)\b/.test(text)) return 'first person, unknown speaker';
		const rewritten = thirdPersonSubject(text, speaker ?? 'the author', ctx);
		if (!rewritten) return 'first person not rewritable';
		text = capitalize(rewritten);
	}
	text = text.replace(/[\s,;:-]+$/, '').replace(/\.+$/, '') + '.';
	text = text
		.replace(/\s+,/g, ',')
		.replace(/,{2,}/g, ',')
		.replace(/\s{2,}/g, ' ');
	if (text.split(' ').length > 60) return 'too long';
	const quoted = cleaned.quoted;
	const lean = leansAllowed ? null : leanReason(text);
	return lean ?? quoteOrTagReason(text) ?? fragmentReason(text) ?? { text, quoted };
}

/** "the Head of State", "the president" -> "the President": one office for the speaker. */
function oneTitle(text: string, ctx: DocContext): string {
	const speaker = ctx.profile.speaker;
	if (!speaker?.title) return text;
	const offices = [speaker.title, ...speaker.titleVariants].map(escapeRegExp).join('|');
	return text
		.replace(
			new RegExp(`\\b([Tt]he) (?:${offices})\\b`, 'gi'),
			(_, the: string) => `${the} ${speaker.title}`
		)
		.replace(new RegExp(`\\b(?:${offices})\\b`, 'gi'), speaker.title);
}

/** Usable statements of a lesson, in reading order. */
export function lessonStatements(lesson: Lesson, ctx: DocContext): Statement[] {
	const statements: Statement[] = [];
	const speakers = lesson.paragraphs.map((p) => paragraphSpeaker(p, ctx));
	const reference = speakerReference(ctx.profile);
	const quoteParagraph = lesson.paragraphs.map((p) => /^\s*["“«„]/.test(p));
	let previous = '';
	for (const sentence of lesson.sentences) {
		// A line of a poem is no statement of fact (an attributed quotation is asked as one).
		if (sentence.verse) continue;
		const p = sentence.paragraph;
		const sc: SentenceContext = {
			inQuote: quoteParagraph[p] ?? false,
			speaker: quoteParagraph[p] ? (speakers[p] ?? null) : null,
			previous
		};
		const cleaned = rewriteSentence(sentence.text, sc, ctx);
		// "He ..." after a sentence about the speaker still speaks of the speaker.
		const carried =
			reference && /^(?:He|She)\b/.test(sentence.text.trim()) && isSpeaker(previous, ctx.profile)
				? `${capitalize(reference)} ${sentence.text.trim().replace(/^(?:He|She)\s+/, '')}`
				: sentence.text;
		previous = cleaned?.text ?? carried;
		const statement: Statement | null = cleaned
			? { lesson, sentence, text: cleaned.text, quoted: cleaned.quoted, order: statements.length }
			: null;
		const alone = statement && !anaphorReason(statement) && !unplaced(statement);
		if (alone && (introducesItself(statement, ctx) || !followsInParagraph(statement, statements))) {
			statements.push(statement);
			continue;
		}
		const leaning = withPrevious(sentence, sc, ctx, statements[statements.length - 1]);
		// A sentence told first must itself stand alone and read well ("thrived there as well",
		// "Following with the end of ..."): without it, a sentence that stands alone is told
		// alone; one that does not stays (its names still count) but no question is made of it.
		if (leaning && alone && !usableContext(leaning, ctx)) statements.push(statement);
		else if (leaning) statements.push({ ...leaning, lesson, sentence, order: statements.length });
		else if (!cleaned) {
			// A sentence that quotes too much to be asked may still say who said what.
			const aside = firstReportedExtract(sentence.text);
			const told = aside ? rewriteSentence(aside, sc, ctx) : null;
			const asideStatement = told && {
				lesson,
				sentence,
				text: told.text,
				quoted: told.quoted,
				order: statements.length,
				partial: true
			};
			if (asideStatement && !anaphorReason(asideStatement)) statements.push(asideStatement);
		}
	}
	return statements;
}

/**
 * A sentence that opens with what it is about: a name ("Kublai conquered ...", "The Karaganda
 * region ..."), or a date ("In 1906 ..."). Others ("The most serious threat was ...", "A week
 * after the election ...") are told with the sentence before them when it is in their paragraph.
 */
function introducesItself(s: Statement, ctx: DocContext): boolean {
	// "Kazakhstan also maintains ...": "also" adds to what was said before.
	if (/^(?:\S+\s+){1,3}also\b/.test(s.text)) return false;
	if (
		/^(?:In|On|By|From|Between|During|Since|Until|After|Before)\s+(?:the\s+)?(?:\d|\p{Lu})/u.test(
			s.text
		)
	)
		return true;
	if (/^The\s/.test(s.text)) return /^The\s+\p{Lu}/u.test(s.text);
	const first = s.text.match(/^[\p{Lu}][\p{L}'’-]*/u)?.[0];
	if (!first) return false;
	const lower = first.toLowerCase();
	// A capitalised first word is a name unless the text writes it in lower case elsewhere or it
	// has an everyday ending ("Sporadic", "Several").
	return (
		!ctx.lowercaseWords.has(lower) &&
		!STOPWORDS.has(lower) &&
		!/(?:ic|al|ous|ive|ly|ed|ing|tion|ment|ness|ity|er|est|ful|less|ral|eral)$/.test(lower)
	);
}

function usableContext(s: Pick<Statement, 'text' | 'context'>, ctx: DocContext): boolean {
	return !s.context || !unaskableReason({ text: s.context }, ctx.country);
}

/** Why a statement's prompt would not stand alone or read well, beyond what telling it checked. */
export function unaskableReason(
	s: Pick<Statement, 'text' | 'context'>,
	country: string | null
): string | null {
	const own = s.context ? s.text.slice(s.context.length + 1) : s.text;
	return (
		placeOrAdditionReason(s.text) ??
		brokenGrammar(s.text) ??
		// "Thousands of Kazakhs were killed": an outcome without its event or date is not asked
		// alone, nor told first as another sentence's context.
		(s.context ? null : unanchoredEventReason(s.text)) ??
		unnamedCountryReason(s.text, own, country, COUNTRIES)
	);
}

function followsInParagraph(s: Statement, before: Statement[]): boolean {
	const previous = before[before.length - 1];
	return (
		!!previous &&
		!previous.context &&
		previous.sentence.index === s.sentence.index - 1 &&
		previous.sentence.paragraph === s.sentence.paragraph
	);
}

/**
 * "This year, 37 settlements will be provided with clean water.": a figure with no name to say
 * where or whose is told with the sentence before it, which does.
 */
function unplaced(s: Statement): boolean {
	if (!/\d/.test(s.text)) return false;
	return !/(?<!^)\b\p{Lu}\p{Ll}/u.test(s.text.replace(/^\S+/, ''));
}

/**
 * A sentence that leans on the one right before it in its paragraph ("Such measures are taken as
 * part of the Green Kazakhstan project."), told together with that sentence.
 */
function withPrevious(
	sentence: Sentence,
	sc: SentenceContext,
	ctx: DocContext,
	before: Statement | undefined
): Pick<Statement, 'text' | 'quoted' | 'context'> | null {
	if (!before || before.context || before.partial) return null;
	if (
		before.sentence.index !== sentence.index - 1 ||
		before.sentence.paragraph !== sentence.paragraph
	)
		return null;
	const result = rewriteOrReason(sentence.text, sc, ctx, true);
	if (typeof result === 'string') return null;
	return {
		text: `${before.text} ${result.text}`,
		quoted: [...before.quoted, ...result.quoted],
		context: before.text
	};
}
