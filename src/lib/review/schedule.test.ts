import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
	deserializeCard,
	isDue,
	newReviewCard,
	rateAnswer,
	scheduleReview,
	serializeCard,
	type StoredCard
} from './schedule';

const DAY = 86_400_000;
const start = new Date('2025-03-01T09:00:00Z');

/** Review at each due date with the given outcomes; returns the intervals in days. */
function run(outcomes: boolean[]): { card: StoredCard; intervals: number[] } {
	let card = newReviewCard(start);
	let now = start;
	const intervals: number[] = [];
	for (const correct of outcomes) {
		const next = scheduleReview(card, correct, now);
		intervals.push((next.due.getTime() - now.getTime()) / DAY);
		card = next.card;
		now = next.due;
	}
	return { card, intervals };
}

describe('review schedule', () => {
	it('rates answers', () => {
		expect(rateAnswer(false)).toBe(Rating.Again);
		expect(rateAnswer(false, { fast: true })).toBe(Rating.Again);
		expect(rateAnswer(true)).toBe(Rating.Good);
		expect(rateAnswer(true, { fast: true })).toBe(Rating.Easy);
	});

	it('starts with a card that is due at once', () => {
		const card = newReviewCard(start);
		expect(isDue(card, start)).toBe(true);
		expect(card.reps).toBe(0);
		expect(JSON.parse(JSON.stringify(card))).toEqual(card);
	});

	it('brings a wrong answer back within a day', () => {
		const { due } = scheduleReview(newReviewCard(start), false, start);
		expect(due.getTime() - start.getTime()).toBeLessThanOrEqual(DAY);
		expect(due.getTime()).toBeGreaterThan(start.getTime());
		const { intervals } = run([true, true, true, false]);
		expect(intervals[3]).toBeLessThanOrEqual(1);
	});

	it('pushes the due date further out after consecutive right answers', () => {
		const { intervals, card } = run([true, true, true, true, true]);
		for (let i = 1; i < intervals.length; i++)
			expect(intervals[i]).toBeGreaterThan(intervals[i - 1]);
		expect(intervals[4]).toBeGreaterThan(7);
		expect(card.reps).toBe(5);
		expect(isDue(card, new Date(Date.parse(card.due) - 1000))).toBe(false);
		expect(isDue(card, new Date(card.due))).toBe(true);
	});

	it('schedules a fast right answer at least as far out as a normal one', () => {
		const normal = scheduleReview(newReviewCard(start), true, start).due;
		const fast = scheduleReview(newReviewCard(start), true, start, { fast: true }).due;
		expect(fast.getTime()).toBeGreaterThanOrEqual(normal.getTime());
	});

	it('is deterministic (no fuzz)', () => {
		expect(run([true, false, true, true, true])).toEqual(run([true, false, true, true, true]));
	});

	it('round-trips through JSON', () => {
		const { card } = run([true, false, true]);
		const restored: StoredCard = JSON.parse(JSON.stringify(card));
		expect(restored).toEqual(card);
		expect(serializeCard(deserializeCard(restored))).toEqual(card);
		expect(deserializeCard(restored).last_review).toBeInstanceOf(Date);
		const fresh = newReviewCard(start);
		expect(fresh.lastReview).toBeNull();
		expect(serializeCard(deserializeCard(fresh))).toEqual(fresh);
	});
});
