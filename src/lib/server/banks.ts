import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Question } from '$lib/quiz/types';
import type { Tx } from './db/connection';
import { perConnection } from './db/client';
import { questions } from './db/schema';

export interface BankQuestion {
	question: Question;
	version: number;
}

// A lesson's enabled questions change only when a text is stored or a teacher curates the bank;
// both clear this cache (through invalidateLessonCache). Entries are shared: never mutate them.
// Kept per connection; a clear drops every connection's entries (they are made again on use).
let generation = 0;
const bankState = perConnection(() => ({
	generation,
	banks: new Map<number, readonly BankQuestion[]>()
}));

export function clearBankCache() {
	generation++;
}

function banksOf(db: Tx) {
	const state = bankState(db);
	if (state.generation !== generation) {
		state.generation = generation;
		state.banks.clear();
	}
	return state.banks;
}

/** The enabled questions of a lesson's own bank, in bank order, with their current version. */
export function lessonBank(db: Tx, lessonId: number): readonly BankQuestion[] {
	const banks = banksOf(db);
	let bank = banks.get(lessonId);
	if (!bank) {
		bank = db
			.select({ data: questions.data, version: questions.version })
			.from(questions)
			.where(
				and(
					eq(questions.lessonId, lessonId),
					eq(questions.enabled, true),
					// The lesson's own bank: teachers' copies are theirs (see bank-versions).
					isNull(questions.ownerId)
				)
			)
			.orderBy(asc(questions.position))
			.all()
			.map((r) => ({ question: r.data, version: r.version }));
		banks.set(lessonId, bank);
	}
	return bank;
}
