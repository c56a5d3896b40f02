/**
 * Dates typed in a datetime-local field carry no time zone: they are read and shown in the
 * server's zone (TZ), which on a classroom server is the classroom's. Formatting happens on the server
 * so the page reads the same with or without JavaScript.
 */

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

const formatter = new Intl.DateTimeFormat('en-GB', {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

/** An assignment's due date as shown, or "No due date". */
export function formatDueDate(date: Date | null | undefined): string {
	return date ? formatDateTime(date) : 'No due date';
}

/** "Thu, 1 May 2025, 14:30"; an empty string for no date. */
export function formatDateTime(date: Date | null | undefined): string {
	return date ? formatter.format(date) : '';
}
