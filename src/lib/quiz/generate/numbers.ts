/** Numbers in a sentence with their hedge, scale and unit ("more than 4.2 million hectares"). */
import { fractionValue, pick, SCALE_WORDS } from '../../content/numbers';

export type NumberKind = 'percent' | 'year' | 'quantity' | 'fraction';
export type HedgeClass = 'exact' | 'lower' | 'upper' | 'approx';

export interface NumberMention {
	/** Offsets of the hedge + number + multiplier (+ % sign) in the text. */
	start: number;
	end: number;
	/** Offsets of the number itself (+ multiplier, % sign), without the hedge. */
	valueStart: number;
	text: string;
	hedge: string;
	/** Digits as written, e.g. "4.2", "28,000", or a fraction word ("a third"). */
	digits: string;
	multiplier: string;
	/** Value in plain units (4.2 million -> 4200000; a third -> 0.333). */
	value: number;
	/** '%' for percents, the counted noun for quantities ("villages"), '' for years. */
	unit: string;
	kind: NumberKind;
}

const HEDGES =
	'more than|over|above|at least|almost|nearly|about|around|approximately|roughly|some|' +
	'up to|less than|under|fewer than|only';
/** Scale words read after a number ("4.2 million"). */
export const NUMBER_SCALES = pick(SCALE_WORDS, 'thousand million billion trillion');
/** Fractions read before "of" ("a third of the country's coal"). */
export const FRACTIONS: Record<string, number> = Object.fromEntries(
	['a tenth', 'a fifth', 'a quarter', 'a third', 'half', 'two thirds', 'three quarters'].map(
		(p) => [p, fractionValue(p)]
	)
);
const UNIT_STOP = new Set(
	'of and or in on at to for the a an with by from is are was were will be has have had that which who alone'.split(
		' '
	)
);
const YEAR_CUES =
	/\b(?:in|since|until|by|from|of|year|before|after|to|till|between|and|January|February|March|April|May|June|July|August|September|October|November|December)\s*$/i;

const NUMBER_RE = new RegExp(
	`(?:\\b(${HEDGES})\\s+)?(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?![\\w.,]\\d)` +
		`(?:\\s?(${Object.keys(NUMBER_SCALES).join('|')})\\b)?(\\s?%|\\s?percent\\b)?`,
	'gi'
);
const FRACTION_RE = new RegExp(
	`(?:\\b(${HEDGES})\\s+)?\\b(${Object.keys(FRACTIONS).join('|')})(?= of\\b)`,
	'gi'
);

export function hedgeClass(hedge: string): HedgeClass {
	const h = hedge.toLowerCase();
	if (/^(more than|over|above|at least)$/.test(h)) return 'lower';
	if (/^(up to|less than|under|fewer than)$/.test(h)) return 'upper';
	if (/^(almost|nearly|about|around|approximately|roughly|some)$/.test(h)) return 'approx';
	return 'exact';
}

function unitAfter(text: string, from: number): string {
	const words = text.slice(from).match(/^\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?/);
	if (!words) return '';
	const [, first, second] = words;
	if (UNIT_STOP.has(first)) return '';
	if (second && !UNIT_STOP.has(second) && /s$/.test(second) && !/s$/.test(first))
		return `${first} ${second}`;
	return first;
}

export function parseDigits(digits: string): number {
	return Number(digits.replace(/,/g, ''));
}

export function findNumbers(text: string): NumberMention[] {
	const found: NumberMention[] = [];
	for (const m of text.matchAll(NUMBER_RE)) {
		const [whole, hedge = '', digits, multiplier = '', percent = ''] = m;
		const start = m.index;
		const valueStart =
			start + whole.length - whole.slice(hedge ? hedge.length : 0).trimStart().length;
		const end = start + whole.length;
		const base = parseDigits(digits);
		const value = base * (NUMBER_SCALES[multiplier.toLowerCase()] ?? 1);
		let kind: NumberKind = percent ? 'percent' : 'quantity';
		let unit = percent ? '%' : unitAfter(text, end);
		const before = text.slice(0, valueStart);
		if (
			!percent &&
			!multiplier &&
			/^\d{4}$/.test(digits) &&
			base >= 1000 &&
			base <= 2100 &&
			(YEAR_CUES.test(before) || !unit || /^(alone|year)$/.test(unit))
		) {
			kind = 'year';
			unit = '';
		}
		// Skip roman-numeral-like or list markers, numbers glued to letters ("No.5", "Nimbus-7")
		// and identifiers written with leading zeros ("order No. 00486").
		if (/[A-Za-z]-?$/.test(before) || /^0\d/.test(digits)) continue;
		found.push({
			start,
			end,
			valueStart,
			text: whole,
			hedge: hedge.toLowerCase(),
			digits,
			multiplier: multiplier.toLowerCase(),
			value,
			unit,
			kind
		});
	}
	for (const m of text.matchAll(FRACTION_RE)) {
		const [whole, hedge = '', fraction] = m;
		const start = m.index;
		found.push({
			start,
			end: start + whole.length,
			valueStart: start + whole.length - fraction.length,
			text: whole,
			hedge: hedge.toLowerCase(),
			digits: fraction.toLowerCase(),
			multiplier: '',
			value: FRACTIONS[fraction.toLowerCase()],
			unit: 'fraction',
			kind: 'fraction'
		});
	}
	return found.sort((a, b) => a.start - b.start);
}

/** The set of values a hedged figure allows, as a closed-open interval. */
export function claimInterval(value: number, hedge: string, kind: NumberKind): [number, number] {
	const cap = kind === 'percent' ? 100 : kind === 'fraction' ? 1 : Infinity;
	switch (hedgeClass(hedge)) {
		case 'lower':
			return [value * 1.0000001, cap];
		case 'upper':
			return [0, value * 0.9999999];
		case 'approx':
			return hedge === 'almost' || hedge === 'nearly'
				? [value * 0.85, value]
				: [value * 0.88, value * 1.12];
		default:
			return [value, value];
	}
}

export function intervalsOverlap(a: [number, number], b: [number, number]): boolean {
	return a[0] <= b[1] && b[0] <= a[1];
}
