export type QuestionType = 'multiple_choice' | 'true_false' | 'fill_blank' | 'numeric' | 'matching';

export interface QuestionSource {
	/** 0-based paragraph index within the lesson. */
	paragraph: number;
	/** The sentence the question was made from, exactly as the lesson shows it. */
	sentence: string;
	/** 1-based sentence index within the lesson (anchor `#s-N`). */
	sentenceIndex: number;
}

interface QuestionBase {
	/** Stable: the same input gives the same id. */
	id: string;
	prompt: string;
	explanation: string;
	/** 0 (easy) .. 1 (hard). */
	difficulty: number;
	source: QuestionSource;
}

export interface MultipleChoiceQuestion extends QuestionBase {
	type: 'multiple_choice';
	options: string[];
	answer: string;
}

export interface TrueFalseQuestion extends QuestionBase {
	type: 'true_false';
	options: ['True', 'False'];
	answer: boolean;
}

export interface FillBlankQuestion extends QuestionBase {
	type: 'fill_blank';
	options: [];
	answer: string;
	/** Other spellings accepted as correct (name variants). */
	accept: string[];
}

export interface NumericQuestion extends QuestionBase {
	type: 'numeric';
	options: [];
	answer: number;
	tolerance: number;
	unit: string;
}

export interface MatchingQuestion extends QuestionBase {
	type: 'matching';
	/** Right-hand items in display order. */
	options: string[];
	pairs: [string, string][];
}

export type Question =
	| MultipleChoiceQuestion
	| TrueFalseQuestion
	| FillBlankQuestion
	| NumericQuestion
	| MatchingQuestion;

/** What a student sends for one question. Matching: left item -> chosen right item. */
export type Response = string | boolean | number | Record<string, string>;
