/**
 * Lesson lists whose size does not grow with what teachers import: the home page shows a few
 * lessons of each imported text and a few texts a page, with a link to each text's own list,
 * which is paged too; titles and summaries are clipped. The bundled texts are listed whole.
 */
import type { LessonShelf, LessonSummary } from './lessons';

/** Lessons of an imported text shown on the home page. */
export const HOME_LESSONS_PER_TEXT = 6;
/** Imported texts on one home page. */
export const HOME_TEXTS_PER_PAGE = 5;
/** Lessons on one page of a text's own list. */
export const TEXT_LESSONS_PER_PAGE = 24;

const TITLE_CHARS = 150;
const SUMMARY_CHARS = 320;

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A lesson as a card shows it: the same fields, titles and summary clipped. */
export function asCard<L extends LessonSummary>(lesson: L): L {
	return {
		...lesson,
		title: clip(lesson.title, TITLE_CHARS),
		topic: clip(lesson.topic, TITLE_CHARS),
		summary: clip(lesson.summary, SUMMARY_CHARS),
		sourceTitle: clip(lesson.sourceTitle, TITLE_CHARS)
	};
}

export interface CardShelf<L extends LessonSummary> extends LessonShelf<L> {
	/** All the text's lessons; `lessons` holds only the first ones when it has more. */
	total: number;
	imported: boolean;
}

/** A 1-based page number from the query, or 1. */
export function pageParam(value: string | null): number {
	const n = Number(value);
	return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The home page's shelves: bundled texts whole, then one page of imported texts, each cut short. */
export function homeShelves<L extends LessonSummary>(shelves: LessonShelf<L>[], page: number) {
	const bundled = shelves.filter((s) => s.lessons[0]?.ownerId === null);
	const imported = shelves.filter((s) => s.lessons[0]?.ownerId !== null);
	const pages = Math.max(1, Math.ceil(imported.length / HOME_TEXTS_PER_PAGE));
	const current = Math.min(page, pages);
	const shown = imported.slice((current - 1) * HOME_TEXTS_PER_PAGE, current * HOME_TEXTS_PER_PAGE);
	const cards = (shelf: LessonShelf<L>, limit: number, isImport: boolean): CardShelf<L> => ({
		sourceId: shelf.sourceId,
		sourceTitle: clip(shelf.sourceTitle, TITLE_CHARS),
		lessons: shelf.lessons.slice(0, limit).map(asCard),
		total: shelf.lessons.length,
		imported: isImport
	});
	return {
		shelves: [
			...bundled.map((s) => cards(s, Infinity, false)),
			...shown.map((s) => cards(s, HOME_LESSONS_PER_TEXT, true))
		],
		textPage: { page: current, pages },
		textCount: shelves.length
	};
}

/** One page of a text's lessons; `first` is the number of its first lesson in the text. */
export function textPage<L extends LessonSummary>(lessons: L[], page: number) {
	const pages = Math.max(1, Math.ceil(lessons.length / TEXT_LESSONS_PER_PAGE));
	const current = Math.min(page, pages);
	const start = (current - 1) * TEXT_LESSONS_PER_PAGE;
	return {
		lessons: lessons.slice(start, start + TEXT_LESSONS_PER_PAGE).map(asCard),
		first: start + 1,
		page: current,
		pages
	};
}
