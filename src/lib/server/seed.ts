import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from './db/connection';
import { storeSource } from './sources';

export const BUNDLED_SOURCE = {
	key: 'bundled:karaganda-speech',
	file: 'content/karaganda-speech.txt'
};

/** Seeds the bundled speech. Cheap when nothing changed: the text's hash is compared first. */
export function seedBundledContent(db: Db, file = resolve(BUNDLED_SOURCE.file)) {
	const text = readFileSync(file, 'utf8');
	return storeSource(db, { key: BUNDLED_SOURCE.key, text, ownerId: null });
}
