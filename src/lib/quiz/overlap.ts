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

function namesKeyOf(q: Question, other: Question): boolean {
	const prompt = normal(q.prompt);
	return keysOf(other).some((k) => prompt.includes(k));
}

function tellsSentenceOf(q: Question, other: Question): boolean {
	const start = opening(other);
	return !!start && normal(q.prompt).includes(start);
}

export function giveEachOtherAway(a: Question, b: Question): boolean {
	if (a.source?.sentenceIndex === b.source?.sentenceIndex) return true;
	const keysA = new Set(keysOf(a));
	if (keysOf(b).some((k) => keysA.has(k))) return true;
	return namesKeyOf(a, b) || namesKeyOf(b, a) || tellsSentenceOf(a, b) || tellsSentenceOf(b, a);
}
