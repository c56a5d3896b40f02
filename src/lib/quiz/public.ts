/** The view of a question the browser may see before answering: nothing that reveals the key. */
import type { Question, QuestionType } from './types';

export interface PublicQuestion {
	id: string;
	type: QuestionType;
	prompt: string;
	/** MC choices, ['True', 'False'], matching right-hand items; [] for typed answers. */
	options: string[];
	/** Numeric only: the unit to show beside the input. */
	unit?: string;
	/** Matching only: the left-hand items, in order; field `answer-<i>` answers left[i]. */
	left?: string[];
}

export function toPublicQuestion(q: Question): PublicQuestion {
	const view: PublicQuestion = {
		id: q.id,
		type: q.type,
		prompt: q.prompt,
		options: q.type === 'true_false' ? ['True', 'False'] : [...q.options]
	};
	if (q.type === 'numeric') view.unit = q.unit;
	if (q.type === 'matching') view.left = q.pairs.map(([left]) => left);
	return view;
}
