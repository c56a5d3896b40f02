// `npm start` builds with this: into a fresh folder under .builds/, then `build` is switched to it
// in one step, so that a server already running from the previous build keeps working (see
// build-switch.js). A failed build leaves `build` as it was.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDS, buildName, pruneBuilds, switchBuild, switchRefusal } from './build-switch.js';

const root = process.cwd();
const refusal = switchRefusal(root);
if (refusal) {
	console.error(refusal);
	process.exit(1);
}

const folder = join(BUILDS, buildName());
const env = { ...process.env, SABAQ_BUILD_OUT: folder };
for (const args of [
	['vite', 'build'],
	['vite', 'build', '--config', 'vite.worker.config.ts']
]) {
	const result = spawnSync('npx', args, { stdio: 'inherit', env });
	if (result.status !== 0) {
		rmSync(folder, { recursive: true, force: true });
		process.exit(result.status ?? 1);
	}
}
switchBuild(root, folder);
pruneBuilds(root);
console.log(`Built ${folder}; build/ now points to it.`);
