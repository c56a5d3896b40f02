/** JSON export of a question bank in the generator's question shape (deterministic output). */
import type { BankExport } from './types';
import type { Question } from '../types';

/** The question with its keys in a fixed, readable order. */
export function orderedQuestion(q: Question): Record<string, unknown> {
	const head = { id: q.id, type: q.type, prompt: q.prompt, options: [...q.options] };
	const key: Record<string, unknown> =
		q.type === 'matching'
			? { pairs: q.pairs.map(([l, r]) => [l, r]) }
			: q.type === 'fill_blank'
				? { answer: q.answer, accept: [...(q.accept ?? [])] }
				: q.type === 'numeric'
					? { answer: q.answer, tolerance: q.tolerance, unit: q.unit }
					: { answer: q.answer };
	return {
		...head,
		...key,
		explanation: q.explanation,
		difficulty: q.difficulty,
		source: {
			paragraph: q.source.paragraph,
			sentence: q.source.sentence,
			sentenceIndex: q.source.sentenceIndex
		}
	};
}

/** Pretty JSON `{ title, questions }`, newline-terminated. */
export function toJsonExport(bank: BankExport): string {
	return (
		JSON.stringify({ title: bank.title, questions: bank.questions.map(orderedQuestion) }, null, 2) +
		'\n'
	);
}
