import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { buildLessons } from '$lib/content';
import { keptSlugs } from '$lib/content/kept-slugs';
import type { Lesson, SourceDocument } from '$lib/content/types';
import { generateBank } from '$lib/quiz/generate/bank';
import { loadLexicon } from './lexicon';
import type { Question } from '$lib/quiz/types';
import type { Db, Tx } from './db/connection';
import { inTransaction, prepared } from './db/client';
import { lessons, questions, questionVersions, sources } from './db/schema';
import { sha256Hex } from './hash';
import { invalidateLessonCache } from './lessons';

export interface SourceInput {
	/** Stable key: 'bundled:karaganda-speech' or 'import:<uuid>'. */
	key: string;
	text: string;
	ownerId: string | null;
	/** Appended to every lesson slug and question id, so imports never collide with other texts. */
	suffix?: string;
	/** The teacher's title for an import; otherwise the text's own. */
	title?: string;
}

export interface StoredSource {
	id: number;
	changed: boolean;
	lessonSlugs: string[];
}

/**
 * Stores a text's lessons and question bank. Idempotent: the same text changes nothing.
 * A changed text updates lessons in place by slug and questions by id; lessons and questions
 * that disappear are deactivated, never deleted, so nobody's history is orphaned. Questions a
 * teacher edited keep the teacher's version.
 */
export function storeSource(db: Db, input: SourceInput): StoredSource {
	const contentHash = sha256Hex(input.text);
	const existing = db.select().from(sources).where(eq(sources.key, input.key)).get();
	if (existing && existing.contentHash === contentHash) {
		const slugs = db
			.select({ slug: lessons.slug })
			.from(lessons)
			.where(and(eq(lessons.sourceId, existing.id), eq(lessons.active, true)))
			.all()
			.map((r) => r.slug);
		return { id: existing.id, changed: false, lessonSlugs: slugs };
	}
	const suffix = input.suffix ? `-${input.suffix}` : '';
	const built = buildLessons(input.text);
	const doc = existing ? withKeptSlugs(db, existing.id, built, suffix) : built;
	return writeSource(db, input, existing?.id ?? null, {
		doc,
		bank: generateBank(doc, loadLexicon())
	});
}

/** Lessons and bank of a text, as the pure pipeline makes them. */
export interface ProcessedText {
	doc: SourceDocument;
	bank: Record<string, Question[]>;
}

/**
 * Stores a new text (an import) whose lessons and bank were made elsewhere (a worker thread). A
 * large text is written a batch of lessons per transaction, with a turn of the event loop in
 * between, so students' requests are not held up while thousands of rows go in. The lessons stay
 * hidden until the last batch is written; `onSource` learns the new source's id before the first
 * batch, so a crash half-way can be cleaned up (discardInterruptedImports).
 */
export async function storeProcessedSource(
	db: Db,
	input: SourceInput,
	{ doc, bank }: ProcessedText,
	onSource: (sourceId: number) => void = () => {},
	/** Aborted (the import's time is up): no further batch is written, and it throws the reason. */
	signal?: AbortSignal
): Promise<StoredSource> {
	const existing = db
		.select({ id: sources.id })
		.from(sources)
		.where(eq(sources.key, input.key))
		.get();
	if (existing) throw new Error(`The text ${input.key} is already stored.`);
	const suffix = input.suffix ? `-${input.suffix}` : '';
	const sourceId = insertSource(db, input, doc);
	onSource(sourceId);
	const slugs: string[] = [];
	for (const batch of lessonBatches(doc.lessons, bank)) {
		await nextTurn();
		signal?.throwIfAborted();
		inTransaction(db, () => {
			slugs.push(...writeLessons(db, sourceId, batch, bank, suffix, false));
		});
	}
	inTransaction(db, () => showLessons(db).run({ sourceId }));
	invalidateLessonCache();
	return { id: sourceId, changed: true, lessonSlugs: slugs };
}

const showLessons = prepared((db) =>
	db
		.update(lessons)
		.set({ active: true })
		.where(eq(lessons.sourceId, sql.placeholder('sourceId')))
		.prepare()
);

const nextTurn = () => new Promise<void>((resolveTurn) => setImmediate(resolveTurn));

/** About this many questions go into one transaction (a few tens of milliseconds of writing). */
const BATCH_QUESTIONS = 500;

/** A lesson and its place in the text. */
interface PlacedLesson {
	lesson: Lesson;
	position: number;
}

/** Consecutive lessons with their positions, cut where a batch reaches BATCH_QUESTIONS. */
function lessonBatches(all: Lesson[], bank: Record<string, Question[]>): PlacedLesson[][] {
	const batches: PlacedLesson[][] = [];
	let current: PlacedLesson[] = [];
	let questionCount = 0;
	all.forEach((lesson, position) => {
		current.push({ lesson, position });
		questionCount += bank[lesson.slug]?.length ?? 0;
		if (questionCount >= BATCH_QUESTIONS) {
			batches.push(current);
			current = [];
			questionCount = 0;
		}
	});
	if (current.length) batches.push(current);
	return batches;
}

function insertSource(db: Db, input: SourceInput, doc: SourceDocument): number {
	return Number(
		db
			.insert(sources)
			.values({
				key: input.key,
				title: input.title || doc.title,
				credit: doc.credit,
				ownerId: input.ownerId,
				contentHash: sha256Hex(input.text)
			})
			.run().lastInsertRowid
	);
}

function writeSource(
	db: Db,
	input: SourceInput,
	existingId: number | null,
	{ doc, bank }: ProcessedText
): StoredSource {
	const suffix = input.suffix ? `-${input.suffix}` : '';
	const stored = inTransaction(db, () => {
		const sourceId = existingId ?? insertSource(db, input, doc);
		if (existingId) {
			db.update(sources)
				.set({ title: doc.title, credit: doc.credit, contentHash: sha256Hex(input.text) })
				.where(eq(sources.id, existingId))
				.run();
		}
		const lessonsWithPositions = doc.lessons.map((lesson, position) => ({ lesson, position }));
		const slugs = writeLessons(db, sourceId, lessonsWithPositions, bank, suffix, true);
		if (slugs.length) {
			db.update(lessons)
				.set({ active: false })
				.where(and(eq(lessons.sourceId, sourceId), notInArray(lessons.slug, slugs)))
				.run();
		}
		return { id: sourceId, changed: true, lessonSlugs: slugs };
	});
	invalidateLessonCache();
	return stored;
}

const upsertLesson = prepared((db) =>
	db
		.insert(lessons)
		.values({
			sourceId: sql.placeholder('sourceId'),
			slug: sql.placeholder('slug'),
			position: sql.placeholder('position'),
			title: sql.placeholder('title'),
			topic: sql.placeholder('topic'),
			summary: sql.placeholder('summary'),
			body: sql.placeholder('body'),
			readingMinutes: sql.placeholder('readingMinutes'),
			active: sql.placeholder('active')
		})
		.onConflictDoUpdate({
			target: lessons.slug,
			set: {
				sourceId: sql`excluded.source_id`,
				position: sql`excluded.position`,
				title: sql`excluded.title`,
				topic: sql`excluded.topic`,
				summary: sql`excluded.summary`,
				body: sql`excluded.body`,
				readingMinutes: sql`excluded.reading_minutes`,
				active: sql`excluded.active`
			}
		})
		.returning({ id: lessons.id })
		.prepare()
);

const insertQuestion = prepared((db) =>
	db
		.insert(questions)
		.values({
			id: sql.placeholder('id'),
			lessonId: sql.placeholder('lessonId'),
			position: sql.placeholder('position'),
			type: sql.placeholder('type'),
			data: sql.placeholder('data'),
			enabled: true
		})
		.prepare()
);

const insertFirstVersion = prepared((db) =>
	db
		.insert(questionVersions)
		.values({
			questionId: sql.placeholder('questionId'),
			version: 1,
			data: sql.placeholder('data'),
			enabled: true
		})
		.prepare()
);

/**
 * Upserts lessons by slug, each with its bank, and returns their slugs. A large import writes
 * thousands of rows while students keep answering on the same thread: the rows go through
 * statements compiled once (see `prepared`), not a query built per row.
 */
function writeLessons(
	db: Db,
	sourceId: number,
	batch: PlacedLesson[],
	bank: Record<string, Question[]>,
	suffix: string,
	active: boolean
): string[] {
	const upsert = upsertLesson(db);
	return batch.map(({ lesson, position }) => {
		const slug = lesson.slug + suffix;
		const { id: lessonId } = upsert.get({
			sourceId,
			slug,
			position,
			title: lesson.title,
			topic: lesson.topic,
			summary: lesson.summary,
			body: { ...lesson, slug },
			readingMinutes: lesson.readingMinutes,
			active
		})!;
		storeBank(
			db,
			lessonId,
			(bank[lesson.slug] ?? []).map((q) => ({ ...q, id: q.id + suffix }))
		);
		return slug;
	});
}

/** The text's lessons with the slugs kept from its stored lessons (see keptSlugs). */
function withKeptSlugs(db: Tx, sourceId: number, doc: SourceDocument, suffix: string) {
	const stored = db
		.select({ slug: lessons.slug, body: lessons.body })
		.from(lessons)
		.where(eq(lessons.sourceId, sourceId))
		.all()
		.map((l) => ({
			slug: l.slug.slice(0, l.slug.length - suffix.length),
			paragraphs: l.body.paragraphs
		}));
	const slugs = keptSlugs(doc.lessons, stored);
	return { ...doc, lessons: doc.lessons.map((lesson, i) => ({ ...lesson, slug: slugs[i] })) };
}

function storeBank(db: Db, lessonId: number, bank: Question[]) {
	const ids = bank.map((q) => q.id);
	const current = new Map(
		db
			.select({
				id: questions.id,
				edited: questions.edited,
				data: questions.data,
				version: questions.version,
				enabled: questions.enabled,
				// A teacher switched it on or off: that choice outlives regeneration.
				curated: sql<number>`exists (select 1 from ${questionVersions} v
					where v.question_id = ${questions.id} and v.edited_by is not null)`
			})
			.from(questions)
			.where(ids.length ? inArray(questions.id, ids) : eq(questions.lessonId, -1))
			.all()
			.map((r) => [r.id, r])
	);
	bank.forEach((q, position) => {
		const row = current.get(q.id);
		if (!row) {
			insertQuestion(db).run({ id: q.id, lessonId, position, type: q.type, data: q });
			insertFirstVersion(db).run({ questionId: q.id, data: q });
			return;
		}
		// A teacher's edit wins over regeneration.
		if (row.edited) return;
		const changed = JSON.stringify(row.data) !== JSON.stringify(q);
		const version = changed ? row.version + 1 : row.version;
		const enabled = row.curated ? row.enabled : true;
		db.update(questions)
			.set({ lessonId, position, type: q.type, data: q, enabled, version })
			.where(eq(questions.id, q.id))
			.run();
		if (changed) {
			db.insert(questionVersions).values({ questionId: q.id, version, data: q, enabled }).run();
		}
	});
	// Generated questions the new bank no longer has are switched off, not deleted; a teacher's
	// own copy of one stays as she left it.
	db.update(questions)
		.set({ enabled: false })
		.where(
			and(
				eq(questions.lessonId, lessonId),
				eq(questions.origin, 'generated'),
				eq(questions.edited, false),
				isNull(questions.ownerId),
				ids.length ? notInArray(questions.id, ids) : undefined
			)
		)
		.run();
}
