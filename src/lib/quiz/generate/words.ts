/** Word-level helpers shared by the generator and the gates. */
import { STOPWORDS } from '../../content/stopwords';

export { STOPWORDS };

/** The gap of a fill-in or multiple-choice prompt. */
export const BLANK = '_____';

/** Lower-case word tokens (letters, digits, inner hyphens and apostrophes). */
export function tokens(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

export function contentWords(text: string): string[] {
	return tokens(text).filter((t) => !STOPWORDS.has(t) && t.length > 1);
}

export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
	const setA = new Set(a);
	const setB = new Set(b);
	if (setA.size === 0 && setB.size === 0) return 1;
	let shared = 0;
	for (const t of setA) if (setB.has(t)) shared++;
	return shared / (setA.size + setB.size - shared);
}

export function wordCount(text: string): number {
	return tokens(text).length;
}

export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a" or "an" for the word that follows. */
export function article(next: string): 'a' | 'an' {
	return /^(?:[aeio]|u(?![nk]i|se|ro)|hour|honest|8|11|18)/i.test(next.trim()) ? 'an' : 'a';
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const QUOTE_CHARS = /["“”„«»]/;
