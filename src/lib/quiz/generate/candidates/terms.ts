/** Fill-in and multiple-choice questions on a statement's key terms (specific common nouns). */

import { accordingTo, blankOut, explanationOf, sourceOf, type Candidate } from '../candidate';
import { fnv1a, stableId } from '../../hash';
import type { AnalysedStatement, Registry } from '../analyse';
import type { FillBlankQuestion, MultipleChoiceQuestion } from '../../types';
import {
	abstractSense,
	isHypernym,
	isPlural,
	nearSynonyms,
	nounKind,
	sameStem,
	singular,
	type NounKind
} from '../nouns';
import { article, STOPWORDS, tokens } from '../words';
const ADJECTIVE_ENDING =
	/(?:al|ive|ous|ful|ic|able|ible|less|ary|ory|est|ish|ern|[^m]ant|[^m]ent)$/;
const TERM_STOP = new Set(
	'other which their there these those where while about after before under since until would could should shall might every large small great major first second third whole speech text article report'.split(
		' '
	)
);
/**
 * Everyday words a teacher would not blank: general nouns of reports and speeches, and adjectives
 * or verbs the noun heuristic lets through. What is left are the text's key terms.
 */
const GENERIC = new Set(
	(
		'problem problems issue issues question questions matter matters heart birthplace figure figures ' +
		'place places number part parts way ways year years result results basis measure measures expense ' +
		'thanks detail details condition conditions proposal proposals project projects situation interest ' +
		'interests need needs people person group groups example future creation order deadline deadlines ' +
		'impetus prospect prospects area areas task tasks possibility outlet holders forge power position ' +
		'period terms requests world life lives development meeting level levels attention support role ' +
		'state country countries city cities village villages town towns region regions work process ' +
		'residents citizens citizen government akimat department entire within through ninth difficult ' +
		'vivid clean younger occupies spoke contribute green medium other further center centre quality ' +
		'construction population within'
	).split(' ')
);
const NOUN_ENDING =
	/(?:tion|sion|ity|ism|ment|ness|ance|ence|ure|age|ship|ogy|ics|ery|ist|ists|ers|ors|ies|hood|dom|work|ways|land|lands|water)$/;

/** Specific common nouns of a statement, most specific first ("statehood", "industriousness"). */
const termCache = new WeakMap<AnalysedStatement, { word: string; start: number }[]>();

export function statementTerms(
	s: AnalysedStatement,
	registry: Registry
): { word: string; start: number }[] {
	const cached = termCache.get(s);
	if (cached) return cached;
	const terms = findTerms(s, registry);
	termCache.set(s, terms);
	return terms;
}

function findTerms(s: AnalysedStatement, registry: Registry): { word: string; start: number }[] {
	const df = registry.ctx.documentFrequency;
	const taken = [...s.names, ...s.numbers];
	const own = s.context ? s.context.length + 1 : 0;
	const found: { word: string; start: number; score: number }[] = [];
	for (const m of s.text.matchAll(/(?<![\p{L}'-])([a-z][a-z-]{4,})(?![\p{L}'-])/gu)) {
		const word = m[1];
		const start = m.index;
		if (start < own) continue;
		if (/(?:ed|ing|ly)$/.test(word) || ADJECTIVE_ENDING.test(word) || TERM_STOP.has(word)) continue;
		if (GENERIC.has(word)) continue;
		if (!registry.ctx.nounWords.has(word)) continue;
		if ((df.get(word) ?? 0) > Math.max(4, registry.ctx.sentenceCount * 0.06)) continue;
		if (taken.some((t) => start < t.end && t.start < start + word.length)) continue;
		if (s.text.slice(start + word.length).startsWith("'")) continue;
		if (found.some((f) => f.word === word)) continue;
		const suffixBonus = NOUN_ENDING.test(word) ? 0.3 : 0;
		found.push({
			word,
			start,
			score: 1 / (df.get(word) ?? 1) + suffixBonus + word.length / 100 + start / 10000
		});
	}
	return found.sort((a, b) => b.score - a.score || a.start - b.start);
}

const TERM_FRAMES = [
	'Complete the sentence from the {src}:',
	'Fill in the missing word from the {src}:'
];

/** Fill-in-the-blank on the sentence's specific common nouns ("preserving Kazakhstan's _____"). */
export function termCandidates(
	s: AnalysedStatement,
	registry: Registry,
	slug: string
): Candidate[] {
	const out: Candidate[] = [];
	statementTerms(s, registry)
		.slice(0, 3)
		.forEach((term, rank) => {
			TERM_FRAMES.forEach((frame, f) => {
				const key = `term:${term.word}`;
				const question: FillBlankQuestion = {
					id: stableId(slug, 'fill_blank', s.sentence.text, key, String(f)),
					type: 'fill_blank',
					prompt: `${frame.replace('{src}', registry.ctx.sourceWord)} ${blankOut(s.text, term.start, term.start + term.word.length)}`,
					options: [],
					answer: term.word,
					accept: [],
					explanation: explanationOf(s, registry.ctx),
					difficulty: 0.55,
					source: sourceOf(s)
				};
				out.push({ question, statement: s, key, score: 0.5 - rank * 0.06 - f * 0.04 });
			});
		});
	return out;
}

/** A common noun of the document with where it occurs, for vocabulary distractors. */
export interface DocNoun {
	word: string;
	kind: NounKind;
	plural: boolean;
	/** Sentences of the document that mention it. */
	df: number;
	/** Words seen right before and right after it. */
	before: Set<string>;
	after: Set<string>;
	afterDeterminer: boolean;
	afterPreposition: boolean;
	singular: string;
	/** A word that covers others of its kind ("people", "facility"): never a wrong option. */
	hypernym: boolean;
	statements: AnalysedStatement[];
}

export interface DocNouns {
	byKind: Map<NounKind, DocNoun[]>;
	byWord: Map<string, DocNoun>;
	vocabulary: Set<string>;
}

const DETERMINERS = new Set(
	'the a an its their his her our this these those that each every any some no such'.split(' ')
);
const PREPOSITIONS = new Set(
	'of for in on at by with from to into onto about over under through between among against'.split(
		' '
	)
);

/** Words after a noun that do not make it a modifier ("values thanks to which"). */
const NOT_HEAD = new Set('thanks alone together ago instead'.split(' '));

/** Words before a noun that are not nouns themselves ("the two rivers", "the same valley"). */
const NOT_MODIFIER = new Set(
	'one two three four five six seven eight nine ten both several many few same new next last great large small big whole entire main own clean good best high low old young long short'.split(
		' '
	)
);

function band(df: number): number {
	return df <= 1 ? 0 : df <= 3 ? 1 : 2;
}

/** Every common noun of the document by coarse kind (see nouns.ts), with its contexts. */
export function documentTerms(registry: Registry): DocNouns {
	const ctx = registry.ctx;
	const vocabulary = new Set(ctx.documentFrequency.keys());
	const byWord = new Map<string, DocNoun | null>();
	for (const s of registry.statements) {
		const toks = tokens(s.text);
		const taken = [...s.names, ...s.numbers];
		for (const m of s.text.matchAll(/(?<![\p{L}'’-])([a-z][a-z-]{2,})(?![\p{L}'’-])/gu)) {
			const word = m[1];
			if (taken.some((t) => m.index < t.end && t.start < m.index + word.length)) continue;
			let noun = byWord.get(word);
			if (noun === undefined) {
				noun = null;
				const kind = nounKind(word, vocabulary);
				const listed = kind !== 'other' && !/(?:ed|ly)$/.test(word) && !STOPWORDS.has(word);
				const nounLike =
					ctx.nounWords.has(word) &&
					!ctx.verbWords.has(word) &&
					!ADJECTIVE_ENDING.test(word) &&
					!TERM_STOP.has(word);
				if (listed && (nounLike || kind === 'material' || kind === 'place' || kind === 'group'))
					noun = {
						word,
						kind,
						plural: isPlural(word),
						df: ctx.documentFrequency.get(word) ?? 1,
						before: new Set(),
						after: new Set(),
						afterDeterminer: false,
						afterPreposition: false,
						singular: singular(word),
						hypernym: isHypernym(word),
						statements: []
					};
				byWord.set(word, noun);
			}
			if (!noun) continue;
			if (noun.statements[noun.statements.length - 1] !== s) noun.statements.push(s);
			const i = toks.indexOf(word);
			if (i > 0) {
				noun.before.add(toks[i - 1]);
				if (DETERMINERS.has(toks[i - 1])) noun.afterDeterminer = true;
				if (PREPOSITIONS.has(toks[i - 1])) noun.afterPreposition = true;
			}
			if (i >= 0 && i + 1 < toks.length) noun.after.add(toks[i + 1]);
		}
	}
	const out: DocNouns = { byKind: new Map(), byWord: new Map(), vocabulary };
	for (const noun of byWord.values()) {
		if (!noun) continue;
		out.byWord.set(noun.word, noun);
		// Only ever the head of a compound ("equity holders"): no option on its own.
		if (noun.before.size && [...noun.before].every((b) => byWord.get(b))) continue;
		const list = out.byKind.get(noun.kind);
		if (list) list.push(noun);
		else out.byKind.set(noun.kind, [noun]);
	}
	return out;
}

/** Multiple choice on a specific term of the statement, distractors of the same noun kind. */
export function termChoiceCandidate(
	s: AnalysedStatement,
	registry: Registry,
	slug: string,
	terms: DocNouns
): Candidate | null {
	const list = statementTerms(s, registry);
	// The second most specific term first: the most specific one is the blank's.
	for (const term of [list[1], list[0], list[2]]) {
		if (!term) continue;
		const pool = termPool(s, term, registry, terms);
		if (pool) return termChoice(s, term, pool, registry, slug);
	}
	return null;
}

/**
 * Three wrong options of the key's kind and number, from the document, that fit the blank's
 * neighbours best; null when the document has fewer than three (the blank stays fill-in).
 */
function termPool(
	s: AnalysedStatement,
	term: { word: string; start: number },
	registry: Registry,
	terms: DocNouns
): string[] | null {
	const word = term.word;
	const ctx = registry.ctx;
	if (ctx.verbWords.has(word)) return null;
	const kind = terms.byWord.get(word)?.kind ?? nounKind(word, terms.vocabulary);
	if (kind === 'other') return null;
	const plural = isPlural(word);
	const sense = abstractSense(word);
	const keyBand = band(ctx.documentFrequency.get(word) ?? 1);
	const before = tokens(s.text.slice(0, term.start)).pop() ?? '';
	const after = tokens(s.text.slice(term.start + word.length))[0] ?? '';
	const sentenceStems = new Set(tokens(s.text).map(singular));
	// In a compound ("water supply", "wheat fields") only a word the text uses with the same
	// neighbour reads naturally in the blank.
	const modifies =
		(terms.byWord.has(after) || ctx.nounWords.has(after)) &&
		!STOPWORDS.has(after) &&
		!/(?:[^p]ly|ed|ing)$/.test(after) &&
		!NOT_HEAD.has(after);
	const modified =
		terms.byWord.has(before) ||
		(ctx.nounWords.has(before) &&
			!STOPWORDS.has(before) &&
			!DETERMINERS.has(before) &&
			!NOT_MODIFIER.has(before) &&
			!ADJECTIVE_ENDING.test(before) &&
			!/(?:ed|ing|ly|er|est)$/.test(before));
	const article_ = before === 'a' || before === 'an' ? before : '';
	const ranked: { noun: DocNoun; score: number }[] = [];
	for (const c of terms.byKind.get(kind) ?? []) {
		if (c.plural !== plural || c.word === word || c.hypernym) continue;
		if (modifies && !c.after.has(after)) continue;
		if (modified && !c.before.has(before)) continue;
		if (article_ && article(c.word) !== article_) continue;
		if (kind === 'abstract' && GENERIC.has(c.word)) continue;
		if (sentenceStems.has(c.singular)) continue;
		if (sameStem(c.word, word) || nearSynonyms(c.word, word)) continue;
		let score = kind === 'abstract' && abstractSense(c.word) === sense ? 2.5 : 0;
		if (before && c.before.has(before)) score += DETERMINERS.has(before) ? 1.5 : 3;
		else if (DETERMINERS.has(before) && c.afterDeterminer) score += 0.5;
		else if (PREPOSITIONS.has(before) && c.afterPreposition) score += 0.5;
		if (after && c.after.has(after)) score += PREPOSITIONS.has(after) ? 1 : 2;
		score -= Math.abs(band(c.df) - keyBand) * 0.5;
		score += (fnv1a(s.text + c.word) % 1000) / 2000;
		ranked.push({ noun: c, score });
	}
	ranked.sort((a, b) => b.score - a.score || (a.noun.word < b.noun.word ? -1 : 1));
	const stemWords = [...s.words].filter((w) => w !== word);
	const pool: string[] = [];
	for (const { noun } of ranked) {
		if (pool.length === 3) break;
		if (pool.some((p) => sameStem(p, noun.word) || nearSynonyms(p, noun.word))) continue;
		// Also true: the text says much the same about the candidate elsewhere.
		const alsoTrue = noun.statements.some(
			(o) => stemWords.filter((w) => o.words.has(w)).length / Math.max(1, stemWords.length) >= 0.5
		);
		if (!alsoTrue) pool.push(noun.word);
	}
	return pool.length < 3 ? null : pool;
}

function termChoice(
	s: AnalysedStatement,
	second: { word: string; start: number },
	pool: string[],
	registry: Registry,
	slug: string
): Candidate {
	const key = `term:${second.word}`;
	const question: MultipleChoiceQuestion = {
		id: stableId(slug, 'multiple_choice', s.sentence.text, key),
		type: 'multiple_choice',
		prompt: accordingTo(
			blankOut(s.text, second.start, second.start + second.word.length),
			registry.ctx
		),
		options: [second.word, ...pool],
		answer: second.word,
		explanation: explanationOf(s, registry.ctx),
		difficulty: 0.45,
		source: sourceOf(s)
	};
	return { question, statement: s, key, score: 0.45 };
}
