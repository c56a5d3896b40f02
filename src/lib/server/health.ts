import type { Db } from './db/connection';
import { statement } from './db/client';

/** Whether the database can be read right now. */
export function databaseAnswers(db: Db): boolean {
	try {
		return statement(db, 'select 1 as one').get() !== undefined;
	} catch {
		return false;
	}
}
