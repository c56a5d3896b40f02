import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Question } from '$lib/quiz/types';
import { createTestDatabase } from './db/test-db';
import { attemptQuestions, attempts, questions } from './db/schema';
import { addManualQuestion, changeQuestion, getBankEntry, listBank } from './curation';
import { assignmentBankOwner, bankFor, bankOwnerFor } from './bank-versions';
import { startAttempt } from './attempts';
import { createAssignment } from './assignments';
import { createClass } from './classes';
import { getLessonById } from './lessons';
import { addLesson, addUser } from './teacher-test-helpers';

function world() {
	const { db } = createTestDatabase();
	const dana = addUser(db, 'teacher');
	const erlan = addUser(db, 'teacher');
	const admin = addUser(db, 'teacher', 'head', true);
	const student = addUser(db, 'student');
	const lesson = addLesson(db, undefined, null, { oneSentenceEach: true }); // bundled: no owner
	const q1 = `${lesson.slug}-q1`;
	return { db, dana, erlan, admin, student, lesson, q1 };
}

const ids = (bank: readonly { question: Question }[]) => bank.map((b) => b.question.id);
const prompt = (db: ReturnType<typeof createTestDatabase>['db'], id: string) =>
	(db.select().from(questions).where(eq(questions.id, id)).get()!.data as Question).prompt;

describe("a teacher's own version of a bundled lesson's bank (copy on write)", () => {
	it('her edit is her copy: her bank asks it, everyone else keeps the original', () => {
		const { db, dana, erlan, lesson, q1 } = world();
		const owner = bankOwnerFor({ ownerId: null }, dana);
		expect(owner).toBe(dana.id);
		const original = getBankEntry(db, lesson.lessonId, q1, owner)!;
		const saved = changeQuestion(
			db,
			{ lessonId: lesson.lessonId, questionId: q1, owner, expectedVersion: 1 },
			{ data: { ...original.question, prompt: 'Dana asks this?' } as Question },
			dana.id
		);
		if (!saved.ok) throw new Error('not saved');
		expect(saved.id).not.toBe(q1);
		expect(saved.version).toBe(2);

		expect(prompt(db, q1)).toBe('Question 1?');
		const hers = listBank(db, lesson.lessonId, dana.id);
		expect(hers.map((e) => e.id)).toEqual([saved.id, `${lesson.slug}-q2`, `${lesson.slug}-q3`]);
		expect(hers[0].question).toMatchObject({ id: saved.id, prompt: 'Dana asks this?' });
		expect(ids(bankFor(db, lesson.lessonId, erlan.id))).toContain(q1);
		expect(ids(bankFor(db, lesson.lessonId, null))).toContain(q1);
		expect(ids(bankFor(db, lesson.lessonId, dana.id))).not.toContain(q1);
		// Her next edit changes her copy in place.
		const again = changeQuestion(
			db,
			{ lessonId: lesson.lessonId, questionId: saved.id, owner, expectedVersion: 2 },
			{ enabled: false },
			dana.id
		);
		expect(again).toEqual({ ok: true, id: saved.id, version: 3 });
		expect(ids(bankFor(db, lesson.lessonId, dana.id))).toEqual([
			`${lesson.slug}-q2`,
			`${lesson.slug}-q3`
		]);
	});

	it('her disabled and added questions are hers only; the lesson count stays', () => {
		const { db, dana, erlan, lesson, q1 } = world();
		changeQuestion(
			db,
			{ lessonId: lesson.lessonId, questionId: q1, owner: dana.id },
			{ enabled: false },
			dana.id
		);
		const added = addManualQuestion(
			db,
			{ id: lesson.lessonId, slug: lesson.slug },
			{
				type: 'true_false',
				prompt: 'Dana added this.',
				explanation: '',
				sentence: '',
				options: ['True', 'False'],
				answer: true
			},
			{ paragraph: 0, sentence: 'One.', sentenceIndex: 1 },
			dana.id,
			dana.id
		);
		expect(ids(bankFor(db, lesson.lessonId, dana.id))).toEqual([
			`${lesson.slug}-q2`,
			`${lesson.slug}-q3`,
			added
		]);
		expect(ids(bankFor(db, lesson.lessonId, erlan.id))).toEqual([
			q1,
			`${lesson.slug}-q2`,
			`${lesson.slug}-q3`
		]);
		expect(getLessonById(db, lesson.lessonId)?.questionCount).toBe(3);
	});

	it("an administrator changes the lesson's own bank, for everyone", () => {
		const { db, admin, erlan, lesson, q1 } = world();
		expect(bankOwnerFor({ ownerId: null }, admin)).toBeNull();
		const entry = getBankEntry(db, lesson.lessonId, q1)!;
		const saved = changeQuestion(
			db,
			{ lessonId: lesson.lessonId, questionId: q1, owner: null, expectedVersion: 1 },
			{ data: { ...entry.question, prompt: 'For everyone?' } as Question },
			admin.id
		);
		expect(saved).toEqual({ ok: true, id: q1, version: 2 });
		expect(prompt(db, q1)).toBe('For everyone?');
		expect(ids(bankFor(db, lesson.lessonId, erlan.id))).toContain(q1);
	});

	it("a teacher's own import is changed in place", () => {
		const { db, dana } = world();
		const own = addLesson(db, 'dana-import', dana.id);
		expect(bankOwnerFor({ ownerId: dana.id }, dana)).toBeNull();
		const saved = changeQuestion(
			db,
			{ lessonId: own.lessonId, questionId: `${own.slug}-q1`, owner: null },
			{ enabled: false },
			dana.id
		);
		expect(saved).toMatchObject({ ok: true, id: `${own.slug}-q1` });
	});

	it("an assignment draws from its class teacher's version and its attempts keep what they asked", () => {
		const { db, dana, student, lesson, q1 } = world();
		const klass = createClass(db, dana.id, 'Dana 9A');
		const assignment = createAssignment(db, klass.id, {
			lessonId: lesson.lessonId,
			dueAt: null,
			questionCount: 3,
			attemptsAllowed: 0,
			reveal: 'each'
		});
		const entry = getBankEntry(db, lesson.lessonId, q1)!;
		const saved = changeQuestion(
			db,
			{ lessonId: lesson.lessonId, questionId: q1, owner: dana.id },
			{ data: { ...entry.question, prompt: 'Version one?' } as Question },
			dana.id
		);
		if (!saved.ok) throw new Error('not saved');
		expect(assignmentBankOwner(db, assignment.id)).toBe(dana.id);
		const attemptId = startAttempt(db, {
			userId: student.id,
			lessonId: lesson.lessonId,
			count: 3,
			assignmentId: assignment.id,
			bankOwner: assignmentBankOwner(db, assignment.id)
		})!;
		changeQuestion(
			db,
			{ lessonId: lesson.lessonId, questionId: saved.id, owner: dana.id },
			{ data: { ...entry.question, id: saved.id, prompt: 'Version two?' } as Question },
			dana.id
		);
		const asked = db
			.select()
			.from(attemptQuestions)
			.where(eq(attemptQuestions.attemptId, attemptId))
			.all();
		expect(asked.map((a) => a.questionId).sort()).toEqual(
			[saved.id, `${lesson.slug}-q2`, `${lesson.slug}-q3`].sort()
		);
		const copy = asked.find((a) => a.questionId === saved.id)!;
		expect(copy).toMatchObject({ questionVersion: 2 });
		expect((copy.snapshot as Question).prompt).toBe('Version one?');
		expect(db.select().from(attempts).where(eq(attempts.id, attemptId)).get()?.bankOwnerId).toBe(
			dana.id
		);
	});
});

describe('two teachers saving one question', () => {
	it('a save made on an old version is refused with the newer one', () => {
		const { db, admin, erlan, lesson, q1 } = world();
		const entry = getBankEntry(db, lesson.lessonId, q1)!;
		const at = { lessonId: lesson.lessonId, questionId: q1, owner: null, expectedVersion: 1 };
		const first = changeQuestion(
			db,
			at,
			{ data: { ...entry.question, prompt: 'First save?' } as Question },
			admin.id
		);
		expect(first).toMatchObject({ ok: true, version: 2 });
		const second = changeQuestion(
			db,
			at,
			{ data: { ...entry.question, prompt: 'Second save?' } as Question },
			erlan.id
		);
		expect(second).toMatchObject({ ok: false, reason: 'stale' });
		if (second.ok || second.reason !== 'stale') throw new Error('not refused');
		expect(second.current).toMatchObject({ version: 2, question: { prompt: 'First save?' } });
		expect(prompt(db, q1)).toBe('First save?');
	});

	it("a form opened on the original, saved after the teacher's copy was made, is refused", () => {
		const { db, dana, lesson, q1 } = world();
		const entry = getBankEntry(db, lesson.lessonId, q1)!;
		const at = { lessonId: lesson.lessonId, questionId: q1, owner: dana.id, expectedVersion: 1 };
		const first = changeQuestion(db, at, { enabled: false }, dana.id);
		if (!first.ok) throw new Error('not saved');
		const second = changeQuestion(
			db,
			at,
			{ data: { ...entry.question, prompt: 'Other tab?' } as Question },
			dana.id
		);
		expect(second).toMatchObject({ ok: false, reason: 'stale', current: { id: first.id } });
	});
});
