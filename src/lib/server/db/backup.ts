import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * A consistent copy of a live database through SQLite's online backup API: other connections
 * (the running server) keep reading and writing while pages are copied.
 */
export async function backupDatabase(sourcePath: string, destinationPath: string) {
	mkdirSync(dirname(resolve(destinationPath)), { recursive: true });
	const source = new Database(sourcePath, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		// One step: SQLite restarts a backup whenever another connection writes between steps, so
		// a copy made page batch by page batch never ends while the server keeps writing. In one
		// step it reads one snapshot, and in WAL mode the server's writes go on meanwhile.
		await source.backup(destinationPath, { progress: ({ totalPages }) => totalPages });
	} finally {
		source.close();
	}
	const copy = new Database(destinationPath, { readonly: true });
	try {
		const result = copy.pragma('integrity_check', { simple: true });
		if (result !== 'ok') throw new Error(`The backup failed its integrity check: ${result}`);
	} finally {
		copy.close();
	}
}

export function defaultBackupPath(now = new Date()) {
	const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
	return `data/backups/sabaq-${stamp}.db`;
}
