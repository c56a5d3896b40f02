import type { Lesson } from './types';

/** A lesson already stored for a text: its slug (without the text's suffix) and paragraphs. */
export interface StoredLessonText {
	slug: string;
	paragraphs: readonly string[];
}

/**
 * The slug each new lesson of an edited text gets, in order. A lesson whose paragraphs are
 * mostly (half or more) those of a stored lesson keeps that lesson's slug (the closest stored
 * lesson not already taken by an earlier lesson), so its address, its question ids and everyone's
 * progress on it survive an edit that changed its generated title. Any other lesson keeps its
 * own slug, numbered (-2, -3, …) when a matched lesson already holds it.
 */
export function keptSlugs(
	lessons: readonly Lesson[],
	stored: readonly StoredLessonText[]
): string[] {
	const old = stored.map((s) => ({ slug: s.slug, paragraphs: new Set(s.paragraphs) }));
	const taken = new Set<string>();
	const kept = lessons.map((lesson) => {
		let best: { slug: string; overlap: number } | null = null;
		for (const o of old) {
			if (taken.has(o.slug)) continue;
			const shared = lesson.paragraphs.filter((p) => o.paragraphs.has(p)).length;
			const overlap = shared / Math.max(lesson.paragraphs.length, o.paragraphs.size);
			if (overlap >= 0.5 && (!best || overlap > best.overlap)) best = { slug: o.slug, overlap };
		}
		if (best) taken.add(best.slug);
		return best?.slug ?? null;
	});
	const used = new Set(taken);
	return lessons.map((lesson, i) => {
		const slug = kept[i];
		if (slug !== null) return slug;
		let own = lesson.slug;
		for (let n = 2; used.has(own); n++) own = `${lesson.slug}-${n}`;
		used.add(own);
		return own;
	});
}
