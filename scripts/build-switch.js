// Builds that a running server can survive: each build goes to a fresh folder under .builds/ and
// `build` becomes a symbolic link to it in one step (a rename). A server already running keeps
// its own folder (Node loads modules by their real path, so its routes that load later still find
// their files). Each server marks the folder it serves (scripts/serve.js); a folder no server
// uses is removed once newer ones are kept.
import {
	existsSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	realpathSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { join, relative } from 'node:path';

export const BUILDS = '.builds';
const SERVING = '.serving';

/** A folder name that sorts by time. */
export function buildName(now = new Date()) {
	return now.toISOString().replace(/[:.]/g, '-');
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Process ids of the running servers that serve `folder`. */
export function serversOf(folder) {
	const marks = join(folder, SERVING);
	if (!existsSync(marks)) return [];
	return readdirSync(marks)
		.map(Number)
		.filter((pid) => Number.isInteger(pid) && pid > 0 && isAlive(pid));
}

/** Marks `folder` as served by this process until it exits. */
export function markServing(folder, pid = process.pid) {
	const mark = join(folder, SERVING, String(pid));
	try {
		mkdirSync(join(folder, SERVING), { recursive: true });
		writeFileSync(mark, '');
	} catch {
		return; // a read-only build still serves
	}
	process.on('exit', () => rmSync(mark, { force: true }));
}

/**
 * Says why `build` cannot be replaced now, or null. A `build` folder that is not a link (made by
 * `npm run build`) cannot be switched away from under a server that runs from it.
 */
export function switchRefusal(root) {
	const link = join(root, 'build');
	const stat = lstatSync(link, { throwIfNoEntry: false });
	if (!stat || stat.isSymbolicLink()) return null;
	const servers = serversOf(link);
	if (servers.length === 0) return null;
	return (
		`A server (process ${servers.join(', ')}) is running from build/, a folder made by ` +
		'`npm run build` that cannot be replaced under it. Stop it, then run `npm start` again.'
	);
}

/** Points `build` at `folder` (inside root) in one step. */
export function switchBuild(root, folder) {
	const link = join(root, 'build');
	const refusal = switchRefusal(root);
	if (refusal) throw new Error(refusal);
	const stat = lstatSync(link, { throwIfNoEntry: false });
	if (stat && !stat.isSymbolicLink()) {
		// A folder from `npm run build` that nothing serves: kept aside until pruned.
		mkdirSync(join(root, BUILDS), { recursive: true });
		renameSync(link, join(root, BUILDS, `${buildName()}-npm-run-build`));
	}
	const temporary = join(root, `build.switch-${process.pid}`);
	rmSync(temporary, { force: true });
	symlinkSync(relative(root, join(root, folder)), temporary);
	renameSync(temporary, link);
}

/** Removes builds that are neither `build`'s, among the `keep` newest, nor served by a server. */
export function pruneBuilds(root, keep = 2) {
	const builds = join(root, BUILDS);
	if (!existsSync(builds)) return [];
	const link = join(root, 'build');
	const current = existsSync(link) ? realpathSync(link) : null;
	const folders = readdirSync(builds)
		.map((name) => join(builds, name))
		.sort()
		.reverse();
	const removed = [];
	folders.forEach((folder, index) => {
		if (index < keep || realpathSync(folder) === current || serversOf(folder).length) return;
		rmSync(folder, { recursive: true, force: true });
		removed.push(folder);
	});
	return removed;
}
