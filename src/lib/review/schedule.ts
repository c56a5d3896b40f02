/** Spaced review of missed questions with FSRS (ts-fsrs), stored as JSON-friendly cards. */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';

/** A review card as stored in the database: plain JSON, dates as ISO strings. */
export interface StoredCard {
	due: string;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
	state: number;
	lastReview: string | null;
}

/** Deterministic scheduler: no fuzz, so the same history always gives the same due date. */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true }));

export function serializeCard(card: Card): StoredCard {
	return {
		due: card.due.toISOString(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review ? card.last_review.toISOString() : null
	};
}

export function deserializeCard(stored: StoredCard): Card {
	return {
		due: new Date(stored.due),
		stability: stored.stability,
		difficulty: stored.difficulty,
		elapsed_days: stored.elapsedDays,
		scheduled_days: stored.scheduledDays,
		learning_steps: stored.learningSteps,
		reps: stored.reps,
		lapses: stored.lapses,
		state: stored.state,
		...(stored.lastReview ? { last_review: new Date(stored.lastReview) } : {})
	};
}

/** A fresh card, due at once. */
export function newReviewCard(now: Date): StoredCard {
	return serializeCard(createEmptyCard(now));
}

/** Wrong → Again; right → Good, or Easy when answered fast. */
export function rateAnswer(correct: boolean, opts: { fast?: boolean } = {}): Grade {
	if (!correct) return Rating.Again;
	return opts.fast ? Rating.Easy : Rating.Good;
}

/** Record one review of the card and return the updated card and its next due date. */
export function scheduleReview(
	card: StoredCard,
	correct: boolean,
	now: Date,
	opts: { fast?: boolean } = {}
): { card: StoredCard; due: Date } {
	const next = scheduler.next(deserializeCard(card), now, rateAnswer(correct, opts)).card;
	return { card: serializeCard(next), due: next.due };
}

/** Is the card due for review at `now`? */
export function isDue(card: StoredCard, now: Date): boolean {
	return Date.parse(card.due) <= now.getTime();
}
