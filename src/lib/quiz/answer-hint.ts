/** The line under a question that says how to answer it, e.g. "Type a number. Unit: years.". */
import type { QuestionType } from './types';

const HINTS: Record<QuestionType, string> = {
	multiple_choice: 'Choose one answer.',
	true_false: 'True or false?',
	fill_blank: 'Type the missing word or words.',
	numeric: 'Type a number.',
	matching: 'Match each item on the left with one on the right.'
};

export function answerHint(type: QuestionType, unit?: string | null): string {
	const hint = HINTS[type];
	const named = unit?.trim().replace(/\.$/, '');
	return named ? `${hint} Unit: ${named}.` : hint;
}
