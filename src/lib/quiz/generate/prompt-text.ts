/** Text checks shared by the rewriter (to reject statements) and the gates (to catch bad prompts). */

import { BLANK } from './words';
import type { Lexicon } from './lexicon';
import type { Statement } from './statements';
import { contentWords, QUOTE_CHARS } from './words';

const PREFIX = /^(?:According to the (?:speech|text|article|report)|In the (?:speech|text)),\s*/;

const DEMONSTRATIVE = /\b(?:this|these|those)\b(?!\s+(?:year|month|week|century|decade|who)\b)/i;
const THAT_NOUN =
	/\bthat\s+(?:issue|problem|matter|question|task|way|direction|case|one|region|city|place|time|project|plan|idea|area|step|measure|moment|century|year|decade|period|war|day|month|era|agreement|arrangement|framework|context|sense|regard)s?\b/i;
const REFERENCE =
	/\b(?:the latter|the former|the above|above-mentioned|aforementioned|mentioned (?:above|below)|as follows|the following|following (?:are|is)|said above|as noted|all that|as if|all this|(?:at|on) the other (?:end|side|hand)|the difference(?! between))\b/i;
/** "Islam continued to gain adherents, however.": set against a sentence the prompt does not show. */
const CONTRAST = /,\s*however\b|\bhowever,|\b(?:instead|too)\.?$/i;
/**
 * "The changes were observed in data ...": the outcome of what an earlier sentence told, named
 * only by its kind. "The changes of the ice" says which; "The changes were" does not.
 */
const TOLD_BEFORE =
	/^The (?:changes?|results?|findings?|measures?|events?|effects?|efforts?|developments?|decisions?|reforms?|observations?|losses|gains?) (?:were|was|are|is|have|has|had)\b/;
/**
 * "... were less economically developed.": a comparison whose other side (than what?) is in an
 * earlier sentence. "should become a more comfortable city" tells a change, not a comparison.
 */
const COMPARED_BEFORE =
	/(?<!\b(?:become|became|becomes|becoming|grow|grew|grows|growing|get|got|gets|make|made|makes)(?: an?)? )\b(?:less|more) (?:[a-z]+ly )?[a-z]+(?:ed|al|ful|ous|ive|ant|ent|ic|able|ible)\b(?![^.]*\bthan\b)/;
/** "The first, from ...", "Two Kazakh hordes ...": one of a set an earlier sentence counted. */
const COUNTED_SUBJECT =
	/^(?:The (?:first|second|third|last|other|remaining|rest)\b(?! (?:of|time|to)\b)|(?:Two|Three|Four|Five|Both)\s+(?!(?:years|months|weeks|days|decades|centuries)\b)[\p{L}-]+)/u;
const CONNECTIVE =
	/^(?:Therefore|Thus|Hence|However|Moreover|Furthermore|In addition(?! to\b)|At the same time|Also|Then|In this regard|Besides|Consequently|Meanwhile|Nevertheless|Likewise|Similarly|Otherwise|Accordingly|For this reason|As a result|Because of this|In turn)\b/;
const FIRST_OR_SECOND_PERSON =
	/\b(?:I|me|my|myself|we|We|us|our|Our|ours|ourselves|you|You|your|Your)\b/;
const ACCORDING_TO_PRONOUN = /\bAccording to (?:him|her|them|it)\b/i;
const PERSON_ANCHOR =
	/\b(?:President|Head of State|Pope|Prime Minister|[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+|man|woman|leader|minister|king|queen|author|mayor|writer|poet|scientist|chairman|director|founder|head)\b/;
/** "there" as a place ("thrived there"), not the "there is / there were" that names nothing. */
const THERE =
	/\bthere\b(?!\s+(?:is|are|was|were|will|would|have|has|had|seems?|seemed|remains?|remained|exists?|existed|appears?|appeared|could|may|might|must|should|can|used|being|be|followed|came|arose|lived)\b|['’]s\b)/i;
const EXPLETIVE_IT =
	/^It (?:is|was|will be|has been|would be|seems|remains|becomes|became)\s+(?:\w+ly\s+)?(?:necessary|important|known|possible|clear|planned|expected|essential|vital|difficult|impossible|time|likely|unlikely|said|noted|reported|believed|hoped|worth|crucial|urgent|obvious|evident|true|easy|hard|more|less|not|also|to|that|no)\b/;

/** Why a prompt or statement depends on the sentence before it, or null when it stands alone. */
export function leanReason(text: string): string | null {
	// Only the first sentence can lean on what the prompt does not show: a later one has it before.
	const whole = text
		// A quotation the prompt attributes is the person's words, not the prompt's.
		.replace(/“[^”]*”/g, 'it')
		.replace(PREFIX, '')
		.replace(
			/^(?:True or false:|Complete the sentence[^:]*:|Fill in the missing word[^:]*:|Give the figure[^:]*:)\s*/i,
			''
		);
	// "we", "I", "you" in any sentence of a prompt speak for nobody the prompt names.
	if (FIRST_OR_SECOND_PERSON.test(whole)) return 'first or second person';
	// "This year's maximum" in a text read years later: which year?
	// (A year elsewhere in the prompt, "three times what it was in January 1961", is not this one.)
	if (/\bthis (?:year|month|week)\b(?!,? (?:1\d{3}|20\d{2})\b)/i.test(whole))
		return '"this year" without the year';
	const body = whole.split(/(?<=[a-z0-9%)]\.)\s+(?=[A-Z])/)[0];
	const cap = body.charAt(0).toUpperCase() + body.slice(1);
	if (DEMONSTRATIVE.test(body)) return 'demonstrative (this/these/those)';
	if (/^(?:[Tt]hat(?:'s|’s| is| was)|[Aa]nd|[Bb]ut|[Oo]r)\b/.test(body))
		return 'continues the previous sentence';
	if (/\bsuch\b/i.test(body)) return 'such';
	if (THAT_NOUN.test(body)) return 'that + noun';
	if (REFERENCE.test(body)) return 'reference to other text';
	if (CONTRAST.test(body)) return 'contrast with an earlier sentence';
	if (COUNTED_SUBJECT.test(cap)) return 'one of a set counted before';
	if (TOLD_BEFORE.test(cap)) return 'an outcome told before';
	if (COMPARED_BEFORE.test(body) && !/\bthan\b/.test(body))
		return 'comparison without its other side';
	// "Kazakhstan also maintains good relations with ...": adds to what was said before.
	if (/^(?:\S+\s+){1,3}also\b/.test(body)) return '"also" adds to an earlier sentence';
	if (CONNECTIVE.test(cap)) return 'connective that continues the previous sentence';
	if (FIRST_OR_SECOND_PERSON.test(body)) return 'first or second person';
	if (ACCORDING_TO_PRONOUN.test(body)) return 'according to a pronoun';
	if (/^(?:He|She|His|Her|Him|They|Their|Them|Its)\b/.test(cap))
		return 'pronoun without antecedent';
	if (/^It\b/.test(cap) && !EXPLETIVE_IT.test(cap)) return 'pronoun "it" without antecedent';
	for (const m of body.matchAll(/\b(?:he|him|his|she|her|hers)\b/gi)) {
		const possessive = /^(?:his|her)$/i.test(m[0]);
		const scope = possessive ? body : body.slice(0, m.index);
		// "_____, who visited ..., said in one of his sermons": the blank is the person.
		if (!PERSON_ANCHOR.test(scope) && !/_____,? who\b/.test(scope))
			return `"${m[0]}" without antecedent`;
	}
	for (const m of body.matchAll(/\b(?:they|them|their|theirs)\b/gi)) {
		const before = body.slice(0, m.index);
		if (
			!/\b[a-z]{3,}[^s'\W]s\b|\b(?:people|children|men|women|police|staff|personnel)\b/i.test(
				before
			)
		)
			return `"${m[0]}" without antecedent`;
	}
	return null;
}

/**
 * "Asian versions of Christianity ... thrived there as well.": the place and what the sentence
 * adds to are in one the prompt does not show. Checked on the prompt's first sentence, as
 * `leanReason` is, but only once statements are told (a statement that fails it still counts
 * among the text's mentions of its names).
 */
export function placeOrAdditionReason(text: string): string | null {
	const body = text
		.replace(PREFIX, '')
		.replace(
			/^(?:True or false:|Complete the sentence[^:]*:|Fill in the missing word[^:]*:|Give the figure[^:]*:)\s*/i,
			''
		)
		.split(/(?<=[a-z0-9%)]\.)\s+(?=[A-Z])/)[0];
	if (THERE.test(body) && !/\bhere and there\b/i.test(body)) return '"there" without the place';
	if (/\bas well\b(?! as\b)/i.test(body)) return '"as well" adds to an earlier sentence';
	return null;
}

const TAG_VERBS =
	'said|says|say|noted|notes|stressed|stresses|added|adds|emphasized|emphasised|believes|instructed|instructs|explained|stated|states|declared|concluded|continued|recalled|remarked|told|asked|urged|warned';
const SPEAKER_TAG = new RegExp(
	`(?:[,.]\\s*(?:-\\s*)?(?:[Tt]he\\s+)?(?:[Hh]ead of [Ss]tate|[Pp]resident|[A-Z][\\w'-]+(?:\\s+[A-Z][\\w'-]+){0,2})\\s+(?:${TAG_VERBS})` +
		`|[,.]\\s*(?:-\\s*)?(?:${TAG_VERBS})\\s+(?:the\\s+)?(?:[Hh]ead of [Ss]tate|[Pp]resident|[A-Z][\\w'-]+(?:\\s+[A-Z][\\w'-]+){0,2}))\\s*[.!]?$`
);

/** Why a text keeps quote marks or a speaker tag, or null. */
export function quoteOrTagReason(text: string): string | null {
	if (QUOTE_CHARS.test(text)) return 'quote mark';
	if (SPEAKER_TAG.test(text)) return 'speaker tag';
	return null;
}

/** Why a prompt looks like a broken fragment, or null. */
export function fragmentReason(prompt: string): string | null {
	const trimmed = prompt.trim();
	if (!/^[A-Z0-9]/.test(trimmed)) return 'does not start with a capital';
	if (!/[?.]$/.test(trimmed) && !trimmed.includes(BLANK)) return 'no final "?" or "." and no blank';
	const words = trimmed.split(/\s+/).length;
	if (words < 6 || trimmed.length < 30) return 'too short';
	if (/\s[,.;:?]/.test(trimmed.replace(/_____\s*[,.;:?]/g, BLANK)))
		return 'space before punctuation';
	if (/\b(\w+) \1\b/i.test(trimmed.replace(/\b(that|had) \1\b/gi, ''))) return 'doubled word';
	if (/[a-z][.!?][A-Z]|\b[a-z]{3,}\.[a-z]{3,}\b/.test(trimmed)) return 'sentences glued together';
	if (/\.\.\.|…/.test(trimmed)) return 'ellipsis';
	if (/^According to [^,]+, According to\b/.test(trimmed)) return 'double attribution';
	if ((trimmed.match(/\(/g) ?? []).length !== (trimmed.match(/\)/g) ?? []).length)
		return 'unbalanced parentheses';
	if (/[,;:-]\s*[.?]$/.test(trimmed)) return 'dangling punctuation';
	if (/\b(?:a|an|the|of|and|to|in)\s*[.?]$/i.test(trimmed)) return 'ends on a function word';
	if (trimmed.includes(BLANK) && clueWords(trimmed) < MIN_CLUE_WORDS)
		return 'too little around the blank to settle it';
	return null;
}

/** "The _____ is being created now." could be filled a dozen ways: a blank needs clues. */
const MIN_CLUE_WORDS = 4;
/** Who said it is no clue to what was said. */
const SPEAKER =
	/\b(?:the (?:President|Head of State|Prime Minister|Minister|Governor|Mayor|Akim|Chairman|Director)|[A-Z][a-z]+-[A-Z][a-z]+ [A-Z][a-z]+)\b/gi;

function clueWords(prompt: string): number {
	const body = prompt
		.replace(PREFIX, '')
		.replace(/^(?:Complete the sentence[^:]*:)\s*/i, '')
		.replace(SPEAKER, ' ')
		.replace(BLANK, ' ');
	return contentWords(body).length;
}

/**
 * "The clinic will give a new impetus" after "a university clinic": a bare "the" + noun that an
 * earlier sentence of the paragraph introduced is a reference the prompt cannot resolve alone.
 */
export function anaphorReason(s: Statement): string | null {
	if (s.context) return null;
	// Earlier sentences of its paragraph, and the two before it in any case.
	const earlier = s.lesson.sentences
		.filter(
			(o) =>
				o.index < s.sentence.index &&
				(o.paragraph === s.sentence.paragraph || o.index >= s.sentence.index - 2)
		)
		.map((o) => o.text.toLowerCase());
	if (!earlier.length) return null;
	const bare = s.text.match(BARE_PLACE);
	if (bare) return `"${bare[0]}" does not say which`;
	const counted = s.text.match(/\b[Tt]he (?:two|three|four|five|both|latter|former|above) [a-z]+/);
	if (counted) return `"${counted[0]}" refers to an earlier sentence`;
	// "The protests resulted in ...": a subject the sentences before have already named.
	const subject = s.text.match(/^The ([a-z]+)(?: ([a-z]+))?\b(?! of\b)/);
	if (subject) {
		const nouns = [subject[1], subject[2]].filter((w): w is string => !!w && !SELF_EVIDENT.has(w));
		for (const noun of nouns) {
			const stemmed = noun.replace(/(?:es|s)$/, '');
			if (stemmed.length >= 4 && earlier.some((t) => new RegExp(`\\b${stemmed}`).test(t)))
				return `"the ${noun}" was named in an earlier sentence`;
		}
	}
	for (const m of s.text.matchAll(/\b[Tt]he ([a-z]{3,})\b(?! of\b)(?!-)/g)) {
		const noun = m[1];
		if (SELF_EVIDENT.has(noun) || ABSTRACT.test(noun)) continue;
		// Introduced before with a word of its own: "a university clinic", "two new hospitals".
		const introduced = new RegExp(`\\b(?!the\\b)[a-z]+ ${noun}\\b`);
		if (earlier.some((t) => introduced.test(t)))
			return `"the ${noun}" refers to an earlier sentence`;
	}
	return null;
}

/**
 * "Thousands of Kazakhs were killed, and thousands more fled.": a count without a figure, with
 * no date and no event named, is the outcome of something an earlier sentence told (the 1916
 * revolt); alone, or put before another sentence as its context, it says neither when nor why.
 */
export function unanchoredEventReason(text: string): string | null {
	const count =
		/^(?:(?:Tens|Hundreds) of thousands|Thousands|Hundreds|Millions|Dozens|Scores) of [\p{L}-]+ (?:were|was|had|died|fled|perished|lost|left)\b/u;
	if (!count.test(text)) return null;
	const when =
		/\b(?:1\d{3}|20\d{2}|\d{1,2}(?:st|nd|rd|th) century)\b|\b(?:during|in the course of) the \p{Lu}/u;
	return when.test(text) ? null : 'an outcome without its event or date';
}

/** "the city", "All work" with nothing saying which one. */
const BARE_PLACE =
	/\b[Tt]he (?:city|town|village|district|company|project|programme|plan|clinic|hospital|university|party|war|treaty|republic|coup|road|highway|bridge|railway|plant|factory|mine|station|building|khanate|empire|kingdom|dynasty|horde|colony|regime)\b(?! of \p{Lu})(?! \p{Lu})|^All (?:work|this|these)\b/u;

/** Nouns that name one thing in any sentence of a text about a country. */
const SELF_EVIDENT = new Set(
	'world country state government president nation republic economy future past public people population capital constitution parliament army sea sun moon earth internet end beginning first second last same next most main whole rest'.split(
		' '
	)
);
const ABSTRACT = /(?:tion|sion|ment|ity|ness|ance|ence|ism|ing|ship|al|ic|ous|ive|ly|ed)$/;

/** A past or present verb of a clause: "lost", "migrated", "was". */
const FINITE =
	'(?:[a-z]{3,}ed|was|were|is|are|had|has|lost|won|fled|took|made|became|fought|left|led|held|built|fell|gave|went|came|began|grew|ruled|sent|kept|brought|sought|saw)';
/**
 * "The Oguz lost a struggle with the Karluks, other Oguz clans migrated to the Karatau": a
 * sentence that opens with its subject and verb, then after a bare comma starts a second clause
 * with a subject and verb of its own (a comma splice).
 */
const COMMA_SPLICE = new RegExp(
	`^(?:The |A |An )?(?:\\p{Lu}[\\p{L}'’-]+ ){1,3}${FINITE} [^,;:()]*, (?!(?:and|but|or|so|yet|nor|which|who|whom|whose|where|when|while|including|as|although|though|because|with|after|before|since|until|if|then|thus|each|both|all|one|some|most|many)\\b)(?:other|the|its|their|his|her|these|those|several|\\p{Lu}[\\p{L}-]+)(?: [\\p{L}-]+){0,3}? ${FINITE} (?!by\\b)(?:[a-z]+)`,
	'u'
);

/**
 * Source grammar a teacher would not print: "Following with the end of ..." (a preposition after
 * "following", which is one itself), "had remarkable numeracy level" (a singular "level" or "rate"
 * with no article).
 */
export function brokenGrammar(text: string): string | null {
	if (/\b[Ff]ollowing (?:with|to|of|from)\b/.test(text)) return 'ungrammatical source sentence';
	if (COMMA_SPLICE.test(text)) return 'ungrammatical source sentence';
	if (
		/\b(?:has|had|have|having)\s+(?!(?:a|an|the|its|their|his|her|this|that|no|some|any|every|each|one|been|high|low|higher|lower)\b)[a-z]+\s+(?:[a-z]+\s+)?(?:level|rate)\b(?!s)/.test(
			text
		)
	)
		return 'ungrammatical source sentence';
	// "although Russia remained ... matters Nazarbayev supported ...": an opening clause run into
	// the main one without a comma, two subjects and two verbs in one breath.
	if (
		/\b(?:[Aa]lthough|[Tt]hough|[Ww]hereas)\b[^,.;]*\b[a-z]{3,}ed\b[^,.;]*\b[a-z]{3,} \p{Lu}\p{Ll}+ [a-z]{3,}ed\b/u.test(
			text
		)
	)
		return 'ungrammatical source sentence';
	return null;
}

/**
 * "The country is the U.S.'s 78th-largest trading partner ... the first country to recognize
 * Kazakhstan": "the country" names the text's country only when its sentence does not name that
 * country beside it; a prompt naming no other country then leaves it unresolved. `own` is the
 * statement's own sentence (after any context), `countries` the countries the text knows.
 */
export function unnamedCountryReason(
	text: string,
	own: string,
	textCountry: string | null,
	countries: readonly string[]
): string | null {
	if (!/\b[Tt]he country\b/.test(own)) return null;
	const named = (t: string) => countries.filter((c) => new RegExp(`\\b${c}\\b`).test(t));
	// The text's own country is "the country" unless the sentence names it as another one.
	if (textCountry && !named(own).includes(textCountry)) return null;
	const context = text.slice(0, text.length - own.length);
	if (named(context).some((c) => c !== textCountry)) return null;
	return '"the country" does not say which';
}

/**
 * Words that point at the speaker's own time and place: "dropping it in this stadium", "Today,
 * the leaders also announced ...". A prompt read away from the speech or the day of the news has
 * no referent for them. A thing "this" points at (WordNet's artifacts: a stadium, a hall, a room)
 * must be named earlier in the prompt; "this prosperity", "this quota", "at this time" refer to
 * what the prompt says.
 */
export function deixisReason(prompt: string, lexicon: Lexicon): string | null {
	const text = prompt.replace(
		/^(?:True or false:|Complete the sentence[^:]*:|Fill in the missing word[^:]*:|Give the figure[^:]*:|According to the (?:speech|text|article|report),)\s*/i,
		''
	);
	// "Today, ..." with no date in the prompt: which day?
	if (
		/(?:^|[.!?]\s+)Today\b/.test(text) &&
		!/\b(?:1\d{3}|20\d{2})\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d/.test(
			text
		)
	)
		return '"today" without a date';
	for (const m of text.matchAll(/\b[Tt]his ([a-z]{3,})\b/g)) {
		const noun = m[1];
		// "This led to ...": a verb after "this", not a noun.
		if (/^(?:led|set|left|made|meant|put|cut|saw|was|has|had|is)$/.test(noun)) continue;
		if (lexicon.nounTopic(noun) !== 'artifact') continue;
		const stem = noun.replace(/(?:es|s)$/, '');
		if (!text.slice(0, m.index).toLowerCase().includes(stem))
			return `"this ${noun}" without a referent`;
	}
	return null;
}
