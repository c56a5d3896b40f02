import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { DEFAULT_DATABASE_PATH, openDatabase } from './connection';

// The build imports this module to analyse routes: it must not touch the real file then.
const path = building ? ':memory:' : env.DATABASE_URL || DEFAULT_DATABASE_PATH;

export const { sqlite, db } = openDatabase(path);
export type { Db, Tx } from './connection';
