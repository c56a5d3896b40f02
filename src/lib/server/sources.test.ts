import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { createTestDatabase } from './db/test-db';
import { answers, attemptQuestions, lessons, questions, sources, users } from './db/schema';
import { BUNDLED_SOURCE, seedBundledContent } from './seed';
import { storeProcessedSource, storeSource } from './sources';
import { buildLessons } from '$lib/content';
import { generateBank } from '$lib/quiz/generate/bank';
import { loadLexicon } from './lexicon';
import { getAttempt, listFinishedAttempts, recordAnswer, startAttempt } from './attempts';
import { changeQuestion, setQuestionEnabled } from './curation';
import type { Lesson } from '$lib/content/types';
import type { Question, Response } from '$lib/quiz/types';

const speech = readFileSync('content/karaganda-speech.txt', 'utf8');

/** What a student who knows the answer sends for this question. */
function correctResponse(question: Question): Response {
	switch (question.type) {
		case 'matching':
			return Object.fromEntries(question.pairs);
		default:
			return question.answer as Response;
	}
}

describe('storing a source text', () => {
	it('seeds the bundled speech once: a restart changes nothing', () => {
		const { db } = createTestDatabase();
		const first = seedBundledContent(db);
		expect(first.changed).toBe(true);
		const lessonCount = db.select().from(lessons).all().length;
		const questionCount = db.select().from(questions).all().length;
		expect(lessonCount).toBeGreaterThanOrEqual(10);

		const again = seedBundledContent(db);
		expect(again.changed).toBe(false);
		expect(db.select().from(sources).all()).toHaveLength(1);
		expect(db.select().from(lessons).all()).toHaveLength(lessonCount);
		expect(db.select().from(questions).all()).toHaveLength(questionCount);
	});

	it('every paragraph of the speech is stored in exactly one lesson', () => {
		const { db } = createTestDatabase();
		seedBundledContent(db);
		const stored = db
			.select({ body: lessons.body })
			.from(lessons)
			.all()
			.flatMap((l) => (l.body as { paragraphs: string[] }).paragraphs);
		expect(new Set(stored).size).toBe(stored.length);
		expect(stored.some((p) => p.includes('176 villages'))).toBe(true);
	});

	it('a changed source updates lessons in place and keeps everyone’s history', () => {
		const { db } = createTestDatabase();
		seedBundledContent(db);
		db.insert(users)
			.values({ id: 's1', username: 'aigerim', passwordHash: 'x', role: 'student' })
			.run();
		const first = db.select().from(lessons).orderBy(lessons.position).get()!;
		// A student's finished quiz on the lesson the edit below takes out of the text.
		const removed = db
			.select()
			.from(lessons)
			.where(eq(lessons.slug, 'water-supply-and-pasture-land'))
			.get()!;
		const attemptId = startAttempt(db, { userId: 's1', lessonId: removed.id, count: 3 })!;
		expect(attemptId).not.toBeNull();
		const asked = getAttempt(db, attemptId)!.items;
		asked.forEach((item, n) =>
			recordAnswer(
				db,
				getAttempt(db, attemptId)!,
				item,
				n === 0 ? correctResponse(item.question) : undefined
			)
		);
		const answersOf = () =>
			db
				.select()
				.from(answers)
				.where(eq(answers.attemptId, attemptId))
				.orderBy(answers.position)
				.all();
		const answered = answersOf();
		expect(answered.map((a) => a.correct)).toEqual(asked.map((_, n) => n === 0));
		const history = listFinishedAttempts(db, 's1');
		expect(history.map((h) => h.id)).toEqual([attemptId]);

		// The text loses that lesson's paragraphs and gains a sentence at its end.
		// Paragraphs are stored cleaned (quotes, spaces): compare the raw ones by their letters.
		const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').slice(0, 40);
		const openings = (removed.body as Lesson).paragraphs.map(letters);
		const kept = speech.split('\n\n').filter((raw) => !openings.includes(letters(raw)));
		expect(kept.length).toBe(speech.split('\n\n').length - openings.length);
		const edited = kept.join('\n\n') + '\nThe meeting ended with a concert.\n';
		const result = storeSource(db, {
			key: 'bundled:karaganda-speech',
			text: edited,
			ownerId: null
		});
		expect(result.changed).toBe(true);
		expect(result.lessonSlugs).not.toContain(removed.slug);
		expect(db.select().from(sources).all()).toHaveLength(1);
		// The first lesson is the same row, updated in place.
		const again = db.select().from(lessons).where(eq(lessons.slug, first.slug)).get()!;
		expect(again.id).toBe(first.id);
		expect(again.active).toBe(true);
		// The lesson that vanished is deactivated, never deleted.
		expect(db.select().from(lessons).where(eq(lessons.id, removed.id)).get()).toMatchObject({
			slug: removed.slug,
			active: false
		});
		// The student's quiz on it is kept whole: the questions as asked, the answers, the score.
		expect(
			db.select().from(attemptQuestions).where(eq(attemptQuestions.attemptId, attemptId)).all()
		).toHaveLength(asked.length);
		expect(getAttempt(db, attemptId)!.items.map((i) => i.question)).toEqual(
			asked.map((i) => i.question)
		);
		expect(answersOf()).toEqual(answered);
		expect(listFinishedAttempts(db, 's1')).toEqual(history);
	});

	it('a question a teacher switched off stays off when the text changes', () => {
		const { db } = createTestDatabase();
		seedBundledContent(db);
		db.insert(users)
			.values({ id: 't1', username: 'teacher', passwordHash: 'x', role: 'teacher' })
			.run();
		const [off, untouched] = db.select().from(questions).orderBy(questions.id).limit(2).all();
		setQuestionEnabled(db, off.id, false, 't1');

		const edited = speech + '\nThe meeting ended with a concert.\n';
		storeSource(db, { key: 'bundled:karaganda-speech', text: edited, ownerId: null });
		const enabledOf = (id: string) =>
			db.select({ enabled: questions.enabled }).from(questions).where(eq(questions.id, id)).get()
				?.enabled;
		expect(enabledOf(off.id)).toBe(false);
		expect(enabledOf(untouched.id)).toBe(true);
	});

	it('imports get their own slugs and question ids, so the same text twice never collides', () => {
		const { db } = createTestDatabase();
		db.insert(users)
			.values({ id: 't1', username: 'teacher', passwordHash: 'x', role: 'teacher' })
			.run();
		const a = storeSource(db, { key: 'import:a', text: speech, ownerId: 't1', suffix: 'aaaaaa' });
		const b = storeSource(db, { key: 'import:b', text: speech, ownerId: 't1', suffix: 'bbbbbb' });
		expect(a.lessonSlugs.every((s) => s.endsWith('-aaaaaa'))).toBe(true);
		expect(b.lessonSlugs.every((s) => s.endsWith('-bbbbbb'))).toBe(true);
		const ids = db
			.select({ id: questions.id })
			.from(questions)
			.all()
			.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('writes an import in batches, hidden until the last one is in, while other work goes on', async () => {
		const { db } = createTestDatabase();
		db.insert(users)
			.values({ id: 't1', username: 'teacher', passwordHash: 'x', role: 'teacher' })
			.run();
		// The speech thirty times over, numbers shifted: more than one batch of questions (500).
		const text = Array.from({ length: 30 }, (_, n) => n)
			.map((n) => speech.replace(/\d+/g, (d) => String(Number(d) + n)))
			.join('\n\n');
		const doc = buildLessons(text);
		const bank = generateBank(doc, loadLexicon());
		const total = doc.lessons.length;
		expect(Object.values(bank).flat().length).toBeGreaterThan(500);

		let sourceId = -1;
		const count = () =>
			db
				.select({ active: lessons.active })
				.from(lessons)
				.where(eq(lessons.sourceId, sourceId))
				.all();
		const seen: { written: number; visible: number }[] = [];
		let done = false;
		const observe = () => {
			if (done) return;
			const rows = count();
			seen.push({ written: rows.length, visible: rows.filter((r) => r.active).length });
			setImmediate(observe);
		};
		setImmediate(observe);
		const stored = await storeProcessedSource(
			db,
			{ key: 'import:big', text, ownerId: 't1', suffix: 'bigbig' },
			{ doc, bank },
			(id) => (sourceId = id)
		);
		done = true;

		expect(seen.some((s) => s.written > 0 && s.written < total)).toBe(true);
		expect(seen.every((s) => s.visible === 0)).toBe(true);
		expect(stored.lessonSlugs).toHaveLength(total);
		expect(count().filter((r) => r.active)).toHaveLength(total);
	});
});

describe('a new bank of the bundled text', () => {
	it("switches off a question it no longer has, but keeps a teacher's own copy of it", () => {
		const { db } = createTestDatabase();
		db.insert(users)
			.values({ id: 'dana', username: 'dana', passwordHash: 'x', role: 'teacher' })
			.run();
		seedBundledContent(db);
		const lesson = db
			.select()
			.from(lessons)
			.where(eq(lessons.slug, 'water-supply-and-pasture-land'))
			.get()!;
		const before = db.select().from(questions).where(eq(questions.lessonId, lesson.id)).all();
		const gone = before.find((q) => /176 villages/.test((q.data as Question).source.sentence))!;
		expect(gone).toBeDefined();
		const copy = changeQuestion(
			db,
			{ lessonId: lesson.id, questionId: gone.id, owner: 'dana' },
			{ enabled: true },
			'dana'
		);
		expect(copy.ok).toBe(true);
		// The same text without the sentence the question asked about: its new bank lacks it.
		const text = speech.replace((gone.data as Question).source.sentence, '');
		expect(text).not.toBe(speech);
		storeSource(db, { key: BUNDLED_SOURCE.key, text, ownerId: null });
		const after = db.select().from(questions).where(eq(questions.lessonId, lesson.id)).all();
		expect(after.find((q) => q.id === gone.id)?.enabled).toBe(false);
		expect(after.find((q) => copy.ok && q.id === copy.id)?.enabled).toBe(true);
	});
});
