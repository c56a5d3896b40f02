/** Server-side grading of one response against one question's key. */
import { editDistance } from '../content/distance';
import {
	compactText,
	foldRomanised,
	MULTIPLIERS,
	normalizeText,
	parseNumber,
	typoAllowance
} from './normalize';
import type {
	FillBlankQuestion,
	MatchingQuestion,
	NumericQuestion,
	Question,
	Response
} from './types';

export interface GradeResult {
	correct: boolean;
	/** 0..1; partial credit only for matching. */
	score: number;
	/** The correct answer, for display. */
	expected: string;
	/** The student's answer, for display ('' when missing). */
	given: string;
}

export interface GradeOptions {
	/**
	 * Fill-blank only: names known to be different things (e.g. other people in the lesson). A typed
	 * answer that matches one of them, or is at least as close to one of them as to the key, never
	 * gets typo credit.
	 */
	avoid?: string[];
}

/** Longest answer kept from a form field. */
export const MAX_RESPONSE_LENGTH = 500;

export function gradeResponse(
	q: Question,
	response: Response | undefined,
	opts: GradeOptions = {}
): GradeResult {
	const expected = formatAnswer(q);
	const given = formatResponse(q, response);
	const result = (correct: boolean, score = correct ? 1 : 0): GradeResult => ({
		correct,
		score,
		expected,
		given
	});
	if (response === undefined || response === null) return result(false);

	switch (q.type) {
		case 'multiple_choice':
			return result(typeof response === 'string' && response.trim() === q.answer.trim());
		case 'true_false': {
			const b = toBoolean(response);
			return result(b !== null && b === q.answer);
		}
		case 'fill_blank':
			return result(typeof response === 'string' && fillBlankMatches(q, response, opts.avoid));
		case 'numeric':
			return result(numericMatches(q, response));
		case 'matching': {
			const score = matchingScore(q, response);
			return result(score === 1, score);
		}
	}
}

/** true/false from a boolean or from 'true'/'false'/'t'/'f' strings (any case). */
export function toBoolean(response: Response): boolean | null {
	if (typeof response === 'boolean') return response;
	if (typeof response !== 'string') return null;
	const s = response.trim().toLowerCase();
	if (s === 'true' || s === 't') return true;
	if (s === 'false' || s === 'f') return false;
	return null;
}

/** Titles a one-word name may be typed with; they do not change who is meant. */
const TITLE =
	/^(?:khan|khagan|emperor|empress|sultan|tsar|tsarina|king|queen|prince|princess|saint|st|president|general|batyr|bi|ilkhan)$/i;

/**
 * The typed answer without a title before or after it ("Berke Khan", "Emperor Buyantu"), when the
 * key is one capitalised word; null when nothing is to be taken away.
 */
function withoutTitle(typed: string, key: string): string | null {
	if (!/^\p{Lu}[\p{L}-]+$/u.test(key.trim())) return null;
	const words = typed.trim().split(/\s+/);
	if (words.length !== 2) return null;
	if (TITLE.test(words[1].replace(/\.$/, ''))) return words[0];
	if (TITLE.test(words[0].replace(/\.$/, ''))) return words[1];
	return null;
}

/** Lenient comparison for typed answers (see normalize.ts); typo credit only for longer keys. */
export function fillBlankMatches(
	q: FillBlankQuestion,
	typed: string,
	avoid: string[] = []
): boolean {
	const given = compactText(typed);
	if (!given) return false;
	const keys = [q.answer, ...(q.accept ?? [])].map(compactText).filter(Boolean);
	if (keys.includes(given)) return true;

	const others = avoid.map(compactText).filter((o) => o && !keys.includes(o));
	if (others.includes(given)) return false;
	// "Berke Khan", "Emperor Buyantu" for "Berke", "Buyantu": a title does not change who is meant.
	const untitled = withoutTitle(typed, q.answer);
	if (untitled !== null) return fillBlankMatches(q, untitled, avoid);
	// The same name in another romanisation counts, unless a wrong option is spelt that way too.
	const folded = foldRomanised(given);
	if (
		keys.some((key) => foldRomanised(key) === folded) &&
		!others.some((o) => foldRomanised(o) === folded)
	) {
		return true;
	}
	const digits = (s: string) => s.replace(/[^\d.]/g, '');
	const nearestOther = Math.min(Infinity, ...others.map((o) => editDistance(given, o)));
	return keys.some((key) => {
		if (digits(key) !== digits(given)) return false;
		const distance = editDistance(given, key);
		return distance <= typoAllowance([...key].length) && distance < nearestOther;
	});
}

/**
 * Candidate values of a numeric response. "4.2 million" also counts as 4.2 when the unit says
 * million; a one- or two-letter suffix ("5 m", "3k") may be a unit rather than a multiplier, so the
 * bare number counts too.
 */
function numericCandidates(q: NumericQuestion, response: Response): number[] {
	if (typeof response === 'number') return Number.isFinite(response) ? [response] : [];
	if (typeof response !== 'string') return [];
	const parsed = parseNumber(response);
	if (!parsed) return [];
	const out = [parsed.value];
	if (parsed.multiplier) {
		const unitWords = normalizeText(q.unit).split(' ');
		const unitFactors = unitWords.filter((w) => w in MULTIPLIERS).map((w) => MULTIPLIERS[w]);
		const short = parsed.word.length <= 2;
		if (short || unitFactors.includes(MULTIPLIERS[parsed.multiplier])) out.push(parsed.base);
	}
	return out;
}

export function numericMatches(q: NumericQuestion, response: Response): boolean {
	const tolerance = Math.abs(q.tolerance || 0);
	const slack = 1e-9 * Math.max(1, Math.abs(q.answer));
	return numericCandidates(q, response).some((x) => Math.abs(x - q.answer) <= tolerance + slack);
}

/** Share of pairs matched correctly (0..1). */
export function matchingScore(q: MatchingQuestion, response: Response): number {
	if (q.pairs.length === 0 || typeof response !== 'object' || response === null) return 0;
	const chosen = response as Record<string, string>;
	let right = 0;
	for (const [left, answer] of q.pairs) {
		const pick = Object.prototype.hasOwnProperty.call(chosen, left) ? chosen[left] : undefined;
		if (typeof pick === 'string' && pick.trim() === answer.trim()) right++;
	}
	return right / q.pairs.length;
}

/** The key as display text; matching as "A → x; B → y". */
export function formatAnswer(q: Question): string {
	switch (q.type) {
		case 'multiple_choice':
		case 'fill_blank':
			return q.answer;
		case 'true_false':
			return q.answer ? 'True' : 'False';
		case 'numeric':
			if (q.unit) return `${formatNumber(q.answer)} ${q.unit}`;
			// A year reads "1960", never "1,960".
			return /\(year\)/.test(q.prompt) ? String(q.answer) : formatNumber(q.answer);
		case 'matching':
			return q.pairs.map(([l, r]) => `${l} → ${r}`).join('; ');
	}
}

/** The student's response as display text ('' when missing). */
export function formatResponse(q: Question, response: Response | undefined): string {
	if (response === undefined || response === null) return '';
	if (q.type === 'true_false') {
		const b = toBoolean(response);
		return b === null ? String(response) : b ? 'True' : 'False';
	}
	if (q.type === 'matching') {
		if (typeof response !== 'object') return String(response);
		const r = response as Record<string, string>;
		return q.pairs
			.map(([l]) => `${l} → ${Object.prototype.hasOwnProperty.call(r, l) ? r[l] : '—'}`)
			.join('; ');
	}
	if (typeof response === 'number') return formatNumber(response);
	if (typeof response === 'object') return '';
	return String(response);
}

function formatNumber(n: number): string {
	return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

/** FormData, URLSearchParams or any object with the same `get`. */
export interface FormLike {
	get(name: string): unknown;
	getAll?(name: string): unknown[];
}

function field(form: FormLike, name: string): string | undefined {
	const v = form.get(name);
	if (typeof v !== 'string') return undefined;
	const s = v.trim().slice(0, MAX_RESPONSE_LENGTH);
	return s === '' ? undefined : s;
}

/**
 * Turn submitted form fields into a Response. MC / TF / fill-blank / numeric read `<prefix>`;
 * matching reads `<prefix>-<i>` for each left item i of q.pairs (value: the chosen right item).
 * Returns undefined when nothing was answered. Values are trimmed and capped at 500 characters.
 */
export function parseFormResponse(
	q: Question,
	form: FormLike,
	prefix = 'answer'
): Response | undefined {
	if (q.type === 'matching') {
		const entries: [string, string][] = [];
		q.pairs.forEach(([left], i) => {
			const v = field(form, `${prefix}-${i}`);
			if (v !== undefined) entries.push([left, v]);
		});
		return entries.length ? Object.fromEntries(entries) : undefined;
	}
	const v = field(form, prefix);
	if (v === undefined) return undefined;
	if (q.type === 'true_false') return toBoolean(v) ?? v;
	return v;
}
