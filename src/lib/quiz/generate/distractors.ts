/**
 * Wrong options of the key's kind: other names of the same kind from the text, numbers in the key's
 * format and scale that the text contradicts (hedges and figures of the same sentence respected).
 */

import { fnv1a } from '../hash';
import { isVariant } from './names';
import { isSpeaker } from './profile';
import {
	claimInterval,
	FRACTIONS,
	hedgeClass,
	intervalsOverlap,
	NUMBER_SCALES,
	parseDigits,
	type NumberMention
} from './numbers';
import type { AnalysedStatement, NameEntry, Registry } from './analyse';
import { contentWords, escapeRegExp } from './words';

// ----------------------------------------------------------------------------- numbers

function decimals(digits: string): number {
	const m = digits.match(/\.(\d+)$/);
	return m ? m[1].length : 0;
}

function formatDigits(value: number, like: string): string {
	const d = decimals(like);
	const fixed = value.toFixed(d);
	if (!like.includes(',')) return fixed;
	const [int, frac] = fixed.split('.');
	const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return frac ? `${grouped}.${frac}` : grouped;
}

/** The number as the key writes it, without hedge: "4.2 million", "85%", "28,000", "a third". */
export function formatLike(key: NumberMention, base: number): string {
	if (key.kind === 'fraction') {
		const name = Object.entries(FRACTIONS).find(([, v]) => Math.abs(v - base) < 1e-9);
		return name ? name[0] : '';
	}
	let out = formatDigits(base, key.digits);
	if (key.multiplier) out += ` ${key.multiplier}`;
	if (key.kind === 'percent') out += key.text.includes('percent') ? ' percent' : '%';
	return out;
}

function niceStep(raw: number, minimum: number): number {
	if (raw <= minimum) return minimum;
	const power = 10 ** Math.floor(Math.log10(raw));
	const lead = raw / power;
	const nice = lead < 1.5 ? 1 : lead < 3.5 ? 2 : lead < 7.5 ? 5 : 10;
	return Math.max(minimum, nice * power);
}

/** Candidate values (in the key's digits scale, before multiplier) near the key. */
function candidateBases(key: NumberMention): number[] {
	if (key.kind === 'fraction')
		return Object.values(FRACTIONS).filter((v) => Math.abs(v - key.value) > 1e-9);
	const base = parseDigits(key.digits);
	const d = decimals(key.digits);
	const unit = 10 ** -d;
	let steps: number[];
	// Years far enough apart that a wrong one is clearly wrong, never a one-year hair-split.
	// Uneven gaps on both sides, so the wrong years form no series the key breaks.
	if (key.kind === 'year') steps = [-3, 4, -7, 9, -12, 6, -5, 13, -16, 17, -9, 11];
	else {
		const roundness =
			d > 0
				? unit
				: base % 1000 === 0
					? 1000
					: base % 100 === 0
						? 100
						: base % 10 === 0
							? 10
							: base % 5 === 0
								? 5
								: 1;
		const step = niceStep(
			base * (key.kind === 'percent' ? 0.08 : 0.15),
			Math.min(roundness, Math.max(unit, base / 10))
		);
		steps = [-1, 1, 2, -2, 3, -3, 4, -4, 5, -5, 6, 7].map((k) => k * step);
	}
	const out: number[] = [];
	for (const s of steps) {
		const v = Number((base + s).toFixed(d));
		if (v <= 0 || v === base) continue;
		if (key.kind === 'percent' && v > 100) continue;
		if (key.kind === 'year' && v > 2100) continue;
		if (d === 0 && base >= 10 && v < 1) continue;
		out.push(v);
	}
	// A digit swap ("4.2" -> "2.4") is a plausible slip.
	const swapped = key.digits.split('').reverse().join('');
	if (
		/^\d+(\.\d+)?$/.test(swapped) &&
		decimals(swapped) === d &&
		parseDigits(swapped) !== base &&
		!/^0\d/.test(swapped)
	)
		out.splice(1, 0, parseDigits(swapped));
	return out;
}

export interface NumberOption {
	text: string;
	value: number;
	hedge: string;
}

/** Values stated with the same unit elsewhere in the lesson (never offered as wrong answers). */
export function statedValues(key: NumberMention, lesson: AnalysedStatement[]): number[] {
	const values: number[] = [];
	for (const s of lesson)
		for (const n of s.numbers) if (n.unit === key.unit || n.kind === key.kind) values.push(n.value);
	return values;
}

/** Hedge for a wrong option so that it contradicts the key's claim. */
function optionHedge(key: NumberMention): string {
	const cls = hedgeClass(key.hedge);
	if (cls === 'exact') return '';
	if (cls === 'approx') return key.hedge;
	return 'about';
}

/**
 * Wrong numbers for a key. With `withHedge`, options carry a hedge and must contradict the key's
 * hedged claim; without, they are bare figures in the key's format (for true/false swaps of exact
 * figures, or hedge-free keys).
 */
export function numberDistractors(
	key: NumberMention,
	lesson: AnalysedStatement[],
	count: number,
	seed: string,
	/** The other years of the prompt: "established in 1920 ... renamed in _____" rules out 1918. */
	promptYears: number[] = []
): NumberOption[] {
	const stated = statedValues(key, lesson);
	const multiplier = NUMBER_SCALES[key.multiplier] ?? 1;
	const keyClaim = claimInterval(key.value, key.hedge, key.kind);
	const hedge = optionHedge(key);
	const picked: NumberOption[] = [];
	const candidates = candidateBases(key);
	// Keep the first two (closest) and then a seeded spread so options are not all on one side.
	// A fraction's digits are words ("a third"): its bases are compared with its value.
	const keyBase = key.kind === 'fraction' ? key.value : parseDigits(key.digits || '0');
	const rotated = candidates.slice().sort((a, b) => {
		const da = Math.abs(a - keyBase);
		const db = Math.abs(b - keyBase);
		return da - db || (fnv1a(seed + a) % 7) - (fnv1a(seed + b) % 7);
	});
	// No year after the latest the lesson speaks of: the text's own present bounds its past.
	const latest = Math.max(
		...lesson.flatMap((s) => s.numbers.filter((n) => n.kind === 'year').map((n) => n.value))
	);
	for (const base of rotated) {
		const value = key.kind === 'fraction' ? base : base * multiplier;
		if (stated.some((v) => Math.abs(v - value) < 1e-9)) continue;
		if (key.kind === 'year' && value > latest) continue;
		// A wrong year on the other side of a year the prompt states is ruled out by the order of
		// the events the prompt tells.
		if (
			key.kind === 'year' &&
			promptYears.some((y) => Math.sign(value - y) !== Math.sign(key.value - y))
		)
			continue;
		let optionHedgeWord = hedge;
		// Mix "less than" into lower-bound keys so the key's hedge is not the only odd one.
		if (hedgeClass(key.hedge) === 'lower' && picked.length === 1) optionHedgeWord = 'less than';
		const claim = claimInterval(value, optionHedgeWord, key.kind);
		if (intervalsOverlap(claim, keyClaim)) continue;
		const text = (optionHedgeWord ? `${optionHedgeWord} ` : '') + formatLike(key, base);
		if (picked.some((p) => p.text === text)) continue;
		picked.push({ text, value, hedge: optionHedgeWord });
		if (picked.length === count) break;
	}
	return picked;
}

/** Bare wrong figures for an exact key (true/false swaps). */
export function swapNumber(
	key: NumberMention,
	lesson: AnalysedStatement[],
	seed: string
): string | null {
	if (hedgeClass(key.hedge) !== 'exact') return null;
	const options = numberDistractors(key, lesson, 3, seed);
	if (!options.length) return null;
	return options[fnv1a(seed) % options.length].text;
}

// ----------------------------------------------------------------------------- names

/** A name is "also true" in place of the key when some statement says the same about it. */
function sameClaimElsewhere(
	registry: Registry,
	candidate: NameEntry,
	stemWords: string[],
	statement: AnalysedStatement
): boolean {
	if (!stemWords.length) return false;
	for (const i of candidate.mentions) {
		const other = registry.statements[i];
		if (other === statement) return true;
		const shared = stemWords.filter((w) => other.words.has(w)).length;
		if (shared / stemWords.length >= 0.6) return true;
	}
	return false;
}

const variantPatterns = new WeakMap<NameEntry, RegExp>();

export function mentionedIn(text: string, entry: NameEntry): boolean {
	let re = variantPatterns.get(entry);
	if (!re) {
		re = new RegExp(
			`(?<![\\p{L}])(?:${entry.variants.map(escapeRegExp).join('|')})(?![\\p{L}])`,
			'iu'
		);
		variantPatterns.set(entry, re);
	}
	return re.test(text);
}

export interface NameDistractorOptions {
	/** For true/false swaps: the replacement must be something the text says something else about. */
	contradicted?: boolean;
	maxMentions?: number;
}

/**
 * The group a key's sentence puts it in: "in both republics" -> "republic", "the former Soviet
 * republics", "other Central Asian states". Null when the sentence names none.
 */
const GROUP =
	/\b(?:both|other|former|fellow|neighbou?ring|member|constituent|union|Soviet|Central Asian)\s+(republic|state|nation|khanate|principalit(?:y|ie)|province|oblast)s?\b/i;

export function groupNounOf(sentence: string): string | null {
	return sentence.match(GROUP)?.[1].toLowerCase() ?? null;
}

/** Other names of the key's kind, from the text, none a variant of the key nor also true. */
export function nameDistractors(
	registry: Registry,
	keyEntry: NameEntry,
	statement: AnalysedStatement,
	keyText: string,
	count: number,
	options: NameDistractorOptions = {}
): string[] {
	const stem = statement.text.replace(keyText, ' ');
	const stemWords = contentWords(stem).filter(
		(w) => !keyEntry.variants.some((v) => v.toLowerCase().includes(w))
	);
	const maxMentions = options.maxMentions ?? Math.max(6, registry.statements.length * 0.12);
	// A place of a kind the text does not name could be a lake or a mountain: no guess.
	if (keyEntry.kind === 'place' && !keyEntry.sub) return [];
	const pool = (registry.byKind.get(keyEntry.kind) ?? []).filter(
		(e) =>
			e !== keyEntry &&
			e.kind === keyEntry.kind &&
			e.countryLike === keyEntry.countryLike &&
			e.sub === keyEntry.sub &&
			e.mentions.length > 0 &&
			e.mentions.length <= maxMentions &&
			e.name.length > 2 &&
			!isSpeaker(e.name, registry.ctx.profile)
	);
	// "Holodomor in _____; in both republics ...": a name the sentence calls a member of a group
	// ("republics") has wrong options the text also calls so ("former republics"), never another
	// place it names (Poland, China). Too few such members: no wrong options at all.
	const group = groupNounOf(statement.text);
	const groupWord = group && new RegExp(`\\b${group}`, 'i');
	const members = groupWord
		? pool.filter((e) => e.mentions.some((i) => groupWord.test(registry.statements[i].text)))
		: pool;
	const lessonIndex = statement.lessonIndex;
	const ranked = members
		.map((e) => {
			let distance = 3;
			for (const i of e.mentions) {
				distance = Math.min(distance, Math.abs(registry.statements[i].lessonIndex - lessonIndex));
				if (!distance) break;
			}
			return { e, rank: Math.min(distance, 3) * 1000 + (fnv1a(statement.text + e.name) % 1000) };
		})
		.sort((a, b) => a.rank - b.rank);
	const picked: string[] = [];
	for (const { e } of ranked) {
		if (picked.length === count) break;
		if (e.variants.some((v) => keyEntry.variants.some((k) => isVariant(v, k)))) continue;
		if (mentionedIn(statement.text, e)) continue;
		if (picked.some((p) => isVariant(p, e.name))) continue;
		if (sameClaimElsewhere(registry, e, stemWords, statement)) continue;
		if (options.contradicted) {
			// The text must say something else about it: a different stated role, or other mentions.
			if (
				keyEntry.kind === 'person' &&
				(!e.roles.length || e.roles.some((r) => keyEntry.roles.includes(r)))
			)
				continue;
			// An award swapped in must be one the text gives to someone else.
			if (
				keyEntry.kind === 'award' &&
				!e.mentions.some((i) => /\bawarded to\b/.test(registry.statements[i].text))
			)
				continue;
		}
		picked.push(e.name);
	}
	return picked;
}
