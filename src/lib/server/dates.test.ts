import { afterEach, describe, expect, it, vi } from 'vitest';

// The server reads TZ when it starts: each case loads the module afresh under its zone.
async function datesIn(zone: string) {
	process.env.TZ = zone;
	vi.resetModules();
	return import('./dates');
}

describe('due dates in the configured time zone (TZ)', () => {
	const zone = process.env.TZ;
	afterEach(() => {
		if (zone === undefined) delete process.env.TZ;
		else process.env.TZ = zone;
	});

	it('reads a typed date and time in the zone and shows it back the same', async () => {
		const almaty = await datesIn('Asia/Almaty');
		const due = almaty.parseLocalDateTime('2026-01-15T18:00')!;
		expect(due.toISOString()).toBe('2026-01-15T13:00:00.000Z');
		expect(almaty.toLocalInputValue(due)).toBe('2026-01-15T18:00');
		expect(almaty.formatDateTime(due)).toBe('Thu, 15 Jan 2026, 18:00');
		expect(almaty.formatDueDate(due)).toBe('Thu, 15 Jan 2026, 18:00');
		expect(almaty.formatDueDate(null)).toBe('No due date');

		const utc = await datesIn('UTC');
		expect(utc.parseLocalDateTime('2026-01-15T18:00')!.toISOString()).toBe(
			'2026-01-15T18:00:00.000Z'
		);
		expect(utc.formatDateTime(due)).toBe('Thu, 15 Jan 2026, 13:00');
	});

	it('refuses dates that do not exist', async () => {
		const { parseLocalDateTime } = await datesIn('Asia/Almaty');
		expect(parseLocalDateTime('2026-02-30T10:00')).toBeNull();
		expect(parseLocalDateTime('2026-01-15T24:00')).toBeNull();
		expect(parseLocalDateTime('tomorrow')).toBeNull();
	});

	it('says how far off a due date is in calendar days of the zone, and "late" once past', async () => {
		const { dueRelative } = await datesIn('Asia/Almaty');
		// 23:30 in Almaty on 14 January (18:30 UTC).
		const now = new Date('2026-01-14T18:30:00Z');
		const due = (local: string) => new Date(local);
		expect(dueRelative(null, now)).toBeNull();
		// 23:59 the same evening: today, though it is under an hour away.
		expect(dueRelative(due('2026-01-14T18:59:00Z'), now)).toEqual({
			text: 'due today',
			tone: 'soon'
		});
		// 00:30 the next day in Almaty is tomorrow, though only an hour away.
		expect(dueRelative(due('2026-01-14T19:30:00Z'), now)?.text).toBe('due tomorrow');
		// 09:00 on 17 January in Almaty: three calendar days.
		expect(dueRelative(due('2026-01-17T04:00:00Z'), now)).toEqual({
			text: 'due in 3 days',
			tone: 'later'
		});
		expect(dueRelative(due('2026-01-14T18:29:59Z'), now)).toEqual({ text: 'late', tone: 'late' });

		// The same moments read in UTC: 18:30 on the 14th, so 19:30 is still today.
		const utc = await datesIn('UTC');
		expect(utc.dueRelative(due('2026-01-14T19:30:00Z'), now)?.text).toBe('due today');
		expect(utc.dueRelative(due('2026-01-17T04:00:00Z'), now)?.text).toBe('due in 3 days');
	});
});
