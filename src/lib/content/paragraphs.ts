/** Splits cleaned text into blocks: headings and paragraphs; finds the document title and credit. */
import { cleanParagraph, normaliseText } from './clean';

export type Block =
	| { kind: 'heading'; level: number; text: string; implicit?: boolean }
	| {
			kind: 'paragraph';
			text: string;
			listItem: boolean;
			/** Lines of verse (a quoted poem, an epigraph), one per line of `text`. */
			verse?: boolean;
	  };

export interface Structure {
	title: string;
	credit: string;
	blocks: Block[];
}

const LIST_MARKER = /^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+/;
const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const BYLINE = /^(?:by|source:|credit:|photo:|\u00A9|\(c\))\s+\S/i;

export function wordsIn(s: string): number {
	const m = s.match(/[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu);
	return m ? m.length : 0;
}

/** A year or century: "1465", "1990s", "c. 2000 BC", "AD 400", "13th century". */
const YEAR = String.raw`(?:(?:c\.|ca\.|circa)\s*)?(?:(?:AD|CE)\s*)?(?:\d{1,2}(?:st|nd|rd|th)(?:\s+centur(?:y|ies))?|\d{1,4}s?)(?:\s*(?:BC|BCE|AD|CE))?`;
/**
 * Dates in brackets at the end of a heading: "Kazakh Khanate (1465–1731)", "Republic of Kazakhstan
 * (1991–present)", "Bronze Age (c. 2000 BC)", "(since 1991)". The heading is read without them.
 */
const HEADING_DATES = new RegExp(
	String.raw`\s*\((?:(?:since|from|after|before|until)\s+)?${YEAR}(?:\s*[-–—]\s*(?:${YEAR}|present|today|now))?\)$`,
	'i'
);

/** A short line without final punctuation that reads like a title. */
function isTitleLike(line: string): boolean {
	const t = line.trim().replace(HEADING_DATES, '');
	if (isByline(t)) return false;
	if (!/^["'(]?[\p{Lu}\p{N}]/u.test(t)) return false;
	if (/[.,;:!?"')\]]$/.test(t) && !/[?!]$/.test(t)) return false;
	if (/[?!]$/.test(t) && wordsIn(t) > 8) return false;
	return wordsIn(t) > 0 && wordsIn(t) < 10;
}

function isByline(line: string): boolean {
	return BYLINE.test(line.trim()) && wordsIn(line) <= 12 && !/[.!?]$/.test(line.trim());
}

/** Lines in one chunk look like separate paragraphs when most end a sentence. */
function linesAreParagraphs(lines: string[]): boolean {
	const ending = lines.filter((l) => /[.!?:"')\]]$/.test(l.trim())).length;
	return ending >= lines.length * 0.6;
}

/** "COWPER.", "—Geoffrey Chaucer, The Canterbury Tales": who wrote the verse above. */
function isAttribution(line: string): boolean {
	const t = line.trim();
	if (wordsIn(t) === 0 || wordsIn(t) > 12) return false;
	if (/^(?:[—–―]|--?)\s*["'(]?\p{Lu}/u.test(t)) return true;
	// A name in capitals, as books print it under an epigraph.
	return /^\p{Lu}[\p{Lu}\s.'-]*$/u.test(t) && /\p{Lu}{3}/u.test(t) && wordsIn(t) <= 4;
}

/** A capital in the middle of a line that is not "I" or "O": names, which lists are full of. */
const NAME_WORD = /^(?!(?:I|O|Oh)(?:'|$))\p{Lu}/u;

/**
 * A chunk of short lines with no blank line between them is verse (a quoted poem, an epigraph)
 * when it reads like verse: lines of a few words that start with a capital even in the middle of a
 * sentence, sentences that run over lines with punctuation at many line ends, few names or numbers
 * (a list of people or figures has many), and not a list introduced by a colon. A last line of
 * attribution ("COWPER.") goes with it. Prose wrapped at a fixed width fails on the capitals and
 * the line length; lines that are paragraphs of their own end most of them with a sentence end.
 */
export function isVerse(chunk: string[]): boolean {
	const lines = chunk.map((l) => l.trim());
	const attributed = lines.length > 2 && isAttribution(lines[lines.length - 1]);
	const body = attributed ? lines.slice(0, -1) : lines;
	const n = body.length;
	if (n < (attributed ? 2 : 3) || /:$/.test(body[0])) return false;
	let chars = 0;
	let capitals = 0;
	let punctuated = 0;
	let sentenceEnds = 0;
	let numbers = 0;
	let words = 0;
	let names = 0;
	for (const line of body) {
		if (line.length > 80 || LIST_MARKER.test(line) || MD_HEADING.test(line)) return false;
		chars += line.length;
		if (/^["'([]*\p{Lu}/u.test(line)) capitals++;
		if (/[,;:.!?—–-]["')\]]*$/.test(line)) punctuated++;
		if (/[.!?]["')\]]*$/.test(line)) sentenceEnds++;
		if (/\d/.test(line)) numbers++;
		const inner = (line.match(/\p{L}[\p{L}'-]*/gu) ?? []).slice(1);
		words += inner.length;
		names += inner.filter((w) => NAME_WORD.test(w)).length;
	}
	return (
		chars / n <= 60 &&
		words / n >= 3 &&
		capitals >= n * 0.8 &&
		punctuated >= n / 3 &&
		sentenceEnds < n * 0.6 &&
		numbers <= n * 0.1 &&
		names <= words * 0.15
	);
}

/** Turns one blank-line-separated chunk into blocks. */
function chunkToBlocks(lines: string[], blocks: Block[]): void {
	let buffer: string[] = [];
	const flush = () => {
		if (buffer.length) blocks.push({ kind: 'paragraph', text: buffer.join(' '), listItem: false });
		buffer = [];
	};
	const separateLines = lines.length > 1 && linesAreParagraphs(lines);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		const md = MD_HEADING.exec(line);
		if (md) {
			flush();
			blocks.push({ kind: 'heading', level: md[1].length, text: md[2] });
		} else if (LIST_MARKER.test(line)) {
			flush();
			blocks.push({ kind: 'paragraph', text: line.replace(LIST_MARKER, ''), listItem: true });
		} else if (buffer.length && /^\s/.test(lines[i]) && blocks.at(-1)?.kind === 'paragraph') {
			buffer.push(line);
		} else if (lines.length > 1 && isTitleLike(line) && i < lines.length - 1) {
			flush();
			blocks.push({ kind: 'heading', level: 2, text: line, implicit: true });
		} else {
			buffer.push(line);
			if (separateLines) flush();
		}
	}
	flush();
}

export function splitStructure(raw: string): Structure {
	const text = normaliseText(raw);
	const chunks = text
		.split(/\n\s*\n/)
		.map((c) => c.split('\n').filter((l) => l.trim() !== ''))
		.filter((c) => c.length > 0);
	const blocks: Block[] = [];
	for (let c = 0; c < chunks.length; c++) {
		const chunk = chunks[c];
		if (chunk.length > 1 && isVerse(chunk)) {
			const lines = chunk.map((l) => l.trim());
			// "—Geoffrey Chaucer, The Canterbury Tales" standing alone after the verse is its source.
			const next = chunks[c + 1]?.length === 1 ? chunks[c + 1][0].trim() : '';
			if (/^(?:[\u2014\u2013\u2015]|--)/.test(next) && isAttribution(next)) {
				lines.push(next);
				c++;
			}
			blocks.push({ kind: 'paragraph', text: lines.join('\n'), listItem: false, verse: true });
		} else if (chunk.length === 1) {
			const line = chunk[0].trim();
			const md = MD_HEADING.exec(line);
			if (md) blocks.push({ kind: 'heading', level: md[1].length, text: md[2] });
			else if (LIST_MARKER.test(line))
				blocks.push({ kind: 'paragraph', text: line.replace(LIST_MARKER, ''), listItem: true });
			else if (isTitleLike(line))
				blocks.push({ kind: 'heading', level: 2, text: line, implicit: true });
			else blocks.push({ kind: 'paragraph', text: line, listItem: false });
		} else chunkToBlocks(chunk, blocks);
	}
	for (const b of blocks)
		b.text =
			b.kind === 'paragraph' && b.verse
				? b.text.split('\n').map(cleanParagraph).join('\n')
				: cleanParagraph(b.text);
	return extractTitleAndCredit(blocks.filter((b) => b.text !== ''));
}

/** Whether the first block is the document's headline rather than a section heading. */
function isHeadline(blocks: Block[]): boolean {
	const first = blocks[0];
	if (!first || !blocks.some((b, i) => i > 0 && b.kind === 'paragraph')) return false;
	if (first.kind === 'paragraph')
		return !first.verse && !/[.!?:;,]$/.test(first.text) && wordsIn(first.text) <= 20;
	// A title-like first line of a plain-text document is its headline.
	if (first.implicit) return true;
	const others = blocks.filter((b, i) => i > 0 && b.kind === 'heading');
	return others.every((b) => b.kind === 'heading' && b.level > first.level);
}

function extractTitleAndCredit(blocks: Block[]): Structure {
	let title = '';
	let credit = '';
	const rest = [...blocks];
	if (isHeadline(rest)) {
		title = rest[0].text;
		rest.shift();
		// A headline printed twice.
		while (rest[0] && rest[0].text.toLowerCase() === title.toLowerCase()) rest.shift();
	}
	// A byline is credit, not lesson text: look at the last and the first block.
	for (const at of [rest.length - 1, 0]) {
		const b = rest[at];
		if (b && !credit && b.kind === 'paragraph' && isByline(b.text)) {
			credit = b.text;
			rest.splice(at, 1);
		}
	}
	// Headings with nothing after them are not sections.
	while (rest.length && rest[rest.length - 1].kind === 'heading') rest.pop();
	return { title, credit, blocks: rest };
}
