import { and, asc, eq, sql } from 'drizzle-orm';
import type { Lesson } from '$lib/content/types';
import type { Tx } from './db/connection';
import { perConnection } from './db/client';
import { classes, classMembers, lessons, sources } from './db/schema';
import type { SessionUser } from './auth/session';
import { invalidatePageCache } from './page-cache';
import { clearBankCache } from './banks';

export interface LessonSummary {
	id: number;
	slug: string;
	title: string;
	topic: string;
	summary: string;
	readingMinutes: number;
	questionCount: number;
	sourceId: number;
	sourceTitle: string;
	ownerId: string | null;
}

export interface LessonPage extends LessonSummary {
	body: Lesson;
	credit: string;
	previous: { slug: string; title: string } | null;
	next: { slug: string; title: string } | null;
}

// Lessons change only when a text is stored or a bank is curated: cache them until then, for each
// connection apart. An invalidation drops every connection's copy (each is made again on use).
let generation = 0;
const lessonState = perConnection(() => ({
	generation,
	list: null as LessonSummary[] | null,
	bodies: new Map<number, Lesson>()
}));

function cacheOf(db: Tx) {
	const state = lessonState(db);
	if (state.generation !== generation) {
		state.generation = generation;
		state.list = null;
		state.bodies.clear();
	}
	return state;
}

export function invalidateLessonCache() {
	generation++;
	clearBankCache();
	invalidatePageCache();
}

function allLessons(db: Tx): LessonSummary[] {
	const cache = cacheOf(db);
	cache.list ??= db
		.select({
			id: lessons.id,
			slug: lessons.slug,
			title: lessons.title,
			topic: lessons.topic,
			summary: lessons.summary,
			readingMinutes: lessons.readingMinutes,
			questionCount: sql<number>`(select count(*) from questions q where q.lesson_id = lessons.id and q.enabled = 1 and q.owner_id is null)`,
			sourceId: lessons.sourceId,
			sourceTitle: sources.title,
			ownerId: sources.ownerId
		})
		.from(lessons)
		.innerJoin(sources, eq(lessons.sourceId, sources.id))
		.where(eq(lessons.active, true))
		.orderBy(asc(sources.id), asc(lessons.position))
		.all()
		// Bundled texts first, then imports in the order they came.
		.sort((a, b) => Number(a.ownerId !== null) - Number(b.ownerId !== null));
	return cache.list;
}

/** Owners whose imported lessons this viewer may see: themselves, or their teachers. */
function visibleOwners(db: Tx, viewer: SessionUser | null): Set<string> {
	if (!viewer) return new Set();
	if (viewer.role === 'teacher') return new Set([viewer.id]);
	const rows = db
		.selectDistinct({ teacherId: classes.teacherId })
		.from(classMembers)
		.innerJoin(classes, eq(classMembers.classId, classes.id))
		.where(and(eq(classMembers.studentId, viewer.id), eq(classes.archived, false)))
		.all();
	return new Set(rows.map((r) => r.teacherId));
}

export function listLessons(db: Tx, viewer: SessionUser | null): LessonSummary[] {
	const owners = visibleOwners(db, viewer);
	return allLessons(db).filter((l) => l.ownerId === null || owners.has(l.ownerId));
}

export interface LessonShelf<L extends LessonSummary = LessonSummary> {
	sourceId: number;
	sourceTitle: string;
	lessons: L[];
}

/** Lessons grouped by the text they come from, in the order listed (bundled texts first). */
export function shelvesBySource<L extends LessonSummary>(lessons: L[]): LessonShelf<L>[] {
	const shelves = new Map<number, LessonShelf<L>>();
	for (const lesson of lessons) {
		let shelf = shelves.get(lesson.sourceId);
		if (!shelf) {
			shelf = { sourceId: lesson.sourceId, sourceTitle: lesson.sourceTitle, lessons: [] };
			shelves.set(lesson.sourceId, shelf);
		}
		shelf.lessons.push(lesson);
	}
	return [...shelves.values()];
}

export function canSeeLesson(
	db: Tx,
	lesson: { ownerId: string | null },
	viewer: SessionUser | null
) {
	return lesson.ownerId === null || visibleOwners(db, viewer).has(lesson.ownerId);
}

/** A lesson's text, kept in memory like the lesson list: it changes only when its text is stored. */
export function lessonBody(db: Tx, id: number): Lesson | undefined {
	const { bodies } = cacheOf(db);
	let body = bodies.get(id);
	if (!body) {
		body = db.select({ body: lessons.body }).from(lessons).where(eq(lessons.id, id)).get()?.body;
		if (body) bodies.set(id, body);
	}
	return body;
}

/** The lesson at `slug` if `viewer` may see it, without its text (a quiz needs no more). */
export function getVisibleLesson(
	db: Tx,
	slug: string,
	viewer: SessionUser | null
): LessonSummary | null {
	const lesson = getLessonSummary(db, slug);
	return lesson && canSeeLesson(db, lesson, viewer) ? lesson : null;
}

/** The lesson with its neighbours in the same text, or null when missing or not visible. */
export function getLessonPage(db: Tx, slug: string, viewer: SessionUser | null): LessonPage | null {
	const lesson = getVisibleLesson(db, slug, viewer);
	if (!lesson) return null;
	const all = allLessons(db);
	const index = all.indexOf(lesson);
	const sameSource = (l: LessonSummary | undefined) =>
		l && l.sourceId === lesson.sourceId ? { slug: l.slug, title: l.title } : null;
	const credit =
		db.select({ credit: sources.credit }).from(sources).where(eq(sources.id, lesson.sourceId)).get()
			?.credit ?? '';
	return {
		...lesson,
		// Listed lessons exist, so their body does.
		body: lessonBody(db, lesson.id)!,
		credit,
		previous: sameSource(all[index - 1]),
		next: sameSource(all[index + 1])
	};
}

/** The lessons made from one text, in their order. */
export function lessonsOfSource(db: Tx, sourceId: number): LessonSummary[] {
	return allLessons(db).filter((l) => l.sourceId === sourceId);
}

export function getLessonSummary(db: Tx, slug: string): LessonSummary | undefined {
	return allLessons(db).find((l) => l.slug === slug);
}

export function getLessonById(db: Tx, id: number): LessonSummary | undefined {
	return allLessons(db).find((l) => l.id === id);
}
