import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { addLesson, addUser } from './teacher-test-helpers';
import { getLessonSummary, lessonBody, listLessons } from './lessons';
import { lessonBank } from './banks';
import { getAttempt, startAttempt } from './attempts';
import { cachedPage, rememberPage } from './page-cache';

// Two databases in one process (as the unit tests open): no cache may answer one with the other's rows.
describe('in-memory caches are kept per database', () => {
	it('lessons, lesson texts and banks', () => {
		const first = createTestDatabase().db;
		const second = createTestDatabase().db;
		addLesson(first, 'first-lesson');
		addLesson(second, 'second-lesson');
		expect(listLessons(first, null).map((l) => l.slug)).toEqual(['first-lesson']);
		expect(listLessons(second, null).map((l) => l.slug)).toEqual(['second-lesson']);
		const id = getLessonSummary(second, 'second-lesson')!.id;
		expect(lessonBody(first, id)?.slug).toBe('first-lesson');
		expect(lessonBody(second, id)?.slug).toBe('second-lesson');
		expect(lessonBank(first, id)[0].question.id).toBe('first-lesson-q1');
		expect(lessonBank(second, id)[0].question.id).toBe('second-lesson-q1');
	});

	it('the questions an attempt asked', () => {
		const first = createTestDatabase();
		const second = createTestDatabase();
		const { lessonId } = addLesson(first.db, 'asked', null, { oneSentenceEach: true });
		const student = addUser(first.db, 'student');
		const id = startAttempt(first.db, { userId: student.id, lessonId, count: 3 })!;
		expect(getAttempt(first.db, id)?.items).toHaveLength(3);
		// The same attempt copied into another database with one question less.
		addLesson(second.db, 'asked', null, { oneSentenceEach: true });
		second.db.$client
			.prepare('insert into users (id, username, password_hash, role) values (?, ?, ?, ?)')
			.run(student.id, student.username, 'x', 'student');
		for (const table of ['attempts', 'attempt_questions']) {
			const rows = first.sqlite.prepare(`select * from ${table}`).all() as object[];
			for (const row of rows.slice(0, table === 'attempts' ? 1 : 2)) {
				const columns = Object.keys(row);
				second.sqlite
					.prepare(
						`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`
					)
					.run(...Object.values(row));
			}
		}
		expect(getAttempt(second.db, id)?.items).toHaveLength(2);
	});

	it('anonymous pages', async () => {
		const first = createTestDatabase().db;
		const second = createTestDatabase().db;
		const url = new URL('http://localhost/');
		const page = (text: string) => new Response(text, { headers: { 'content-type': 'text/html' } });
		await rememberPage(first, 'en', url, page('first'));
		expect(await cachedPage(first, 'en', url)?.text()).toBe('first');
		expect(cachedPage(second, 'en', url)).toBeNull();
		// Another interface language is another page.
		expect(cachedPage(first, 'kk', url)).toBeNull();
	});
});
