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

export function addLesson(db: Db, slug = 'test-lesson', ownerId: string | null = null) {
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
		paragraphs: ['One. Two.'],
		sentences: [
			{ index: 1, paragraph: 0, text: 'One.' },
			{ index: 2, paragraph: 0, text: 'Two.' }
		],
		figures: [],
		entities: [],
		wordCount: 2,
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
	const q = (i: number) => ({
		id: `${slug}-q${i}`,
		type: 'multiple_choice' as const,
		prompt: `Question ${i}?`,
		options: ['Alpha', 'Beta', 'Gamma'],
		answer: 'Alpha',
		explanation: 'Because.',
		difficulty: 0.5,
		source: { paragraph: 0, sentence: i % 2 ? 'One.' : 'Two.', sentenceIndex: i % 2 ? 1 : 2 }
	});
	for (let i = 1; i <= 3; i++) {
		db.insert(questions)
			.values({ id: q(i).id, lessonId, position: i, type: 'multiple_choice', data: q(i) })
			.run();
	}
	return { sourceId, lessonId, slug };
}
