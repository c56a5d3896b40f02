/**
 * Lesson titles and topic labels built from the lesson's own key terms.
 *
 * Each noun phrase of a lesson is a candidate term. Its weight comes from its head noun and
 * modifiers: frequency (stems merge variants such as road/roads, award/awarded), distinctiveness
 * (inverse frequency over the lessons), spread (share of the lesson's paragraphs that use it), and
 * type (common nouns over names used once; a person's name glued to a term is not part of it).
 * A term used throughout the lesson frames it ("State Awards: ..."); otherwise the two best terms
 * are joined ("Water Supply and Pasture Land").
 */
import type { AnalysedSentence } from './nlp';
import type { Entity } from './types';
import { isContentToken } from './terms';

const NOUNISH = new Set(['NOUN', 'PROPN']);
const SMALL_WORDS = new Set([
	'and',
	'or',
	'of',
	'the',
	'a',
	'an',
	'in',
	'on',
	'for',
	'to',
	'at',
	'with',
	'by'
]);
/** Adjectives that judge rather than name: dropped from the front of a term. */
const EVALUATIVE = new Set(
	(
		'great significant important main whole special large small big major high low good best further ' +
		'additional relevant necessary appropriate certain several various total entire current recent ' +
		'next last first second third huge strong real serious modern beautiful extensive difficult ' +
		'simple vivid honest wide broad favorable favourable direct dynamic successful active rich famous ' +
		'prominent particular specific own different true full long short old recent comfortable ' +
		'considerable substantial numerous wonderful excellent positive negative better greater worse ' +
		'bigger larger higher lower more less'
	).split(' ')
);
/** Nouns that frame a statement rather than name a subject ("the issue of", "the need to"). */
const FRAME_NOUNS = new Set(
	(
		'issue question problem need task area part number level way fact case result basis end beginning ' +
		'side term lot kind type thing point matter attention opinion example place view day week month ' +
		'world people country life work group person man woman word words everything account center ' +
		'centre sector'
	).split(' ')
);
/** Abstract nouns too vague to name a lesson unless the lesson keeps returning to them. */
const VAGUE = new Set(
	(
		'environment economy repair fund funds law era situation process measure measures potential ' +
		'prospect prospects direction role sphere field development growth air'
	).split(' ')
);
/** Class nouns that make a name of the word beside them ("Lake Balkhash"). */
const PLACE_CLASS = new Set(
	'lake river sea mount mountain mountains park square street avenue canal bay island valley desert'.split(
		' '
	)
);
/** Cues that announce what the text turns to next; the words after them name the topic. */
const ANNOUNCE =
	/\b(?:focused on|dwel(?:led|t)(?: in detail)? on|touched (?:up)?on|turned to|drew attention to|spoke about|talked about|raised the (?:issues?|questions?|topics?) of|named|the (?:issue|question|topic|problem) of)\b(.*)$/i;
/** Days, months and seasons name a time, not a subject. */
const CALENDAR =
	/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|summer|autumn|winter)$/;

interface Word {
	text: string;
	stem: string;
	pos: string;
	ok: boolean;
}

export interface LessonText {
	/** Sentences of each paragraph of the lesson. */
	paragraphs: AnalysedSentence[][];
	entities: Entity[];
}

export interface LessonLabel {
	title: string;
	topic: string;
}

interface Candidate {
	key: string;
	head: string;
	stems: string[];
	forms: Map<string, number>;
	count: number;
	/** Times the phrase ends its noun run: zero for a word only ever used as a modifier ("heat sources"). */
	ends: number;
	/** Times a noun of the same run comes before it: "enforcement agencies" in "law enforcement agencies". */
	cut: number;
	proper: boolean;
	person: boolean;
	opening: boolean;
	/** A name with its class noun ("Saran industrial zone", "Lake Balkhash"). */
	named: boolean;
	/** Sentence of the lesson where the phrase first appears. */
	at: number;
	score: number;
	text: string;
}

interface StemStats {
	tf: number;
	/** Named where the text announces a topic ("dwelled on the prospects for transport"). */
	announced: boolean;
	sentences: Set<number>;
	paragraphs: Set<number>;
	forms: Map<string, number>;
}

/** Words of a sentence with hyphenated words ("single-industry") joined into one. */
function wordsOf(s: AnalysedSentence): Word[] {
	const toks = s.tokens;
	const words: Word[] = [];
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i];
		const prev = words.at(-1);
		if (
			t.normal === '-' &&
			prev &&
			toks[i + 1] &&
			/^\p{L}/u.test(toks[i + 1].normal) &&
			prev.pos !== 'PUNCT'
		) {
			const next = toks[++i];
			prev.text += '-' + next.normal;
			prev.stem += '-' + next.stem;
			prev.pos = next.pos === 'PROPN' || prev.pos === 'PROPN' ? 'PROPN' : next.pos;
			prev.ok = prev.ok || isContentToken(next);
			continue;
		}
		words.push({ text: t.normal, stem: t.stem, pos: t.pos, ok: isContentToken(t) });
	}
	return words;
}

/** The phrase as written (keeps "Balkhash" capitalised), found case-insensitively. */
function originalCase(surface: string, lower: string): string {
	const at = surface.indexOf(lower);
	if (
		at !== -1 &&
		!/\p{L}/u.test(surface[at - 1] ?? '') &&
		!/\p{L}/u.test(surface[at + lower.length] ?? '')
	)
		return lower;
	const escaped = lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
	const m = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'iu').exec(surface);
	return m ? m[0].replace(/\s+/g, ' ') : lower;
}

function startsWith(sentence: string, form: string): boolean {
	return sentence.replace(/^[\s"'\u201C(]+/, '').startsWith(form);
}

/** Lowercased words of the names of people, so they can be kept out of other terms. */
function personWordsOf(entities: Entity[][]): Set<string> {
	const out = new Set<string>();
	for (const list of entities)
		for (const e of list)
			if (e.kind === 'person')
				for (const v of [e.name, ...e.variants])
					for (const w of v.toLowerCase().split(/[\s-]+/)) if (w.length > 1) out.add(w);
	return out;
}

/** Title and topic of every lesson. `docTitle` words describe the whole text, not one lesson. */
export function labelLessons(lessons: LessonText[], docTitle = ''): LessonLabel[] {
	const personWords = personWordsOf(lessons.map((l) => l.entities));
	const stats = lessons.map(stemStats);
	const df = new Map<string, number>();
	for (const s of stats) for (const k of s.keys()) df.set(k, (df.get(k) ?? 0) + 1);
	const titleStems = new Set(docTitle.toLowerCase().match(/\p{L}+/gu) ?? []);
	const corpus = { lessons: lessons.length, df, titleStems };

	return lessons.map((lesson, i) => {
		const st = stats[i];
		const size: LessonSize = {
			paragraphs: lesson.paragraphs.length,
			sentences: lesson.paragraphs.reduce((a, p) => a + p.length, 0)
		};
		const candidates = candidatesOf(lesson, personWords, titleStems);
		const ranked = rankPhrases(lesson, candidates, salienceIn(st, size, corpus), st);
		const frames = leadWithFramingNoun(ranked, st, size);
		generaliseLead(ranked, st, frames);
		const topic = topicOf(ranked, st);
		if (frames && ranked[0].stems.length === 1 && !ranked[0].proper)
			ranked[0] = { ...ranked[0], text: namedPlace(lesson, ranked[0].text) || ranked[0].text };
		return { title: titleOf(ranked, frames, lesson.entities), topic };
	});
}

interface LessonSize {
	paragraphs: number;
	sentences: number;
}

/**
 * How much a stem says about this lesson among all of them (remembered per stem): used in many of
 * its sentences and paragraphs, rare in the others, announced; less for words of the text's own
 * title, framing nouns ("issue", "task") and vague ones.
 */
function salienceIn(
	st: Map<string, StemStats>,
	size: LessonSize,
	corpus: { lessons: number; df: Map<string, number>; titleStems: Set<string> }
): (stem: string) => number {
	const { lessons: n, df, titleStems } = corpus;
	const known = new Map<string, number>();
	const salienceOf = (stem: string): number => {
		const s = st.get(stem);
		if (!s) return 0;
		const idf = n === 1 ? 1 : Math.log((n + 1) / (df.get(stem) ?? 1));
		const spread = spreadOf(s, size.paragraphs, size.sentences);
		// Sentences that use a term count more than repeats within one sentence.
		const tf = s.sentences.size + 0.25 * Math.max(0, s.tf - s.sentences.size);
		let v = (1 + Math.log(Math.max(1, tf))) * idf * (0.6 + 0.8 * spread);
		if (s.announced) v *= 1.3;
		if (titleStems.has(stem) || [...s.forms.keys()].some((f) => titleStems.has(f))) v *= 0.35;
		if (FRAME_NOUNS.has(stem) || [...s.forms.keys()].some((f) => FRAME_NOUNS.has(f))) v *= 0.4;
		const nominal = [...s.forms.values()].reduce((a, b) => a + b, 0);
		if (nominal < 3 && [...s.forms.keys()].some((f) => VAGUE.has(f))) v *= 0.5;
		return v;
	};
	return (stem) => {
		let v = known.get(stem);
		if (v === undefined) known.set(stem, (v = salienceOf(stem)));
		return v;
	};
}

/** The lesson's phrases worth a title, best first: one per head noun, and a role group if any. */
function rankPhrases(
	lesson: LessonText,
	candidates: Candidate[],
	salience: (stem: string) => number,
	st: Map<string, StemStats>
): Candidate[] {
	for (const c of candidates) c.score = scoreOf(c, salience, st);
	const announced = announcedPhrase(lesson, candidates);
	// It can rise to the top but not above it.
	const top = Math.max(0, ...candidates.map((c) => c.score));
	if (announced) announced.score = Math.max(announced.score, Math.min(announced.score * 2, top));
	for (const c of candidates) if (c.ends === 0) c.score *= c.stems.length >= 2 ? 0.8 : 0;
	// A phrase always cut from a longer one is a fragment of that term.
	for (const c of candidates)
		if (c.stems.length >= 2 && c.cut === c.count && !c.named) c.score *= 0.6;
	const ranked = bestPerHead(candidates.filter((c) => c.score > 0));
	const group = roleGroup(lesson, ranked);
	if (group) ranked.splice(ranked.findIndex((c) => c.score < group.score) >>> 0, 0, group);
	return ranked;
}

/**
 * A head noun used in most paragraphs and several sentences frames the lesson; it leads the title
 * over a name nearly as strong ("Industry: ... the Saran Industrial Zone"). Moves it first and
 * tells whether the lead frames the lesson.
 */
function leadWithFramingNoun(
	ranked: Candidate[],
	st: Map<string, StemStats>,
	size: LessonSize
): boolean {
	const framing = (c: Candidate) => {
		const s = st.get(c.head);
		return !!s && s.sentences.size >= 3 && spreadOf(s, size.paragraphs, size.sentences) >= 0.6;
	};
	const lead = ranked
		.slice(0, ranked[0]?.proper ? 3 : 1)
		.findIndex((c) => c.score >= ranked[0].score * 0.8 && framing(c));
	if (lead > 0) ranked.unshift(...ranked.splice(lead, 1));
	return lead !== -1;
}

/** A framing lead is said as its head noun: "industry", not "coal mining industries" once. */
function generaliseLead(ranked: Candidate[], st: Map<string, StemStats>, frames: boolean) {
	const head = ranked[0] && st.get(ranked[0].head);
	if (!head) return;
	// "Coal mining industries" once among many uses of "industry": the lesson is about industry.
	const elsewhere = frames ? head.sentences.size - ranked[0].count : 0;
	if (
		ranked[0].stems.length > 1 &&
		!ranked[0].proper &&
		elsewhere >= 4 &&
		elsewhere >= 3 * ranked[0].count
	)
		ranked[0] = bareHead(ranked[0], head);
	if (frames && ranked[0].stems.length === 1 && !ranked[0].proper)
		ranked[0] = { ...ranked[0], text: pluralOf(ranked[0], head) };
}

/**
 * The phrase a cue names directly ("the issue of ensuring safe working conditions at ..."): the
 * longest candidate right after the cue, past an article or a verb in -ing.
 */
function announcedPhrase(lesson: LessonText, candidates: Candidate[]): Candidate | undefined {
	let best: Candidate | undefined;
	let bestAt = Infinity;
	for (const s of lesson.paragraphs.flat()) {
		const tail = ANNOUNCE.exec(s.text)?.[1];
		if (!tail) continue;
		for (const c of candidates) {
			if (c.person || c.stems.length < 2) continue;
			for (const form of c.forms.keys()) {
				const at = tail.indexOf(form);
				if (at === -1 || /\p{L}/u.test(tail[at + form.length] ?? '')) continue;
				if (
					!/^\s*(?:(?:the|a|an)\s+)?(?:\p{L}+ing\s+)?(?:(?:the|a|an)\s+)?$/u.test(tail.slice(0, at))
				)
					continue;
				if (at < bestAt || (at === bestAt && best && c.stems.length > best.stems.length))
					[best, bestAt] = [c, at];
			}
		}
		if (best) return best;
	}
	return best;
}

const textOf = (lesson: LessonText) =>
	lesson.paragraphs.map((p) => p.map((s) => s.text).join(' ')).join(' ');

/** "City of Karaganda" for the head "city" when the lesson names it so. */
function namedPlace(lesson: LessonText, head: string): string {
	const m = new RegExp(
		`\\b${head}\\s+of\\s+(\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)*)`,
		'iu'
	).exec(textOf(lesson));
	return m ? `${head} of ${m[1]}` : '';
}

/**
 * Three or more people of the lesson who share a role ("writers", "leaders of the Alash movement")
 * make a term of their own: the lesson introduces them as a group.
 */
function roleGroup(lesson: LessonText, ranked: Candidate[]): Candidate | null {
	const roles = new Map<string, number>();
	for (const e of lesson.entities) {
		const role = e.kind === 'person' ? e.role.split(/[;,]/)[0].trim() : '';
		if (/^\p{Ll}[\p{L}-]+(?: of(?: the)? [\p{L} -]+)?$/u.test(role))
			roles.set(role, (roles.get(role) ?? 0) + 1);
	}
	const [role, people] = [...roles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [
		'',
		0
	];
	if (people < 3 || !ranked.length) return null;
	const [noun, ...rest] = role.split(' ');
	const text = textOf(lesson);
	const plural = new RegExp(`\\b${noun}s\\b`, 'i').exec(text);
	const named = rest.map((w) => originalCase(text, w)).filter((w) => /^\p{Lu}/u.test(w));
	// "leaders of the Alash movement" -> "Alash leaders"; "writers" stays as it is.
	const words = named.length
		? [...named, plural ? plural[0].toLowerCase() : noun]
		: [plural?.[0].toLowerCase() ?? noun, ...rest];
	const stems = words
		.filter((w) => !SMALL_WORDS.has(w))
		.map((w) => w.toLowerCase().replace(/s$/, ''));
	return {
		key: stems.join(' '),
		head: stems[stems.length - 1],
		stems,
		forms: new Map(),
		count: people,
		ends: people,
		cut: 0,
		proper: false,
		person: false,
		opening: false,
		named: false,
		at: 0,
		score: ranked[0].score * (0.6 + 0.2 * people),
		text: words.join(' ')
	};
}

/** The head noun alone, in its commonest form. */
function bareHead(c: Candidate, s: StemStats): Candidate {
	const [form] =
		[...s.forms].sort(
			(a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1)
		)[0] ?? [];
	if (!form) return c;
	return { ...c, key: c.head, stems: [c.head], text: form, named: false };
}

/** "Roads" for the head "road" when the lesson uses the plural too. */
function pluralOf(c: Candidate, s: StemStats): string {
	const lower = c.text.toLowerCase();
	const plural = [...s.forms.keys()].find(
		(f) => f !== lower && (f === lower + 's' || f === lower + 'es')
	);
	if (!plural) return c.text;
	return /^\p{Lu}/u.test(c.text) ? plural[0].toUpperCase() + plural.slice(1) : plural;
}

function spreadOf(s: StemStats | undefined, paragraphs: number, sentences: number): number {
	if (!s) return 0;
	return paragraphs >= 2
		? s.paragraphs.size / paragraphs
		: s.sentences.size / Math.max(1, sentences);
}

function stemStats(lesson: LessonText): Map<string, StemStats> {
	const out = new Map<string, StemStats>();
	let sentence = 0;
	lesson.paragraphs.forEach((p, pi) => {
		for (const s of p) {
			const tail = new Set(
				ANNOUNCE.exec(s.text)?.[1]
					.toLowerCase()
					.match(/[\p{L}-]+/gu) ?? []
			);
			for (const w of wordsOf(s)) {
				if (!w.ok) continue;
				const e = out.get(w.stem) ?? {
					tf: 0,
					announced: false,
					sentences: new Set(),
					paragraphs: new Set(),
					forms: new Map()
				};
				const nominal = NOUNISH.has(w.pos);
				e.tf += w.pos === 'VERB' ? 0.5 : 1;
				e.sentences.add(sentence);
				e.paragraphs.add(pi);
				if (nominal) e.forms.set(w.text, (e.forms.get(w.text) ?? 0) + 1);
				if (tail.has(w.text)) e.announced = true;
				out.set(w.stem, e);
			}
			sentence++;
		}
	});
	return out;
}

/** Runs of adjectives and nouns in a sentence, each with whether it modifies the next run. */
function* nounRuns(words: Word[]): Generator<{ run: Word[]; modifier: boolean }> {
	let run: Word[] = [];
	for (const [k, w] of words.entries()) {
		if (w.pos === 'ADJ' || NOUNISH.has(w.pos)) {
			run.push(w);
			continue;
		}
		// "the wall moves the problem": a noun tag before an article is a verb.
		if (
			(w.pos === 'DET' || w.pos === 'PRON') &&
			run.length >= 2 &&
			/s$/.test(run[run.length - 1].text)
		)
			run.pop();
		// The first of two nouns sharing a head ("air and rail flights") only modifies.
		const modifier =
			w.pos === 'CCONJ' &&
			run.length === 1 &&
			words[k + 1]?.pos === 'NOUN' &&
			NOUNISH.has(words[k + 2]?.pos ?? '');
		if (run.length) yield { run, modifier };
		run = [];
	}
	if (run.length) yield { run, modifier: false };
}

/** Can a phrase end on this word? Only on a usable noun that is not a month or a day. */
const canEndPhrase = (w: Word) => NOUNISH.has(w.pos) && w.ok && !CALENDAR.test(w.text);

const isProper = (w: Word | undefined) => w?.pos === 'PROPN';

/**
 * The phrase of `len` words of `run` ending before `end`, or null when those words do not make
 * one. A person's first name glued to a term is left out of it.
 */
function phraseAt(run: Word[], end: number, len: number, personWords: Set<string>) {
	let part = run.slice(end - len, end);
	if (!part[0].ok || EVALUATIVE.has(part[0].text) || /ing$/.test(part[0].text)) return null;
	if (part.some((w) => /\d/.test(w.text))) return null;
	// A name after a common noun is an apposition ("writers Saken"), not one phrase.
	const firstCommon = part.findIndex((w) => w.pos !== 'PROPN');
	if (firstCommon !== -1 && part.slice(firstCommon).some(isProper)) return null;
	if (len === 4 && !part.every(isProper)) return null;
	// A name is taken whole ("Karaganda Medical University"), never in pieces.
	if (part.every(isProper) && (isProper(run[end - len - 1]) || isProper(run[end]))) return null;
	const isPerson = (w: Word) => w.pos === 'PROPN' && personWords.has(w.text);
	const person = part.every(isPerson);
	// "Alash Alikhan movement": a first name glued to a term is left out of it.
	if (!person && part.some(isPerson)) part = part.filter((w) => !isPerson(w));
	return part.length ? { part, person } : null;
}

/** Where a phrase was found: its run, its place in the run and its sentence. */
interface Occurrence {
	run: Word[];
	end: number;
	len: number;
	modifier: boolean;
	sentence: AnalysedSentence;
	at: number;
	opening: boolean;
}

/** Counts one occurrence of a phrase into its candidate (made on the first). */
function countPhrase(
	found: Map<string, Candidate>,
	{ part, person }: { part: Word[]; person: boolean },
	{ run, end, len, modifier, sentence, at, opening }: Occurrence,
	titleWords: Set<string>
) {
	const key = part.map((w) => w.stem).join(' ');
	const text = sentence.text;
	const form =
		part.length === len
			? originalCase(text, part.map((w) => w.text).join(' '))
			: part.map((w) => originalCase(text, w.text)).join(' ');
	const c =
		found.get(key) ??
		({
			key,
			head: part[part.length - 1].stem,
			stems: part.map((w) => w.stem),
			forms: new Map(),
			count: 0,
			ends: 0,
			cut: 0,
			proper: false,
			person,
			opening: false,
			named: false,
			at,
			score: 0,
			text: ''
		} satisfies Candidate);
	c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
	c.count++;
	if (end === run.length && !modifier) c.ends++;
	const before = run[end - len - 1];
	if (before && NOUNISH.has(before.pos) && before.ok && !/\d/.test(before.text)) c.cut++;
	if (opening) c.opening = true;
	const capital = part.some(isProper) && /\p{Lu}/u.test(form) && !startsWith(text, form);
	if (capital) c.proper = true;
	// A name with its class noun: "Saran industrial zone", "Lake Balkhash"; not a person,
	// not the place the whole text is about.
	if (
		capital &&
		part.length >= 2 &&
		!person &&
		part[0].pos === 'PROPN' &&
		(part.at(-1)?.pos === 'NOUN' || part.some((w) => PLACE_CLASS.has(w.text))) &&
		!part.some((w) => w.text.split('-').some((x) => titleWords.has(x)))
	)
		c.named = true;
	found.set(key, c);
}

/** Noun phrases (up to three words, four for names) ending in a noun. */
function candidatesOf(
	lesson: LessonText,
	personWords: Set<string>,
	titleWords: Set<string>
): Candidate[] {
	const found = new Map<string, Candidate>();
	const first = lesson.paragraphs[0]?.[0];
	lesson.paragraphs.flat().forEach((sentence, at) => {
		for (const { run, modifier } of nounRuns(wordsOf(sentence))) {
			for (let end = run.length; end > 0; end--) {
				if (!canEndPhrase(run[end - 1])) continue;
				for (let len = 1; len <= 4 && end - len >= 0; len++) {
					const phrase = phraseAt(run, end, len, personWords);
					if (!phrase) continue;
					const where = { run, end, len, modifier, sentence, at, opening: sentence === first };
					countPhrase(found, phrase, where, titleWords);
				}
			}
		}
	});
	const out = [...found.values()];
	for (const c of out)
		c.text = [...c.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
	return out;
}

function scoreOf(
	c: Candidate,
	salience: (stem: string) => number,
	st: Map<string, StemStats>
): number {
	const head = salience(c.head);
	const mods = c.stems.slice(0, -1);
	let score: number;
	if (c.proper && c.stems.length > 1 && !c.named) {
		// A multi-word name is one concept: weigh it by its most telling word.
		score = Math.max(...c.stems.map(salience));
	} else {
		// Modifiers add to the head when the phrase recurs or they recur in the lesson.
		const established = c.count >= 2;
		score = head;
		for (const m of mods) {
			const recurs = (st.get(m)?.sentences.size ?? 0) >= 2;
			score += salience(m) * (established || recurs ? 0.5 : 0.15);
		}
	}
	const sentences = st.get(c.head)?.sentences.size ?? 1;
	if (c.person) score *= 0.3;
	else if (c.named) {
		// A name the lesson comes back to ("Saran industrial zone" twice, "Balkhash" again) stands out.
		const recurs = c.count >= 2 || c.stems.some((s) => (st.get(s)?.tf ?? 0) >= 2);
		if (recurs && c.ends > 0) score *= 1.25;
	} else if (c.proper) score *= sentences >= 2 ? 0.8 : 0.45;
	if (c.stems.length >= 3) score *= 0.85;
	else if (c.stems.length === 2 && c.count >= 2 && !c.proper) score *= 1.15;
	if (c.opening) score *= 1.25;
	return score;
}

/**
 * One candidate per head noun, best first. The phrase shown is the best-scored one among those
 * used at least half as often as the head's commonest phrase ("city", not "comfortable city").
 */
function bestPerHead(candidates: Candidate[]): Candidate[] {
	const byHead = new Map<string, Candidate[]>();
	for (const c of candidates) byHead.set(c.head, [...(byHead.get(c.head) ?? []), c]);
	const better = (a: Candidate, b: Candidate) =>
		b.score - a.score || b.stems.length - a.stems.length || (a.key < b.key ? -1 : 1);
	const out: Candidate[] = [];
	for (const group of byHead.values()) {
		const top = Math.max(...group.map((c) => c.score));
		const most = Math.max(...group.map((c) => c.count));
		let shown = group.filter((c) => c.count >= 2 || c.count * 3 >= most).sort(better)[0];
		// "Saran industrial zone" rather than "industrial zone" when the name is used as often.
		const name = group.find(
			(c) => c.named && c.ends > 0 && c.key.endsWith(' ' + shown.key) && c.count * 2 >= shown.count
		);
		if (name && !shown.named) shown = name;
		out.push({ ...shown, score: top });
	}
	return out.sort(better);
}

/** Best terms that do not repeat each other's words. */
function pick(ranked: Candidate[], count: number): Candidate[] {
	const out: Candidate[] = [];
	for (const c of ranked) {
		const words = c.text.toLowerCase().split(/[ -]/);
		const stems = c.stems.flatMap((s) => s.split('-'));
		const overlaps = out.some(
			(q) =>
				q.stems.flatMap((s) => s.split('-')).some((s) => stems.includes(s)) ||
				q.text
					.toLowerCase()
					.split(/[ -]/)
					.some((w) => words.includes(w))
		);
		if (overlaps) continue;
		out.push(c);
		if (out.length === count) break;
	}
	return out;
}

/** Named awards or programmes of one kind ("order": Kurmet, Enbek Danky), as written in the text. */
function namedKinds(entities: Entity[]): string {
	const byCue = new Map<string, string[]>();
	for (const e of entities) {
		if (e.kind !== 'award' && e.kind !== 'programme') continue;
		const cue = e.role.split(' ').at(-1) ?? '';
		if (cue) byCue.set(cue, [...(byCue.get(cue) ?? []), e.name]);
	}
	const [cue, names] = [...byCue].sort(
		(a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)
	)[0] ?? ['', []];
	if (names.length < 2) return '';
	return joinList(names.slice(0, 3).map((n) => `${cue} ${n}`));
}

function joinList(items: string[]): string {
	return items.length <= 2
		? items.join(' and ')
		: `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function titleOf(ranked: Candidate[], frames: boolean, entities: Entity[]): string {
	const best = pick(ranked, 3);
	if (best.length === 0) return 'Lesson';
	const [first, ...rest] = best;
	const close = rest.filter((c) => c.score >= first.score * 0.25);
	if (frames) {
		// "State Awards: Order Kurmet and Order Enbek Danky"; "Roads: Transport and Highway".
		// Terms may share the framing word's stem but not its word ("Industry: ... Industrial Zone").
		const words = wordsOfTerm(first);
		const others = pick(
			ranked.filter(
				(c) =>
					c !== first && c.head !== first.head && !wordsOfTerm(c).some((w) => words.includes(w))
			),
			2
		);
		const named = namedKinds(entities);
		const strong = others.filter((c) => c.score >= first.score * 0.4).sort((a, b) => a.at - b.at);
		const tail = named || (strong.length >= 2 ? joinList(strong.map(shown)) : '');
		if (tail && `${first.text}: ${tail}`.length <= 70) return titleCase(`${first.text}: ${tail}`);
	}
	return titleCase(close.length ? `${first.text} and ${shown(close[0])}` : first.text);
}

/** Words of a term without plural endings. */
function wordsOfTerm(c: Candidate): string[] {
	return c.text
		.toLowerCase()
		.split(/[ -]/)
		.map((w) => w.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, ''));
}

/** A term after the first: a named thing with a common head takes "the" ("the Saran Industrial Zone"). */
function shown(c: Candidate): string {
	return c.named && /^\p{Ll}/u.test(c.text.split(' ').at(-1) ?? '') ? `the ${c.text}` : c.text;
}

function topicOf(ranked: Candidate[], st: Map<string, StemStats>): string {
	const common = ranked.filter((c) => !c.proper && !c.person);
	const pool = common.length ? common : ranked;
	// Topic words are head nouns in their most frequent form ("awards", "roads"), or short phrases.
	const label = (c: Candidate) => {
		if (c.stems.length <= 3 && !c.proper) return c.text.toLowerCase();
		const forms = st.get(c.head)?.forms;
		const form = forms && [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
		return (form ?? c.text).toLowerCase();
	};
	const best = pick(pool, 2);
	if (!best.length) return 'general';
	const top = best.filter((c, i) => i === 0 || c.score >= best[0].score * 0.45);
	return top.map(label).join(' and ');
}

export function titleCase(s: string): string {
	const words = s.split(' ');
	return words
		.map((w, i) => {
			if (i > 0 && SMALL_WORDS.has(w.toLowerCase()) && !words[i - 1].endsWith(':'))
				return w.toLowerCase();
			if (/\p{Lu}/u.test(w.slice(1))) return w;
			return w.replace(
				/(^|[-\u2013])(\p{Ll})/gu,
				(_m, sep: string, c: string) => sep + c.toUpperCase()
			);
		})
		.join(' ');
}
