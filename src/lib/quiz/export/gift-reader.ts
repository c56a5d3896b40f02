/**
 * A reader of GIFT, written from the format's description as Moodle imports it, to check our
 * exports in the tests. It reads numbers in every form a number can be written (Moodle checks
 * them with PHP's is_numeric: `-1e+300` is one), which the gift-pegjs grammar does not, and it
 * reads as a weight anything at the start of an answer that either reader would.
 *
 * Rules: questions are separated by blank lines; lines starting with // are comments; `\` escapes
 * ~ = # { } : \ and n (a new line); `::name::` names a question; the answers sit between the
 * first { and the first }; `####` starts the general feedback; `[html]` (plain, moodle,
 * markdown) before a text sets its format; an answer is `=` (right) or `~` (wrong), a `%n%`
 * weight after `~` (multiple choice) or `=` (short answer, numerical), then `#` and feedback.
 */

/** A character of the text; an escaped one is kept as two characters, backslash first. */
type Units = string[];

const SPECIAL = '\\~=#{}:n';
const FORMATS = ['html', 'plain', 'moodle', 'markdown'];
/** What PHP's trim() removes, as Moodle trims every piece. */
const TRIMMED = new Set([' ', '\t', '\n', '\r', '\0', '\x0B']);
/** A weight as Moodle (%-50%, %33.3%) or gift-pegjs (any number from -100 to 100) reads one. */
const WEIGHT = /^%([-+]*\d*\.?\d*)%/;
/** PHP's is_numeric. */
const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

function units(text: string): Units {
	const out: Units = [];
	const chars = [...text];
	for (let i = 0; i < chars.length; i++) {
		if (chars[i] === '\\' && i + 1 < chars.length && SPECIAL.includes(chars[i + 1])) {
			out.push(`\\${chars[++i]}`);
		} else out.push(chars[i]);
	}
	return out;
}

/** The text the units stand for, escapes undone. */
function text(u: Units): string {
	return u
		.map((c) => (c.length === 2 && c[0] === '\\' ? (c[1] === 'n' ? '\n' : c[1]) : c))
		.join('');
}

/** The raw characters (escapes kept) — for matching weights, which use no special characters. */
function raw(u: Units): string {
	return u.join('');
}

/** Where the unescaped sequence `seq` starts at or after `from`, or -1. */
function find(u: Units, seq: string, from = 0): number {
	const s = [...seq];
	for (let i = from; i + s.length <= u.length; i++) {
		if (s.every((c, k) => u[i + k] === c)) return i;
	}
	return -1;
}

function findLast(u: Units, seq: string): number {
	for (let i = u.length - seq.length; i >= 0; i--) if (find(u, seq, i) === i) return i;
	return -1;
}

function trim(u: Units): Units {
	let a = 0;
	let b = u.length;
	while (a < b && TRIMMED.has(u[a])) a++;
	while (b > a && TRIMMED.has(u[b - 1])) b--;
	return u.slice(a, b);
}

/** Pieces of `u` split at each unescaped `sep`. */
function split(u: Units, sep: string): Units[] {
	const pieces: Units[] = [[]];
	for (const c of u) {
		if (c === sep) pieces.push([]);
		else pieces[pieces.length - 1].push(c);
	}
	return pieces;
}

export interface GiftText {
	format: string;
	text: string;
}

/** A text with its optional [format] prefix. */
function formatted(u: Units, fallback: string): GiftText {
	const close = u[0] === '[' ? find(u, ']') : -1;
	const name = close > 0 ? text(u.slice(1, close)) : '';
	if (FORMATS.includes(name)) return { format: name, text: text(trim(u.slice(close + 1))) };
	return { format: fallback, text: text(trim(u)) };
}

/** The weight an answer starts with (removed from it), or null. */
function takeWeight(u: Units): { weight: number | null; rest: Units } {
	const m = WEIGHT.exec(raw(u));
	if (!m || !/\d/.test(m[1])) return { weight: null, rest: u };
	return { weight: Number.parseFloat(m[1].replace(/^-+/, '-')), rest: u.slice([...m[0]].length) };
}

/** An answer's text and its feedback after the first #. */
function withFeedback(u: Units, format: string): { text: GiftText; feedback: GiftText | null } {
	const hash = find(u, '#');
	if (hash < 0) return { text: formatted(trim(u), format), feedback: null };
	return {
		text: formatted(trim(u.slice(0, hash)), format),
		feedback: formatted(trim(u.slice(hash + 1)), format)
	};
}

export interface GiftChoice {
	correct: boolean;
	/** 0..1; a right answer without a weight counts 1, a wrong one 0. */
	fraction: number;
	text: GiftText;
}

export type GiftAnswers =
	| { type: 'description' | 'essay' }
	| { type: 'multichoice'; choices: GiftChoice[] }
	| { type: 'truefalse'; isTrue: boolean }
	| { type: 'shortanswer'; answers: { fraction: number; text: string }[] }
	| {
			type: 'numerical';
			answers: { fraction: number; answer: string; tolerance: string }[];
	  }
	| { type: 'match'; pairs: { left: GiftText; right: string }[] };

export type GiftItem =
	| { type: 'category'; path: string }
	| ({ name: string | null; question: GiftText; generalFeedback: GiftText } & GiftAnswers);

function readAnswers(a: Units, format: string): GiftAnswers {
	const t = trim(a);
	if (t.length === 0) return { type: 'essay' };
	if (t[0] === '#') return readNumerical(t.slice(1));
	if (t.includes('~')) {
		const choices: GiftChoice[] = [];
		let current: Units | null = null;
		let correct = false;
		const flush = () => {
			if (!current) return;
			const { weight, rest } = correct ? { weight: null, rest: current } : takeWeight(current);
			const fraction = correct ? 1 : (weight ?? 0) / 100;
			choices.push({ correct, fraction, text: withFeedback(rest, format).text });
		};
		for (const c of t) {
			if (c === '=' || c === '~') {
				flush();
				current = [];
				correct = c === '=';
			} else current?.push(c);
		}
		flush();
		if (choices.length < 2) throw new Error('A multiple choice needs two answers.');
		return { type: 'multichoice', choices };
	}
	const pieces = split(t, '=');
	if (trim(pieces[0]).length === 0) pieces.shift();
	if (t.includes('=') && find(t, '->') >= 0) {
		return {
			type: 'match',
			pairs: pieces.map((p) => {
				const arrow = find(p, '->');
				if (arrow < 0) throw new Error('A matching pair needs "->".');
				return {
					left: formatted(trim(p.slice(0, arrow)), format),
					right: text(trim(p.slice(arrow + 2)))
				};
			})
		};
	}
	const tf = text(trim(split(t, '#')[0]));
	if (['T', 'TRUE', 'F', 'FALSE'].includes(tf)) return { type: 'truefalse', isTrue: tf[0] === 'T' };
	return {
		type: 'shortanswer',
		answers: pieces.map((p) => {
			const { weight, rest } = takeWeight(trim(p));
			return { fraction: (weight ?? 100) / 100, text: withFeedback(rest, format).text.text };
		})
	};
}

function readNumerical(t: Units): GiftAnswers {
	const pieces = split(t, '=');
	if (trim(pieces[0]).length === 0) pieces.shift();
	return {
		type: 'numerical',
		answers: pieces.map((p) => {
			const { weight, rest } = takeWeight(trim(p));
			const body = withFeedback(rest, 'moodle').text.text;
			const colon = body.indexOf(':');
			const [answer, tolerance] =
				colon > 0 ? [body.slice(0, colon).trim(), body.slice(colon + 1).trim()] : [body, '0'];
			if (body.includes('..') || !NUMERIC.test(answer) || !NUMERIC.test(tolerance)) {
				throw new Error(`Not numbers: ${body}`);
			}
			return { fraction: (weight ?? 100) / 100, answer, tolerance };
		})
	};
}

/** PHP's trim(), which Moodle applies to lines and pieces. */
function phpTrim(s: string): string {
	let a = 0;
	let b = s.length;
	while (a < b && TRIMMED.has(s[a])) a++;
	while (b > a && TRIMMED.has(s[b - 1])) b--;
	return s.slice(a, b);
}

function readItem(lines: string[]): GiftItem | null {
	const body = phpTrim(lines.map((l) => (l.startsWith('//') ? '' : l)).join('\n'));
	if (!body) return null;
	// A category line is read as it stands, escapes and all.
	if (body.startsWith('$CATEGORY:')) return { type: 'category', path: body.slice(10).trim() };
	let u = units(body);
	let name: string | null = null;
	if (find(u, '::') === 0) {
		const end = find(u, '::', 2);
		if (end < 0) throw new Error('A question name is not closed.');
		name = text(u.slice(2, end));
		u = trim(u.slice(end + 2));
	}
	const open = find(u, '{');
	const close = find(u, '}');
	if (open < 0 && close < 0) {
		const question = formatted(u, 'moodle');
		return { type: 'description', name, question, generalFeedback: { ...question, text: '' } };
	}
	if (open < 0 || close < open) throw new Error('The braces around the answers do not match.');
	let answers = u.slice(open + 1, close);
	// A blank stands where the answers were, unless they end the question.
	const blank = u[u.length - 1] === '}' ? [] : [...'_____'];
	const question = formatted([...u.slice(0, open), ...blank, ...u.slice(close + 1)], 'moodle');
	const split4 = findLast(answers, '####');
	let generalFeedback: GiftText = { format: question.format, text: '' };
	if (split4 >= 0) {
		generalFeedback = formatted(answers.slice(split4 + 4), question.format);
		answers = answers.slice(0, split4);
	}
	return { name, question, generalFeedback, ...readAnswers(answers, question.format) };
}

/** Every category and question of a GIFT file, in order. Throws on what GIFT cannot read. */
export function readGift(file: string): GiftItem[] {
	const items: GiftItem[] = [];
	let block: string[] = [];
	for (const line of [...file.split('\n').map(phpTrim), '']) {
		if (line === '') {
			const item = block.length ? readItem(block) : null;
			if (item) items.push(item);
			block = [];
		} else block.push(line);
	}
	return items;
}
