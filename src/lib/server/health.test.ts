import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import { databaseAnswers } from './health';

describe('health', () => {
	it('answers while the database is open and not once it is closed', () => {
		const { db, sqlite } = createTestDatabase();
		expect(databaseAnswers(db)).toBe(true);
		sqlite.close();
		expect(databaseAnswers(db)).toBe(false);
	});
});
