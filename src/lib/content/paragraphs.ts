/** Splits cleaned text into blocks: headings and paragraphs; finds the document title and credit. */
import { cleanParagraph, normaliseText } from './clean';

export type Block =
	| { kind: 'heading'; level: number; text: string; implicit?: boolean }
	| { kind: 'paragraph'; text: string; listItem: boolean };

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

/** A short line without final punctuation that reads like a title. */
function isTitleLike(line: string): boolean {
	const t = line.trim();
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
	for (const chunk of chunks) {
		if (chunk.length === 1) {
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
	for (const b of blocks) b.text = cleanParagraph(b.text);
	return extractTitleAndCredit(blocks.filter((b) => b.text !== ''));
}

/** Whether the first block is the document's headline rather than a section heading. */
function isHeadline(blocks: Block[]): boolean {
	const first = blocks[0];
	if (!first || !blocks.some((b, i) => i > 0 && b.kind === 'paragraph')) return false;
	if (first.kind === 'paragraph') return !/[.!?:;,]$/.test(first.text) && wordsIn(first.text) <= 20;
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
