import { describe, expect, it } from 'vitest';
import { writeFailureOf } from './write-errors';

const sqliteError = (code: string) => Object.assign(new Error('x'), { code });

describe('writeFailureOf', () => {
	it('knows a full disk, a read-only file and I/O errors, also as the cause of another error', () => {
		expect(writeFailureOf(sqliteError('SQLITE_FULL'))).toEqual({
			code: 'SQLITE_FULL',
			reason: 'its disk is full'
		});
		expect(writeFailureOf(sqliteError('SQLITE_READONLY_DBMOVED'))?.reason).toBe(
			'its database file is read-only'
		);
		expect(writeFailureOf(sqliteError('SQLITE_IOERR_WRITE'))?.code).toBe('SQLITE_IOERR_WRITE');
		expect(writeFailureOf(sqliteError('SQLITE_CANTOPEN'))?.code).toBe('SQLITE_CANTOPEN');
		const wrapped = new Error('Migration failed', { cause: sqliteError('SQLITE_FULL') });
		expect(writeFailureOf(wrapped)?.code).toBe('SQLITE_FULL');
	});

	it('is null for anything else', () => {
		expect(writeFailureOf(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
		expect(writeFailureOf(sqliteError('SQLITE_FULLY'))).toBeNull();
		expect(writeFailureOf(new Error('x'))).toBeNull();
		expect(writeFailureOf(null)).toBeNull();
		expect(writeFailureOf('SQLITE_FULL')).toBeNull();
	});
});
