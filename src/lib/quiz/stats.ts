/** Classical item analysis of answered questions, and per-sentence performance for the lesson text. */
import type { Question, QuestionType } from './types';

export interface AnswerRecord {
	attemptId: string | number;
	studentId: string | number;
	questionId: string;
	correct: boolean;
	/** The response as displayed; for MC/TF the chosen option ('True' / 'False'). */
	response: string;
	/** Total score of the whole attempt, 0..1. */
	attemptScore: number;
}

export interface OptionCount {
	option: string;
	count: number;
	/** count / answered, 0 when nothing was answered. */
	share: number;
	isKey: boolean;
}

export interface QuestionStats {
	questionId: string;
	type: QuestionType;
	answered: number;
	correct: number;
	/** Share correct (item difficulty index p); null when unanswered. */
	facility: number | null;
	/** p(upper 27%) − p(lower 27%) of attempts ranked by total score; null below MIN_FOR_DISCRIMINATION. */
	discrimination: number | null;
	/** MC and TF only: picks per option, in the question's option order. */
	options: OptionCount[];
	/** MC only: distractors chosen by < RARE_SHARE of answers, once answered ≥ MIN_FOR_RARE times. */
	rarelyChosen: string[];
	/** Typed answers (fill-in, numeric): the most common wrong ones, most frequent first. */
	wrongAnswers: WrongAnswer[];
}

export interface WrongAnswer {
	/** As most students typed it ('' for a blank answer). */
	answer: string;
	count: number;
}

/** How many of the most common wrong typed answers a question's statistics list. */
export const WRONG_ANSWERS_SHOWN = 3;

/**
 * The most common wrong typed answers: spellings that differ only in case and spaces count as
 * one, shown as most students typed it; ties go to the answer seen first.
 */
export function commonWrongAnswers(
	answers: readonly AnswerRecord[],
	limit = WRONG_ANSWERS_SHOWN
): WrongAnswer[] {
	const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
	for (const a of answers) {
		if (a.correct) continue;
		const typed = a.response.trim().replace(/\s+/g, ' ');
		const key = typed.toLowerCase();
		const group = groups.get(key) ?? { count: 0, spellings: new Map() };
		group.count++;
		group.spellings.set(typed, (group.spellings.get(typed) ?? 0) + 1);
		groups.set(key, group);
	}
	return [...groups.values()]
		.map((g) => ({
			answer: [...g.spellings].reduce((best, s) => (s[1] > best[1] ? s : best))[0],
			count: g.count
		}))
		.sort((a, b) => b.count - a.count)
		.slice(0, limit);
}

/** Fewer answering attempts than this give no discrimination index. */
export const MIN_FOR_DISCRIMINATION = 4;
/** Share of the ranked attempts in each of the upper and lower groups (Kelley's 27%). */
export const GROUP_SHARE = 0.27;
/** A distractor picked by fewer than this share of answers is "rarely chosen"... */
export const RARE_SHARE = 0.05;
/** ...but only judged once the question has this many answers. */
export const MIN_FOR_RARE = 10;

/** One answer per attempt and question (the first seen), grouped by question id. */
function byQuestion(answers: readonly AnswerRecord[]): Map<string, AnswerRecord[]> {
	const seen = new Set<string>();
	const groups = new Map<string, AnswerRecord[]>();
	for (const a of answers) {
		const key = `${a.attemptId}\u0000${a.questionId}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const list = groups.get(a.questionId) ?? [];
		list.push(a);
		groups.set(a.questionId, list);
	}
	return groups;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Upper-minus-lower discrimination over the answers of one question. */
export function discriminationIndex(answers: readonly AnswerRecord[]): number | null {
	const n = answers.length;
	if (n < MIN_FOR_DISCRIMINATION) return null;
	const ranked = [...answers].sort(
		(a, b) =>
			b.attemptScore - a.attemptScore || String(a.attemptId).localeCompare(String(b.attemptId))
	);
	const k = Math.max(1, Math.round(n * GROUP_SHARE));
	const upper = ranked.slice(0, k);
	const lower = ranked.slice(n - k);
	const p = (group: AnswerRecord[]) => share(group.filter((a) => a.correct).length, group.length);
	return p(upper) - p(lower);
}

function optionCounts(q: Question, answers: readonly AnswerRecord[]): OptionCount[] {
	if (q.type !== 'multiple_choice' && q.type !== 'true_false') return [];
	const options: string[] = q.type === 'true_false' ? ['True', 'False'] : q.options;
	const key = q.type === 'true_false' ? (q.answer ? 'True' : 'False') : q.answer;
	const fold = (s: string) => s.trim().toLowerCase();
	return options.map((option) => {
		const count = answers.filter((a) => fold(a.response) === fold(option)).length;
		return { option, count, share: share(count, answers.length), isKey: option === key };
	});
}

export function questionStats(
	questions: readonly Question[],
	answers: readonly AnswerRecord[]
): QuestionStats[] {
	const groups = byQuestion(answers);
	return questions.map((q) => {
		const mine = groups.get(q.id) ?? [];
		const correct = mine.filter((a) => a.correct).length;
		const options = optionCounts(q, mine);
		const rarelyChosen =
			q.type === 'multiple_choice' && mine.length >= MIN_FOR_RARE
				? options.filter((o) => !o.isKey && o.share < RARE_SHARE).map((o) => o.option)
				: [];
		return {
			questionId: q.id,
			type: q.type,
			answered: mine.length,
			correct,
			facility: mine.length ? correct / mine.length : null,
			discrimination: discriminationIndex(mine),
			options,
			rarelyChosen,
			wrongAnswers: q.type === 'fill_blank' || q.type === 'numeric' ? commonWrongAnswers(mine) : []
		};
	});
}

export interface SentencePerformance {
	/** 1-based sentence index within the lesson (anchor `#s-N`). */
	sentenceIndex: number;
	/** Questions made from this sentence. */
	questions: number;
	answered: number;
	correct: number;
	/** Share correct; null when no answers yet. */
	share: number | null;
}

/** Per source sentence: how often its questions were answered correctly (sorted by sentence). */
export function sentencePerformance(
	questions: readonly Question[],
	answers: readonly AnswerRecord[]
): SentencePerformance[] {
	const groups = byQuestion(answers);
	const bySentence = new Map<number, SentencePerformance>();
	for (const q of questions) {
		const index = q.source?.sentenceIndex;
		if (typeof index !== 'number') continue;
		const row = bySentence.get(index) ?? {
			sentenceIndex: index,
			questions: 0,
			answered: 0,
			correct: 0,
			share: null
		};
		const mine = groups.get(q.id) ?? [];
		row.questions++;
		row.answered += mine.length;
		row.correct += mine.filter((a) => a.correct).length;
		row.share = row.answered ? row.correct / row.answered : null;
		bySentence.set(index, row);
	}
	return [...bySentence.values()].sort((a, b) => a.sentenceIndex - b.sentenceIndex);
}
