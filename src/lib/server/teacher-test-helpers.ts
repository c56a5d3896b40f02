import type { Db } from './db/connection';
import { lessons, questions, sources, users } from './db/schema';

/** Test data: users and a tiny lesson with a bank, straight into a test database. */
export function addUser(
	db: Db,
	role: 'student' | 'teacher',
	username = `${role}-${crypto.randomUUID().slice(0, 8)}`,
	admin = false
) {
	const id = crypto.randomUUID();
	db.insert(users).values({ id, username, passwordHash: 'x', role, admin }).run();
	return { id, username, displayName: '', role, admin };
}

/** The keys of the test lesson's questions q1, q2 and q3. */
export const KEYS = ['Alpha', 'Beta', 'Gamma'];

/**
 * A lesson of three multiple-choice questions. By default q1 and q3 ask about its first sentence
 * and q2 about its second, so a quiz asks two of them at most; with `oneSentenceEach` each asks
 * about its own sentence and a quiz may ask all three.
 */
export function addLesson(
	db: Db,
	slug = 'test-lesson',
	ownerId: string | null = null,
	{ oneSentenceEach = false } = {}
) {
	const texts = oneSentenceEach ? ['One.', 'Two.', 'Three.'] : ['One.', 'Two.'];
	const sourceId = Number(
		db
			.insert(sources)
			.values({ key: `test:${slug}`, title: 'Test text', ownerId, contentHash: slug })
			.run().lastInsertRowid
	);
	const body = {
		slug,
		title: 'Test lesson',
		topic: 'Test',
		summary: 'A test.',
		paragraphs: [texts.join(' ')],
		sentences: texts.map((text, i) => ({ index: i + 1, paragraph: 0, text })),
		figures: [],
		entities: [],
		wordCount: texts.length,
		readingMinutes: 1
	};
	const lessonId = Number(
		db
			.insert(lessons)
			.values({
				sourceId,
				slug,
				position: 0,
				title: 'Test lesson',
				topic: 'Test',
				summary: 'A test.',
				body,
				readingMinutes: 1
			})
			.run().lastInsertRowid
	);
	const sentenceOf = (i: number) => (oneSentenceEach ? i : i % 2 ? 1 : 2);
	const q = (i: number) => ({
		id: `${slug}-q${i}`,
		type: 'multiple_choice' as const,
		prompt: `Question ${i}?`,
		options: ['Alpha', 'Beta', 'Gamma'],
		// A key of its own: a quiz never asks two questions with the same key.
		answer: KEYS[i - 1],
		explanation: 'Because.',
		difficulty: 0.5,
		source: { paragraph: 0, sentence: texts[sentenceOf(i) - 1], sentenceIndex: sentenceOf(i) }
	});
	for (let i = 1; i <= 3; i++) {
		db.insert(questions)
			.values({ id: q(i).id, lessonId, position: i, type: 'multiple_choice', data: q(i) })
			.run();
	}
	return { sourceId, lessonId, slug };
}
