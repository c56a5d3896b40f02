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
});
