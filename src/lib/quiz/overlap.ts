/**
 * When two questions of one quiz give each other away or ask the same fact twice: the same
 * sentence, the same key ("Rus" asked three times), a key the other question's prompt names
 * ("Ariq Boke" in a prompt beside a question whose answer is Ariq Boke), or a prompt that tells
 * the other's sentence as its context.
 */
import type { Question } from './types';

const normal = (text: string) =>
	` ${text
		.toLowerCase()
		.replace(/[’']s\b/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()} `;

/** What a student writes or chooses to answer the question; nothing for true/false and matching. */
export function keysOf(q: Question): string[] {
	const keys =
		q.type === 'fill_blank'
			? [q.answer, ...q.accept]
			: q.type === 'multiple_choice'
				? [q.answer]
				: q.type === 'numeric'
					? [String(q.answer)]
					: [];
	// "3", "an", "10": too short to say the other question names the same thing.
	return keys.map(normal).filter((k) => k.trim().length >= 3);
}

/** The first words of the question's own sentence, as a prompt that carries it would read. */
function opening(q: Question): string | null {
	const words = normal(q.source?.sentence ?? '')
		.trim()
		.split(' ')
		.filter(Boolean);
	return words.length >= 5 ? ` ${words.slice(0, 6).join(' ')} ` : null;
}

/** A question's normalised keys, prompt and opening, worked out once per question object. */
interface Marks {
	keys: string[];
	prompt: string;
	opening: string | null;
}
// Banks are kept in memory and every quiz start compares their questions pairwise: the same
// question objects come back, so their marks are computed once (questions are never mutated).
const marksCache = new WeakMap<Question, Marks>();

function marksOf(q: Question): Marks {
	let marks = marksCache.get(q);
	if (!marks) {
		marks = { keys: keysOf(q), prompt: normal(q.prompt), opening: opening(q) };
		marksCache.set(q, marks);
	}
	return marks;
}

function namesKeyOf(q: Marks, other: Marks): boolean {
	return other.keys.some((k) => q.prompt.includes(k));
}

function tellsSentenceOf(q: Marks, other: Marks): boolean {
	return !!other.opening && q.prompt.includes(other.opening);
}

export function giveEachOtherAway(a: Question, b: Question): boolean {
	if (a.source?.sentenceIndex === b.source?.sentenceIndex) return true;
	const [ma, mb] = [marksOf(a), marksOf(b)];
	if (mb.keys.some((k) => ma.keys.includes(k))) return true;
	return (
		namesKeyOf(ma, mb) || namesKeyOf(mb, ma) || tellsSentenceOf(ma, mb) || tellsSentenceOf(mb, ma)
	);
}
