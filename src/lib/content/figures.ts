/** Key figures: numbers with their unit, hedge and what they count, read from one sentence. */
import type { KeyFigure } from './types';
import { fractionValue, NUMBER_WORDS, pick, SCALE_WORDS } from './numbers';

const HEDGES = [
	'more than',
	'less than',
	'fewer than',
	'up to',
	'at least',
	'over',
	'about',
	'almost',
	'nearly',
	'around',
	'approximately',
	'roughly',
	'some',
	'under'
];
const HEDGE_BEFORE = new RegExp(`\\b(${HEDGES.join('|').replace(/ /g, '\\s+')})\\s+$`, 'i');
/** Words that end the phrase saying what a number counts. */
const PHRASE_STOP = new Set(
	(
		'is are was were be been will would have has had there which that who to and or but for ' +
		'in at on by with from as than this these it they we our its their long wide high old ' +
		'will can should must alone the a an during before after into within per out received'
	).split(' ')
);
const DIMENSION = /^(long|wide|high|deep|old|tall)\b/i;

/** The number words a figure is read from. */
const FIGURE_SCALES = pick(SCALE_WORDS, 'thousand million billion trillion');
const FIGURE_NUMBERS = pick(
	{ ...NUMBER_WORDS, ...SCALE_WORDS },
	'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred dozen'
);
const FIGURE_FRACTIONS: Record<string, number> = Object.fromEntries(
	['half', 'third', 'quarter', 'two thirds', 'three quarters'].map((p) => [p, fractionValue(p)])
);

const SCALES = Object.keys(FIGURE_SCALES).join('|');
const NUMBER_WORD_ALTS = Object.keys(FIGURE_NUMBERS).join('|');
const FRACTION_ALTS = Object.keys(FIGURE_FRACTIONS).join('|').replace(/ /g, '\\s+');
const FIGURE = new RegExp(
	[
		`(?<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s+(?<scale>${SCALES}))?(?<pct>\\s?%|\\s+per\\s?cent|\\s+percent)?`,
		`\\b(?<word>${NUMBER_WORD_ALTS})(?:\\s+(?<wscale>${SCALES}))?\\b`,
		`\\b(?:a|one)\\s+(?<fraction>${FRACTION_ALTS})\\b|\\b(?<half>half)\\s+of\\b`,
		`\\b(?<roman>[IVX]{1,4})\\s+(?<degree>degree|class|category)\\b`
	].join('|'),
	'g'
);

/** One match of FIGURE in a sentence, with the text around it. */
interface Found {
	groups: Record<string, string | undefined>;
	text: string;
	before: string;
	after: string;
	base: { hedge: string; sentenceIndex: number };
}

export function figuresIn(sentence: string, sentenceIndex: number): KeyFigure[] {
	const out: KeyFigure[] = [];
	for (const m of sentence.matchAll(FIGURE)) {
		const start = m.index ?? 0;
		const before = sentence.slice(0, start);
		const after = sentence.slice(start + m[0].length);
		if (/[\p{L}\d]$/u.test(before) || /^\d/.test(after)) continue;
		const hedge = HEDGE_BEFORE.exec(before)?.[1].replace(/\s+/g, ' ').toLowerCase() ?? '';
		const found: Found = {
			groups: m.groups ?? {},
			text: m[0],
			before,
			after,
			base: { hedge, sentenceIndex }
		};
		const { roman, fraction, half } = found.groups;
		const figure = roman
			? ordinalFigure(found, roman)
			: fraction || half
				? shareFigure(found)
				: numberFigure(found, out);
		if (figure) out.push(figure);
	}
	return out;
}

/** "III degree". */
function ordinalFigure({ text, groups, base }: Found, roman: string): KeyFigure {
	const degree = groups.degree ?? '';
	return {
		...base,
		value: text,
		number: romanValue(roman),
		unit: degree,
		counts: degree,
		kind: 'ordinal'
	};
}

/** "a third of the country's coal", "half of the region's population". */
function shareFigure({ text, groups, after, base }: Found): KeyFigure | null {
	const word = (groups.fraction ?? groups.half ?? '').replace(/\s+/g, ' ').toLowerCase();
	const counts = ofPhrase(groups.half ? ' of' + after : after);
	if (!counts) return null;
	return {
		...base,
		value: text.replace(/\s+of$/, ''),
		number: FIGURE_FRACTIONS[word],
		unit: 'share',
		counts,
		kind: 'quantity'
	};
}

/** A number in digits or words: a percentage, a year or a quantity of something. */
function numberFigure(found: Found, earlier: KeyFigure[]): KeyFigure | null {
	const { groups: g, before, after, base } = found;
	let number: number;
	if (g.word) {
		if (/^\s+of\b/.test(after) && !g.wscale) return null;
		number = FIGURE_NUMBERS[g.word.toLowerCase()] * (g.wscale ? FIGURE_SCALES[g.wscale] : 1);
	} else number = parseFloat(g.digits!.replace(/,/g, '')) * (g.scale ? FIGURE_SCALES[g.scale] : 1);
	const value = found.text.trim();
	if (g.pct) {
		const counts = ofPhrase(after)
			? `share of ${ofPhrase(after)}`
			: subjectBefore(before) || 'share';
		return { ...base, value, number, unit: '%', counts, kind: 'percent' };
	}
	const isYear =
		!g.scale && !g.word && /^\d{4}$/.test(g.digits!) && number >= 1800 && number <= 2100;
	const np = nounPhrase(after);
	if (isYear && !/s$/.test(np.unit)) {
		return { ...base, value, number, unit: '', counts: yearContext(before), kind: 'year' };
	}
	if (g.word && !np.unit) return null;
	return quantityFigure(found, number, value, np, earlier);
}

/** "176 villages of the region"; after "of which" or "of whom", a part of the figure before. */
function quantityFigure(
	{ before, after, base }: Found,
	number: number,
	value: string,
	counted: NounPhrase,
	earlier: KeyFigure[]
): KeyFigure | null {
	let np = counted;
	const whole = /\bof (?:which|whom|them),?\s+$/i.test(before)
		? previousFigure(earlier)
		: undefined;
	// "of whom 38 hold …": after a part-of figure a word that is not plural is the verb.
	if (whole && !/s$/.test(np.unit)) np = NO_PHRASE;
	let counts = np.phrase;
	if (!counts && whole)
		counts = `${whole.unit} ${
			/^[^,;.]*/
				.exec(after)?.[0]
				.trim()
				.replace(/^(?:are|is|were|was)\s+/, '') ?? ''
		}`.trim();
	if (!counts) counts = numberOfBefore(before) || subjectBefore(before);
	else if (DIMENSION.test(after.slice(np.length).trim()))
		counts +=
			' ' +
			after
				.slice(np.length)
				.trim()
				.split(/\s/)[0]
				.replace(/\P{L}+$/u, '');
	if (!counts) return null;
	const unit = np.unit || (whole ? whole.unit : '');
	const figure: KeyFigure = {
		...base,
		value: np.unit ? `${value} ${np.head}` : value,
		number,
		unit,
		counts,
		kind: 'quantity'
	};
	if (whole) figure.partOf = whole.value;
	if (whole && np.unit) {
		const clause = /^[^,;.]*/.exec(after.slice(np.length))?.[0].trim() ?? '';
		if (clause) figure.counts = `${np.unit} ${clause.replace(/^(?:are|is|were|was)\s+/, '')}`;
	}
	return figure;
}

function previousFigure(list: KeyFigure[]): KeyFigure | undefined {
	return [...list].reverse().find((f) => f.kind === 'quantity');
}

interface NounPhrase {
	unit: string;
	head: string;
	phrase: string;
	length: number;
}
const NO_PHRASE: NounPhrase = { unit: '', head: '', phrase: '', length: 0 };

/** "single-industry towns of the region" after a number: unit is the head noun. */
function nounPhrase(after: string): NounPhrase {
	const m = /^\s+((?:[a-z][a-z'-]*\s+){0,3}[a-z][a-z'-]*)(?=[\s,.;:!?)"]|$)/.exec(after);
	if (!m) return NO_PHRASE;
	const words = m[1].split(/\s+/);
	// Past a first word, an -ed word is the verb: "212 students graduated", "hectares located".
	const cut = words.findIndex(
		(w, i) => PHRASE_STOP.has(w) || w === 'of' || (i > 0 && /ed$/.test(w))
	);
	const head = cut === -1 ? words : words.slice(0, cut);
	if (head.length === 0 || PHRASE_STOP.has(head[0])) return NO_PHRASE;
	const unit = head.join(' ');
	const rest = after.slice(after.indexOf(unit) + unit.length);
	const of = /^\s+of\b/.test(rest) ? ofPhrase(rest) : '';
	const phrase = of ? `${unit} of ${of}` : unit;
	return {
		unit: head[head.length - 1],
		head: unit,
		phrase,
		length: after.indexOf(unit) + unit.length
	};
}

/** The words after "of": "of the country's copper" -> "the country's copper". */
function ofPhrase(after: string): string {
	const m = /^\s*of\s+((?:[\p{L}'\u2019-]+\s*){1,5})/u.exec(after);
	if (!m) return '';
	const words: string[] = [];
	for (const w of m[1].trim().split(/\s+/)) {
		if (PHRASE_STOP.has(w.toLowerCase()) && words.length) break;
		words.push(w);
	}
	while (words.length && PHRASE_STOP.has(words[words.length - 1].toLowerCase())) words.pop();
	return words.join(' ');
}

/** "the share of the manufacturing sector is 80%" -> "share of the manufacturing sector". */
function subjectBefore(before: string): string {
	const m = /([\p{L}'\s-]{3,80}?)\s+(?:is|was|are|were|reached|amounts to|equals|totals)\s+$/u.exec(
		before
	);
	if (!m) return '';
	const clause = m[1].split(/[,;:]/).pop() ?? '';
	return clause
		.trim()
		.replace(/^(?:the|a|an)\s+/i, '')
		.split(/\s+/)
		.slice(-6)
		.join(' ');
}

/** "the number of horses ... reached 4 million" -> "number of horses". */
function numberOfBefore(before: string): string {
	const m = /\b(number|amount|volume|population|total) of ((?:[\p{L}'-]+\s?){1,3})/u.exec(before);
	if (!m) return '';
	const words = m[2].trim().split(/\s+/);
	const cut = words.findIndex((w) => PHRASE_STOP.has(w));
	return `${m[1]} of ${(cut === -1 ? words : words.slice(0, Math.max(1, cut))).join(' ')}`;
}

function yearContext(before: string): string {
	const words = before
		.replace(/[^\p{L}\s'-]/gu, ' ')
		.trim()
		.split(/\s+/)
		.filter(Boolean);
	while (
		words.length &&
		/^(?:that|which|is|was|the|in|since|of|to)$/i.test(words[words.length - 1])
	) {
		if (words.length <= 2) break;
		words.pop();
	}
	return words.slice(-3).join(' ') || 'year';
}

function romanValue(r: string): number {
	const v: Record<string, number> = { I: 1, V: 5, X: 10 };
	let total = 0;
	for (let i = 0; i < r.length; i++) {
		const cur = v[r[i]];
		total += cur < (v[r[i + 1]] ?? 0) ? -cur : cur;
	}
	return total;
}

const CAPTION_WORDS = 14;
/** Words a cut caption does not end on. */
const LITTLE_WORDS = new Set(
	'of the a an to in at on by for and or with from as that which'.split(' ')
);

/**
 * What to show under a key figure: what it counts when that is a real phrase ("share of the
 * manufacturing sector", "villages of the region"), else the words of its sentence around it
 * ("In 2022 alone, several cases of death of workers occurred…"), which always read as written.
 */
export function figureCaption(figure: KeyFigure, sentence: string): string {
	const counts = figure.counts.trim();
	const last = counts.split(/\s+/).pop()?.toLowerCase() ?? '';
	// Nothing the value does not say already: "square kilometers", "kilometers long", "share".
	const rest =
		figure.unit && counts.startsWith(figure.unit) ? counts.slice(figure.unit.length) : null;
	const bare =
		counts === 'share' ||
		figure.value.endsWith(counts) ||
		(rest !== null && (rest.trim() === '' || DIMENSION.test(rest.trim()))) ||
		PHRASE_STOP.has(last);
	// "a third" of what: "of coal", "of the region's population".
	if (figure.unit === 'share' && counts && !bare) return `of ${counts}`;
	if (figure.kind !== 'year' && figure.kind !== 'ordinal' && counts && !bare) return counts;
	return clauseAround(sentence, figure.value) || counts;
}

/** The clause of `sentence` that holds `value`, with a neighbour when it is too short to read. */
function clauseAround(sentence: string, value: string): string {
	const text = sentence.trim().replace(/^["“]|["”]$/g, '');
	const at = text.indexOf(value);
	if (at < 0) return '';
	// Clauses end at ; : or a comma followed by a space (never inside "68,000").
	const clauses: { start: number; end: number }[] = [];
	let start = 0;
	for (const m of text.matchAll(/[;:]\s*|,\s+/g)) {
		clauses.push({ start, end: m.index });
		start = m.index + m[0].length;
	}
	clauses.push({ start, end: text.length });
	let i = clauses.findIndex((c) => at >= c.start && at < c.end);
	let from = clauses[i].start;
	let to = clauses[i].end;
	const words = (a: number, b: number) => text.slice(a, b).trim().split(/\s+/).length;
	// "which is more than 500 kilometers long" needs what it is about.
	if (/^(?:which|who|whom|that|where)\b/i.test(text.slice(from)) && i > 0)
		from = clauses[--i].start;
	if (words(from, to) < 5 && i + 1 < clauses.length) to = clauses[i + 1].end;
	else if (words(from, to) < 5 && i > 0) from = clauses[i - 1].start;
	// The sentence's own start when it fits: "…became a nature reserve" lacks what did.
	if (from > 0 && words(0, to) <= CAPTION_WORDS) from = 0;
	return excerpt(text.slice(from, to), value, from > 0);
}

/**
 * At most CAPTION_WORDS words that keep `value`, with … where words are left out (before, when the
 * clause starts inside its sentence, or after).
 */
function excerpt(clause: string, value: string, midSentence: boolean): string {
	const words = clause
		.trim()
		.replace(/[.!?"”]+$/, '')
		.split(/\s+/);
	const first = words.findIndex((w, k) => words.slice(k).join(' ').startsWith(value));
	let from = 0;
	let to = words.length;
	if (to - from > CAPTION_WORDS) {
		from = Math.max(0, Math.min(first - Math.floor(CAPTION_WORDS / 3), to - CAPTION_WORDS));
		to = from + CAPTION_WORDS;
	}
	const kept = words.slice(from, to);
	// A cut does not end on a little word ("at the facilities of…").
	while (
		to < words.length &&
		kept.length > 1 &&
		LITTLE_WORDS.has(kept[kept.length - 1].toLowerCase())
	)
		kept.pop();
	const body = kept.join(' ').replace(/[,;:]$/, '');
	return `${from > 0 || midSentence ? '…' : ''}${body}${to < words.length ? '…' : ''}`;
}
