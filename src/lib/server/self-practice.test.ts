import { describe, expect, it } from 'vitest';
import { createReadOnlyDatabase, createTestDatabase } from './db/test-db';
import type { Db } from './db/connection';
import { startUp } from './startup';
import { addLesson, addUser } from './teacher-test-helpers';
import { getAttempt, recordAnswer, startAttempt } from './attempts';
import { createClass } from './classes';
import { createAssignment } from './assignments';
import {
	ABANDONED_AFTER_MS,
	MAX_OPEN_PRACTICE,
	PRACTICE_WINDOW_MS,
	practiceStartLimit,
	discardAbandonedPractice,
	openPractice,
	startSelfPractice
} from './self-practice';

const DAY = 24 * 60 * 60_000;

function setup() {
	const { db } = createTestDatabase();
	const student = addUser(db, 'student');
	const lesson = addLesson(db, `lesson-${crypto.randomUUID().slice(0, 8)}`);
	return { db, student, lesson };
}

const start = (
	db: Db,
	userId: string,
	lessonId: number,
	now = new Date(),
	kind: 'quiz' | 'retry' = 'quiz'
) =>
	startSelfPractice(db, { userId, lessonId, count: 2, kind, nothingToAsk: 'Nothing to ask.' }, now);

function started(outcome: ReturnType<typeof startSelfPractice>): string {
	if (!outcome.ok) throw new Error(`refused: ${outcome.message}`);
	return outcome.attemptId;
}

/** Answers every question of the attempt, finishing it. */
function finish(db: Db, attemptId: string) {
	for (const item of getAttempt(db, attemptId)!.items) {
		const attempt = getAttempt(db, attemptId)!;
		recordAnswer(db, attempt, attempt.items[item.position], 'Alpha');
	}
	expect(getAttempt(db, attemptId)!.finishedAt).not.toBeNull();
}

const attemptIds = (db: Db) =>
	(db.$client.prepare('select id from attempts').all() as { id: string }[]).map((r) => r.id);

/** Moves an attempt's start (and its answers) back in time. */
function age(db: Db, attemptId: string, ms: number) {
	db.$client
		.prepare('update attempts set started_at = started_at - ? where id = ?')
		.run(ms, attemptId);
	db.$client
		.prepare('update answers set answered_at = answered_at - ? where attempt_id = ?')
		.run(ms, attemptId);
}

describe('practice quizzes a student starts', () => {
	it('starting again on the same lesson replaces an unanswered unfinished quiz, never answers', () => {
		const { db, student, lesson } = setup();
		const first = started(start(db, student.id, lesson.lessonId));
		const second = start(db, student.id, lesson.lessonId);
		expect(second).toMatchObject({ ok: true, replaced: true });
		expect(getAttempt(db, first)).toBeNull();
		expect(openPractice(db, student.id).map((o) => o.id)).toEqual([started(second)]);

		// An answered one stays to be finished; the new one sits beside it.
		const answered = getAttempt(db, started(second))!;
		recordAnswer(db, answered, answered.items[0], 'Alpha');
		const third = start(db, student.id, lesson.lessonId);
		expect(third).toMatchObject({ ok: true, replaced: false });
		expect(openPractice(db, student.id).map((o) => o.id)).toEqual([started(third), answered.id]);
		expect(db.$client.prepare('select count(*) as n from answers').get()).toEqual({ n: 1 });
	});

	it('keeps every finished attempt and a retry apart from the lesson quiz', () => {
		const { db, student, lesson } = setup();
		const done = started(start(db, student.id, lesson.lessonId));
		finish(db, done);
		const open = started(start(db, student.id, lesson.lessonId));
		const retry = started(start(db, student.id, lesson.lessonId, new Date(), 'retry'));
		expect(start(db, student.id, lesson.lessonId)).toMatchObject({ ok: true, replaced: true });
		expect(getAttempt(db, done)).not.toBeNull();
		expect(getAttempt(db, retry)).not.toBeNull();
		expect(getAttempt(db, open)).toBeNull();
	});

	it(`allows at most ${MAX_OPEN_PRACTICE} unfinished at once, with a message naming them`, () => {
		const { db, student } = setup();
		const lessons = Array.from({ length: MAX_OPEN_PRACTICE + 2 }, (_, i) =>
			addLesson(db, `cap-${i}-${crypto.randomUUID().slice(0, 6)}`)
		);
		// An assignment's unfinished attempt is not a practice one and does not count.
		const teacher = addUser(db, 'teacher');
		const klass = createClass(db, teacher.id, 'Class');
		const set = createAssignment(db, klass.id, {
			lessonId: lessons[0].lessonId,
			dueAt: null,
			questionCount: 2,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		startAttempt(db, {
			userId: student.id,
			lessonId: lessons[0].lessonId,
			count: 2,
			assignmentId: set.id
		});
		const ids = lessons
			.slice(0, MAX_OPEN_PRACTICE)
			.map((l, i) => started(start(db, student.id, l.lessonId, new Date(Date.now() + i))));

		// At the cap the oldest unanswered one makes room: nothing answered is lost.
		const eleventh = started(start(db, student.id, lessons[MAX_OPEN_PRACTICE].lessonId));
		expect(getAttempt(db, ids[0])).toBeNull();
		expect(openPractice(db, student.id)).toHaveLength(MAX_OPEN_PRACTICE);

		// Once every one has an answer, another lesson is refused, with the list to go on with.
		for (const id of [...ids.slice(1), eleventh]) {
			const a = getAttempt(db, id)!;
			recordAnswer(db, a, a.items[0], 'Alpha');
		}
		const refused = start(db, student.id, lessons[MAX_OPEN_PRACTICE + 1].lessonId);
		expect(refused).toMatchObject({ ok: false, status: 409 });
		if (refused.ok) return;
		expect(refused.message).toContain(`You have ${MAX_OPEN_PRACTICE} unfinished quizzes`);
		expect(refused.message).toContain('“Test lesson”');
		expect(refused.open?.map((o) => o.id).sort()).toEqual([...ids.slice(1), eleventh].sort());
		expect(openPractice(db, student.id)).toHaveLength(MAX_OPEN_PRACTICE);

		// Finishing one makes room; another student is not limited by this one's quizzes.
		finish(db, eleventh);
		started(start(db, student.id, lessons[MAX_OPEN_PRACTICE + 1].lessonId));
		started(start(db, addUser(db, 'student').id, lessons[MAX_OPEN_PRACTICE].lessonId));
	});

	it(`lets a student start ${practiceStartLimit()} quizzes per window, then asks them to wait`, () => {
		const { db, student, lesson } = setup();
		const t0 = Date.now();
		expect(practiceStartLimit()).toBe(20);
		for (let i = 0; i < 20; i++) {
			started(start(db, student.id, lesson.lessonId, new Date(t0 + i * 1000)));
		}
		const refused = start(db, student.id, lesson.lessonId, new Date(t0 + 60_000));
		expect(refused).toMatchObject({ ok: false, status: 429 });
		if (refused.ok) return;
		expect(refused.message).toMatch(/Wait 9 minutes before starting another/);
		// Someone else starts freely; the first start leaving the window lets one more in.
		started(start(db, addUser(db, 'student').id, lesson.lessonId, new Date(t0 + 60_000)));
		const later = new Date(t0 + PRACTICE_WINDOW_MS + 500);
		started(start(db, student.id, lesson.lessonId, later));
		expect(start(db, student.id, lesson.lessonId, later)).toMatchObject({ status: 429 });
	});

	it('reads the start limit from PRACTICE_START_LIMIT; 0 turns it off', () => {
		expect(practiceStartLimit({})).toBe(20);
		expect(practiceStartLimit({ PRACTICE_START_LIMIT: '5' })).toBe(5);
		expect(practiceStartLimit({ PRACTICE_START_LIMIT: '0' })).toBe(0);
		expect(practiceStartLimit({ PRACTICE_START_LIMIT: 'lots' })).toBe(20);
		const { db, student, lesson } = setup();
		const saved = process.env.PRACTICE_START_LIMIT;
		process.env.PRACTICE_START_LIMIT = '0';
		try {
			for (let i = 0; i < 25; i++) started(start(db, student.id, lesson.lessonId));
		} finally {
			if (saved === undefined) delete process.env.PRACTICE_START_LIMIT;
			else process.env.PRACTICE_START_LIMIT = saved;
		}
	});

	it('keeps the unfinished quiz when the new one has nothing to ask', () => {
		const { db, student, lesson } = setup();
		const open = started(start(db, student.id, lesson.lessonId));
		const none = startSelfPractice(db, {
			userId: student.id,
			lessonId: lesson.lessonId,
			count: 2,
			only: ['no-such-question'],
			kind: 'quiz',
			nothingToAsk: 'Those questions are gone.'
		});
		expect(none).toEqual({ ok: false, status: 400, message: 'Those questions are gone.' });
		expect(getAttempt(db, open)).not.toBeNull();
	});
});

describe('abandoned practice quizzes', () => {
	function scene() {
		const { db, student, lesson } = setup();
		const other = addLesson(db, `other-${crypto.randomUUID().slice(0, 8)}`);
		const third = addLesson(db, `third-${crypto.randomUUID().slice(0, 8)}`);
		const teacher = addUser(db, 'teacher');
		const set = createAssignment(db, createClass(db, teacher.id, 'Class').id, {
			lessonId: lesson.lessonId,
			dueAt: null,
			questionCount: 2,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		const old = 7 * DAY + 60_000;
		const abandoned = started(start(db, student.id, lesson.lessonId));
		const finished = started(start(db, student.id, other.lessonId));
		finish(db, finished);
		const assigned = startAttempt(db, {
			userId: student.id,
			lessonId: lesson.lessonId,
			count: 2,
			assignmentId: set.id
		})!;
		const lately = started(start(db, student.id, other.lessonId));
		const oldWithRecentAnswer = started(start(db, student.id, third.lessonId));
		for (const id of [abandoned, finished, assigned, lately, oldWithRecentAnswer]) age(db, id, old);
		// Answered within the week: still in use.
		const a = getAttempt(db, oldWithRecentAnswer)!;
		recordAnswer(db, a, a.items[0], 'Alpha');
		age(db, lately, -old + DAY);
		// Started directly: a start through startSelfPractice would already clear the abandoned one.
		const recent = startAttempt(db, {
			userId: student.id,
			lessonId: third.lessonId,
			count: 2,
			kind: 'retry'
		})!;
		return {
			db,
			student,
			abandoned,
			keep: [finished, assigned, lately, oldWithRecentAnswer, recent]
		};
	}

	it(`are deleted after ${ABANDONED_AFTER_MS / DAY} days, never a finished or an assignment's`, () => {
		const { db, abandoned, keep } = scene();
		expect(discardAbandonedPractice(db)).toBe(1);
		expect(attemptIds(db).sort()).toEqual([...keep].sort());
		expect(getAttempt(db, abandoned)).toBeNull();
		expect(discardAbandonedPractice(db)).toBe(0);
	});

	it('are deleted when the student starts another practice quiz', () => {
		const { db, student, abandoned, keep } = scene();
		const fresh = started(start(db, student.id, addLesson(db, 'fresh-lesson').lessonId));
		expect(attemptIds(db).sort()).toEqual([...keep, fresh].sort());
		expect(getAttempt(db, abandoned)).toBeNull();
	});

	it('are cleared at start-up, and a database that cannot be written only gets a warning', () => {
		const { db, abandoned } = scene();
		expect(startUp(db, { warn: () => {} })).toBeNull();
		expect(getAttempt(db, abandoned)).toBeNull();

		let old = '';
		const readOnly = createReadOnlyDatabase((w) => {
			const s = addUser(w, 'student');
			const l = addLesson(w, 'read-only-lesson');
			old = startAttempt(w, { userId: s.id, lessonId: l.lessonId, count: 2 })!;
			age(w, old, 8 * DAY);
		});
		try {
			const warnings: string[] = [];
			expect(startUp(readOnly.db, { warn: (m) => warnings.push(m) })).toMatch(/cannot be written/);
			expect(warnings).toEqual([
				expect.stringMatching(/abandoned practice quizzes were not deleted/)
			]);
			expect(attemptIds(readOnly.db)).toEqual([old]);
		} finally {
			readOnly.remove();
		}
	});
});
