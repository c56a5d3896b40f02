/** Text checks shared by the rewriter (to reject statements) and the gates (to catch bad prompts). */

import { BLANK } from './words';
import type { Statement } from './statements';
import { contentWords, QUOTE_CHARS } from './words';

const PREFIX = /^(?:According to the (?:speech|text|article|report)|In the (?:speech|text)),\s*/;

const DEMONSTRATIVE = /\b(?:this|these|those)\b(?!\s+(?:year|month|week|century|decade|who)\b)/i;
const THAT_NOUN =
	/\bthat\s+(?:issue|problem|matter|question|task|way|direction|case|one|region|city|place|time|project|plan|idea|area|step|measure|moment|century|year|decade|period|war|day|month|era|agreement|arrangement|framework|context|sense|regard)s?\b/i;
const REFERENCE =
	/\b(?:the latter|the former|the above|above-mentioned|aforementioned|mentioned (?:above|below)|as follows|the following|said above|as noted|all that|as if|all this)\b/i;
const CONNECTIVE =
	/^(?:Therefore|Thus|Hence|However|Moreover|Furthermore|In addition|At the same time|Also|Then|In this regard|Besides|Consequently|Meanwhile|Nevertheless|Likewise|Similarly|Otherwise|Accordingly|For this reason|As a result|Because of this|In turn)\b/;
const FIRST_OR_SECOND_PERSON =
	/\b(?:I|me|my|myself|we|We|us|our|Our|ours|ourselves|you|You|your|Your)\b/;
const ACCORDING_TO_PRONOUN = /\bAccording to (?:him|her|them|it)\b/i;
const PERSON_ANCHOR =
	/\b(?:President|Head of State|Pope|Prime Minister|[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+|man|woman|leader|minister|king|queen|author|mayor|writer|poet|scientist|chairman|director|founder|head)\b/;
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
	if (/\bthis (?:year|month|week)\b/i.test(whole) && !/\b(?:1\d{3}|20\d{2})\b/.test(whole))
		return '"this year" without the year';
	const body = whole.split(/(?<=[a-z0-9%)]\.)\s+(?=[A-Z])/)[0];
	const cap = body.charAt(0).toUpperCase() + body.slice(1);
	if (DEMONSTRATIVE.test(body)) return 'demonstrative (this/these/those)';
	if (/^(?:[Tt]hat(?:'s|’s| is| was)|[Aa]nd|[Bb]ut|[Oo]r)\b/.test(body))
		return 'continues the previous sentence';
	if (/\bsuch\b/i.test(body)) return 'such';
	if (THAT_NOUN.test(body)) return 'that + noun';
	if (REFERENCE.test(body)) return 'reference to other text';
	if (CONNECTIVE.test(cap)) return 'connective that continues the previous sentence';
	if (FIRST_OR_SECOND_PERSON.test(body)) return 'first or second person';
	if (ACCORDING_TO_PRONOUN.test(body)) return 'according to a pronoun';
	if (/^(?:He|She|His|Her|Him|They|Their|Them|Its)\b/.test(cap))
		return 'pronoun without antecedent';
	if (/^It\b/.test(cap) && !EXPLETIVE_IT.test(cap)) return 'pronoun "it" without antecedent';
	for (const m of body.matchAll(/\b(?:he|him|his|she|her|hers)\b/gi)) {
		const possessive = /^(?:his|her)$/i.test(m[0]);
		const scope = possessive ? body : body.slice(0, m.index);
		if (!PERSON_ANCHOR.test(scope)) return `"${m[0]}" without antecedent`;
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

/** "the city", "All work" with nothing saying which one. */
const BARE_PLACE =
	/\b[Tt]he (?:city|town|village|district|company|project|programme|plan|clinic|hospital|university|party|war|treaty|republic|coup|road|highway|bridge|railway|plant|factory|mine|station|building)\b(?! of \p{Lu})(?! \p{Lu})|^All (?:work|this|these)\b/u;

/** Nouns that name one thing in any sentence of a text about a country. */
const SELF_EVIDENT = new Set(
	'world country state government president nation republic economy future past public people population capital constitution parliament army sea sun moon earth internet end beginning first second last same next most main whole rest'.split(
		' '
	)
);
const ABSTRACT = /(?:tion|sion|ment|ity|ness|ance|ence|ism|ing|ship|al|ic|ous|ive|ly|ed)$/;
