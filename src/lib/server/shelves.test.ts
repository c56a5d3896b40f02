import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import HomePage from '../../routes/(public)/+page.svelte';
import TextPage from '../../routes/(public)/texts/[id]/+page.svelte';
import { createTestDatabase } from './db/test-db';
import type { Db } from './db/connection';
import { createClass } from './classes';
import { classMembers } from './db/schema';
import { invalidateLessonCache, lessonsOfSource, listLessons, shelvesBySource } from './lessons';
import { clip, homeShelves, HOME_LESSONS_PER_TEXT, textPage } from './shelves';
import { addLesson, addUser } from './teacher-test-helpers';

const KB = 1024;

/** A large import as the pipeline could store it: many lessons, huge titles and summaries. */
function storeLargeImport(db: Db, ownerId: string, n: number, lessons: number) {
	const { sourceId } = addLesson(db, `import-${n}-${crypto.randomUUID().slice(0, 8)}`, ownerId);
	const insert = db.$client.prepare(
		`insert into lessons (source_id, slug, position, title, topic, summary, body, reading_minutes)
		 values (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const words = (count: number, word: string) => Array(count).fill(word).join(' ');
	db.$client.transaction(() => {
		for (let i = 1; i < lessons; i++) {
			const body = JSON.stringify({ paragraphs: [words(2000, 'steppe')], sentences: [] });
			insert.run(
				sourceId,
				`text-${sourceId}-lesson-${i}`,
				i,
				`Lesson ${i} ${words(300, 'river')}`,
				'Rivers',
				words(1000, 'flood'),
				body,
				10
			);
		}
	})();
	db.$client.prepare('update sources set title = ? where id = ?').run(words(500, 'Text'), sourceId);
	invalidateLessonCache();
	return sourceId;
}

const student = (id: string) => ({
	id,
	username: 's',
	displayName: '',
	role: 'student' as const,
	admin: false
});

describe("a student's lesson lists", () => {
	it('stay small however many and however large the texts her teacher imported', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const pupil = addUser(db, 'student');
		const cls = createClass(db, teacher.id, 'Class');
		db.insert(classMembers).values({ classId: cls.id, studentId: pupil.id }).run();
		const texts = Array.from({ length: 8 }, (_, n) => storeLargeImport(db, teacher.id, n, 300));

		const viewer = student(pupil.id);
		const lessons = listLessons(db, viewer);
		expect(lessons.length).toBeGreaterThanOrEqual(8 * 300);
		const home = { ...homeShelves(shelvesBySource(lessons), 1), assignments: [] };
		const html = render(HomePage, { props: { data: home } as never }).body;
		expect(html.length).toBeLessThan(100 * KB);
		// Each text shown has its first lessons and a link to all of them; the rest are a page on.
		expect(html).toContain(`href="/texts/${texts[0]}"`);
		expect(html.match(/class="card lesson-card[ "]/g)?.length).toBe(5 * HOME_LESSONS_PER_TEXT);
		expect(html).toContain('href="/?texts=2"');
		const second = render(HomePage, {
			props: { data: { ...homeShelves(shelvesBySource(lessons), 2), assignments: [] } } as never
		}).body;
		expect(second).toContain(`href="/texts/${texts[7]}"`);
		expect(second.length).toBeLessThan(100 * KB);

		// A text's own list is a page of its lessons at a time.
		const all = lessonsOfSource(db, texts[3]);
		const page = textPage(all, 2);
		const textHtml = render(TextPage, {
			props: {
				data: {
					sourceId: texts[3],
					title: clip(all[0].sourceTitle, 150),
					total: all.length,
					...page
				}
			} as never
		}).body;
		expect(textHtml.length).toBeLessThan(100 * KB);
		expect(textHtml).toContain(`href="/texts/${texts[3]}?page=3"`);
	});

	it('clip titles and summaries at a word, and show the bundled texts whole', () => {
		expect(clip('short', 10)).toBe('short');
		expect(clip('one two three four five', 12)).toBe('one two…');
		expect(clip('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
		const { db } = createTestDatabase();
		for (let i = 0; i < 20; i++) addLesson(db, `bundled-${i}-${crypto.randomUUID().slice(0, 6)}`);
		const home = homeShelves(shelvesBySource(listLessons(db, null)), 1);
		expect(home.shelves.flatMap((s) => s.lessons)).toHaveLength(20);
		expect(home.textPage).toEqual({ page: 1, pages: 1 });
	});
});
