import { describe, expect, it } from 'vitest';
import {
	acceptAnswer,
	advance,
	close,
	GRACE_MS,
	isOverdue,
	MAX_POINTS,
	mayJoin,
	pointsFor,
	rank,
	readNickname,
	readPin,
	type GameClock
} from './game';

const lobby = (total = 3): GameClock => ({
	phase: 'lobby',
	current: -1,
	total,
	openedAt: null,
	closesAt: null
});

function opened(at = 1000, seconds = 20) {
	const step = advance(lobby(), at, seconds);
	if (!step.ok) throw new Error(step.message);
	return step.clock;
}

describe('the game state machine', () => {
	it('opens the first question from the lobby with its deadline', () => {
		expect(opened(1000, 20)).toEqual({
			phase: 'question',
			current: 0,
			total: 3,
			openedAt: 1000,
			closesAt: 21_000
		});
	});

	it('refuses to move on while a question is open, and closes it', () => {
		const clock = opened();
		expect(advance(clock, 2000, 20)).toEqual({
			ok: false,
			message: 'The question is still open: close it first.'
		});
		const closed = close(clock);
		expect(closed.ok && closed.clock.phase).toBe('closed');
		expect(close(lobby()).ok).toBe(false);
	});

	it('goes question by question and ends after the last', () => {
		let clock = lobby(2);
		const phases: string[] = [];
		for (let i = 0; i < 3; i++) {
			const step = advance(clock, i * 100, 10);
			if (!step.ok) throw new Error(step.message);
			clock = step.clock;
			phases.push(`${clock.phase}:${clock.current}`);
			if (clock.phase === 'question') {
				const c = close(clock);
				if (c.ok) clock = c.clock;
			}
		}
		expect(phases).toEqual(['question:0', 'question:1', 'ended:1']);
		expect(advance(clock, 1000, 10)).toEqual({ ok: false, message: 'This game has ended.' });
	});
});

describe('timing answers on the server', () => {
	it('takes an answer until the deadline and its grace, with the elapsed time', () => {
		const clock = opened(1000, 20);
		expect(acceptAnswer(clock, 0, 1000)).toEqual({ ok: true, elapsedMs: 0 });
		expect(acceptAnswer(clock, 0, 21_000 + GRACE_MS)).toEqual({
			ok: true,
			elapsedMs: 20_000 + GRACE_MS
		});
		expect(acceptAnswer(clock, 0, 21_001 + GRACE_MS)).toEqual({
			ok: false,
			message: 'Too late: this question has closed.'
		});
		expect(isOverdue(clock, 21_001 + GRACE_MS)).toBe(true);
		expect(isOverdue(clock, 21_000)).toBe(false);
	});

	it('refuses an answer to another question or after the close', () => {
		const clock = opened();
		expect(acceptAnswer(clock, 1, 1500).ok).toBe(false);
		const closed = close(clock);
		expect(closed.ok && acceptAnswer(closed.clock, 0, 1500).ok).toBe(false);
	});
});

describe('points for speed', () => {
	it('gives the full points at once, half at the deadline, none for a wrong answer', () => {
		expect(pointsFor(1, 0, 20_000)).toBe(MAX_POINTS);
		expect(pointsFor(1, 10_000, 20_000)).toBe(750);
		expect(pointsFor(1, 20_000, 20_000)).toBe(500);
		expect(pointsFor(1, 25_000, 20_000)).toBe(500);
		expect(pointsFor(0, 0, 20_000)).toBe(0);
		expect(pointsFor(0.5, 0, 20_000)).toBe(500);
		expect(pointsFor(1, -5, 20_000)).toBe(MAX_POINTS);
	});

	it('ranks by points, equal points sharing a rank', () => {
		const ranked = rank([
			{ id: 'a', name: 'Asel', points: 500 },
			{ id: 'b', name: 'Bolat', points: 900 },
			{ id: 'c', name: 'Cher', points: 500 },
			{ id: 'd', name: 'Dana', points: 100 }
		]);
		expect(ranked.map((r) => `${r.rank}:${r.name}`)).toEqual([
			'1:Bolat',
			'2:Asel',
			'2:Cher',
			'4:Dana'
		]);
	});
});

describe('joining', () => {
	const who = { inClass: false, signedIn: false };
	it('refuses latecomers when the game does not take them', () => {
		const rules = { lateJoin: false, classOnly: false };
		expect(mayJoin(lobby(), rules, who).ok).toBe(true);
		expect(mayJoin(opened(), rules, who)).toEqual({
			ok: false,
			message: 'This game has started and does not take late joiners.'
		});
		expect(mayJoin(opened(), { ...rules, lateJoin: true }, who).ok).toBe(true);
	});

	it('lets only the class in when the game is the class’s', () => {
		const rules = { lateJoin: true, classOnly: true };
		expect(mayJoin(lobby(), rules, who).ok).toBe(false);
		expect(mayJoin(lobby(), rules, { inClass: false, signedIn: true }).ok).toBe(false);
		expect(mayJoin(lobby(), rules, { inClass: true, signedIn: true }).ok).toBe(true);
	});

	it('reads PINs and nicknames', () => {
		expect(readPin(' 123 456 ')).toBe('123456');
		expect(readPin('123-456')).toBe('123456');
		expect(readPin('12345')).toBeNull();
		expect(readPin('abcdef')).toBeNull();
		expect(readNickname('  Ada \u202e  Lovelace ')).toEqual({ ok: true, name: 'Ada Lovelace' });
		expect(readNickname('   ').ok).toBe(false);
		expect(readNickname('x'.repeat(25))).toEqual({
			ok: false,
			message: 'A nickname has at most 24 characters.'
		});
		expect(readNickname('<b>Hi</b>')).toEqual({ ok: true, name: '<b>Hi</b>' });
	});
});
