import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { createTestDatabase } from './db/test-db';
import { importJobs, sources } from './db/schema';
import { storeSource } from './sources';
import {
	createImportJob,
	deleteImport,
	discardInterruptedImports,
	getImportJob,
	importJobId,
	importJobOwner,
	listImports,
	readImportText,
	runImport
} from './imports';
import { canSeeLesson, getLessonSummary } from './lessons';
import { addUser } from './teacher-test-helpers';

const form = (text = '', file: File | string = '', title = '') => ({ text, file, title });

describe('readImportText', () => {
	it('accepts a pasted text or a .txt/.md file', async () => {
		expect(await readImportText(form('A text.\r\nSecond line.'))).toEqual({
			ok: true,
			text: 'A text.\nSecond line.'
		});
		const file = new File(['\uFEFFHello there.'], 'notes.MD', { type: 'text/markdown' });
		expect(await readImportText(form('', file))).toEqual({ ok: true, text: 'Hello there.' });
	});

	it('explains what is wrong with a bad upload', async () => {
		const bad = async (f: File | string, text = '') =>
			((await readImportText(form(text, f))) as { message: string }).message;
		expect(await bad('')).toMatch(/Paste a text or choose/);
		expect(await bad(new File(['x'], 'a.pdf'))).toMatch(/not a \.txt or \.md file/);
		expect(await bad(new File([new Uint8Array([0x41, 0, 0x42])], 'a.txt'))).toMatch(/looks binary/);
		expect(await bad(new File([new Uint8Array([0xc3, 0x28])], 'a.txt'))).toMatch(/not valid UTF-8/);
		expect(await bad(new File(['  \n '], 'a.txt'))).toMatch(/is empty/);
		expect(await bad(new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.txt'))).toMatch(
			/too large/
		);
		expect(await bad(new File(['x'], 'a.txt'), 'also pasted')).toMatch(/not both/);
	});
});

describe('import jobs', () => {
	it('name the same job for the same form and text, and a new one when the text changes', () => {
		const form = crypto.randomUUID();
		const id = importJobId(form, 'Floods', 'A text.');
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(importJobId(form, 'Floods', 'A text.')).toBe(id);
		expect(importJobId(form, 'Floods', 'A text, edited.')).not.toBe(id);
		expect(importJobId(form, 'Rivers', 'A text.')).not.toBe(id);
		expect(importJobId(crypto.randomUUID(), 'Floods', 'A text.')).not.toBe(id);
	});

	it('keep the id the form chose, so the same form sent again finds its job', () => {
		const { db } = createTestDatabase();
		const owner = addUser(db, 'teacher');
		const id = crypto.randomUUID();
		expect(importJobOwner(db, id)).toBeNull();
		expect(createImportJob(db, owner.id, id)).toBe(id);
		expect(importJobOwner(db, id)).toBe(owner.id);
		// Without a chosen id, each job gets a fresh one.
		const fresh = createImportJob(db, owner.id);
		expect(fresh).not.toBe(id);
		expect(importJobOwner(db, fresh)).toBe(owner.id);
	});

	it('turn a text into lessons owned by the teacher, then delete them', async () => {
		const { db } = createTestDatabase();
		const owner = addUser(db, 'teacher');
		const other = addUser(db, 'teacher');
		const text = readFileSync('tests/fixtures/texts/river-flood-report.txt', 'utf8');
		const jobId = createImportJob(db, owner.id);
		expect(getImportJob(db, jobId, other.id)).toBeUndefined();
		await runImport(db, jobId, { ownerId: owner.id, text, title: 'Floods' });

		const job = getImportJob(db, jobId, owner.id)!;
		expect(job.status).toBe('done');
		expect(job.sourceTitle).toBe('Floods');
		expect(job.lessons.length).toBeGreaterThan(0);
		const lesson = getLessonSummary(db, job.lessons[0].slug)!;
		expect(lesson.ownerId).toBe(owner.id);
		expect(canSeeLesson(db, lesson, { ...other, role: 'teacher' })).toBe(false);
		expect(canSeeLesson(db, lesson, { ...owner, role: 'teacher' })).toBe(true);

		const [mine] = listImports(db, owner.id);
		expect(mine.title).toBe('Floods');
		expect(listImports(db, other.id)).toEqual([]);
		expect(deleteImport(db, other.id, mine.id)).toBe(false);
		expect(deleteImport(db, owner.id, mine.id)).toBe(true);
		expect(getLessonSummary(db, job.lessons[0].slug)).toBeUndefined();
	});

	it('fail a text that makes no lesson, saving nothing and saying why', async () => {
		const { db } = createTestDatabase();
		const owner = addUser(db, 'teacher');
		const jobId = createImportJob(db, owner.id);
		// One run of letters with no space is no word: the text makes no lesson at all.
		await runImport(db, jobId, { ownerId: owner.id, text: 'x'.repeat(150), title: '' });
		expect(getImportJob(db, jobId, owner.id)).toEqual({
			id: jobId,
			status: 'failed',
			message: 'The text is too short to make a lesson. Import a longer text (a few paragraphs).',
			sourceTitle: null,
			lessons: []
		});
		expect(db.select().from(sources).all()).toEqual([]);
	});

	it('finish a text whose lesson has no question, keeping the lesson and saying why', async () => {
		const { db } = createTestDatabase();
		const owner = addUser(db, 'teacher');
		const jobId = createImportJob(db, owner.id);
		await runImport(db, jobId, { ownerId: owner.id, text: 'Too short.', title: 'Short' });
		const job = getImportJob(db, jobId, owner.id)!;
		expect(job.status).toBe('done');
		expect(job.sourceTitle).toBe('Short');
		expect(job.lessons).toHaveLength(1);
		expect(job.lessons[0].questionCount).toBe(0);
		expect(job.message).toBe(
			'Made 1 lesson but no questions: the text is too short or states too few facts. ' +
				'Add questions by hand, or import a longer text.'
		);
	});

	it('make lessons of a Russian text without questions, saying they are for English texts so far', async () => {
		const { db } = createTestDatabase();
		const owner = addUser(db, 'teacher');
		const jobId = createImportJob(db, owner.id);
		const text = readFileSync('src/lib/content/fixtures/karaganda-ru.txt', 'utf8');
		await runImport(db, jobId, { ownerId: owner.id, text: `${text}\n\n${text}`, title: '' });
		const job = getImportJob(db, jobId, owner.id)!;
		expect(job.status).toBe('done');
		expect(job.lessons.length).toBeGreaterThan(0);
		expect(job.lessons.every((l) => l.questionCount === 0)).toBe(true);
		expect(job.lessons[0].title).not.toBe('Lesson');
		expect(job.message).toContain('from a text in Russian');
		expect(job.message).toContain('English texts only');
		expect(job.message).not.toContain('short');
	});

	it('report a job left running by a previous process as interrupted', () => {
		const { db } = createTestDatabase();
		const owner = addUser(db, 'teacher');
		db.insert(importJobs).values({ id: 'stale', ownerId: owner.id, status: 'running' }).run();
		expect(getImportJob(db, 'stale', owner.id)).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/interrupted/)
		});
	});

	it('discard at start-up what an interrupted import half saved', () => {
		const { db } = createTestDatabase();
		const owner = addUser(db, 'teacher');
		const text = readFileSync('tests/fixtures/texts/river-flood-report.txt', 'utf8');
		const half = storeSource(db, { key: 'import:half', text, ownerId: owner.id, suffix: 'half01' });
		db.insert(importJobs)
			.values({ id: 'cut', ownerId: owner.id, status: 'running', sourceId: half.id })
			.run();
		const done = createImportJob(db, owner.id);
		db.update(importJobs).set({ status: 'done' }).where(eq(importJobs.id, done)).run();

		expect(discardInterruptedImports(db)).toBe(1);
		expect(db.select().from(sources).where(eq(sources.id, half.id)).get()).toBeUndefined();
		expect(getLessonSummary(db, half.lessonSlugs[0])).toBeUndefined();
		expect(getImportJob(db, 'cut', owner.id)).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/interrupted/),
			lessons: []
		});
		expect(getImportJob(db, done, owner.id)!.status).toBe('done');
		expect(listImports(db, owner.id)).toEqual([]);
	});
});
