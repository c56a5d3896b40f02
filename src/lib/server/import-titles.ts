/** A teacher renames her imported texts and their lessons (never anyone else's). */
import { and, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import type { Tx } from './db/connection';
import { lessons, sources } from './db/schema';
import { invalidateLessonCache } from './lessons';

const title = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.minLength(1, () => m.t_type_title()),
	v.maxLength(120, () => m.t_title_max())
);
const id = (message: () => string) =>
	v.pipe(v.optional(v.string(), ''), v.regex(/^\d{1,9}$/, message), v.transform(Number));

export const renameTextSchema = v.object({ sourceId: id(() => m.t_choose_text_rename()), title });
export const renameLessonSchema = v.object({
	slug: v.pipe(
		v.optional(v.string(), ''),
		v.regex(/^[a-z0-9-]{1,120}$/, () => m.t_choose_lesson_rename())
	),
	title
});

/** False when the text is not one of hers. */
export function renameImportedText(db: Tx, ownerId: string, sourceId: number, newTitle: string) {
	const result = db
		.update(sources)
		.set({ title: newTitle })
		.where(and(eq(sources.id, sourceId), eq(sources.ownerId, ownerId)))
		.run();
	invalidateLessonCache();
	return result.changes > 0;
}

/** False when the lesson is not of a text she imported. */
export function renameImportedLesson(db: Tx, ownerId: string, slug: string, newTitle: string) {
	const hers = db.select({ id: sources.id }).from(sources).where(eq(sources.ownerId, ownerId));
	const result = db
		.update(lessons)
		.set({ title: newTitle })
		.where(and(eq(lessons.slug, slug), inArray(lessons.sourceId, hers)))
		.run();
	invalidateLessonCache();
	return result.changes > 0;
}
