/**
 * Dates typed in a datetime-local field carry no time zone: they are read and shown in the
 * server's zone (TZ), which on a classroom server is the classroom's. Formatting happens on the server
 * so the page reads the same with or without JavaScript.
 */
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/i18n/format';

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2025-05-01T14:30" -> Date in the server's zone; null when it is not a real date and time. */
export function parseLocalDateTime(value: string): Date | null {
	const m = LOCAL_INPUT.exec(value.trim());
	if (!m) return null;
	const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
	const date = new Date(y, mo - 1, d, h, mi, s);
	if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
	if (h > 23 || mi > 59) return null;
	return date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Date -> the value a datetime-local input expects. */
export function toLocalInputValue(date: Date | null | undefined): string {
	if (!date) return '';
	return (
		`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
		`T${pad(date.getHours())}:${pad(date.getMinutes())}`
	);
}

/** An assignment's due date as shown, or "No due date". */
export function formatDueDate(date: Date | null | undefined): string {
	return date ? formatDateTime(date) : m.no_due_date();
}

/** "Thu, 1 May 2025, 14:30" in the page's language; an empty string for no date. */
export function formatDateTime(date: Date | null | undefined): string {
	return date ? formatDate(date, 'weekdayDateTime') : '';
}

/** Whole calendar days from `now`'s date to `date`'s, both in the server's zone. */
function calendarDaysBetween(now: Date, date: Date): number {
	const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
	return Math.round((day(date) - day(now)) / 86_400_000);
}

export interface DueRelative {
	/** "due today", "due tomorrow", "due in 3 days" or "late". */
	text: string;
	tone: 'late' | 'soon' | 'later';
}

/**
 * How far off a due date is, in calendar days of the server's zone (a quiz due at 09:00
 * tomorrow is "due tomorrow" at 23:00 today); "late" once it has passed. Null without a date.
 */
export function dueRelative(dueAt: Date | null | undefined, now = new Date()): DueRelative | null {
	if (!dueAt) return null;
	if (now.getTime() > dueAt.getTime()) return { text: m.due_late(), tone: 'late' };
	const days = calendarDaysBetween(now, dueAt);
	if (days <= 0) return { text: m.due_today(), tone: 'soon' };
	if (days === 1) return { text: m.due_tomorrow(), tone: 'soon' };
	return { text: m.due_in_days({ count: days }), tone: 'later' };
}
