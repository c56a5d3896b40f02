/** A lesson's quiz on paper: the teacher's version of its bank, questions and answers apart. */
import { formatAnswer } from '$lib/quiz/grade';
import { toPublicQuestion, type PublicQuestion } from '$lib/quiz/public';
import type { Tx } from './db/connection';
import { listBank } from './curation';

/** The questions in use, as students would see them: nothing that gives the key away. */
export function worksheetQuestions(
	db: Tx,
	lessonId: number,
	owner: string | null
): PublicQuestion[] {
	return listBank(db, lessonId, owner)
		.filter((e) => e.enabled)
		.map((e) => toPublicQuestion(e.question));
}

/** The answer key, in the worksheet's order: for the teacher only. */
export function worksheetKey(db: Tx, lessonId: number, owner: string | null) {
	return listBank(db, lessonId, owner)
		.filter((e) => e.enabled)
		.map((e) => ({
			prompt: e.question.prompt,
			answer: formatAnswer(e.question),
			sentenceIndex: e.question.source?.sentenceIndex ?? 0
		}));
}
