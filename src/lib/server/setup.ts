import { env } from '$env/dynamic/private';
import type { Db } from './db/connection';
import { prepareSetupCode } from './invitations';

/**
 * At start, with no administrator yet: says how to make the first one. The code comes from
 * SETUP_CODE, or is made now and printed (`Setup code: …`); it works until it has been used.
 */
export function announceSetupCode(db: Db) {
	const setup = prepareSetupCode(db, env.SETUP_CODE);
	if (!setup) return;
	if (setup.generated) console.log(`Setup code: ${setup.code}`);
	console.log(
		'No administrator yet: register at /register as a teacher with the setup code as ' +
			'“Invitation code” to become the first one.'
	);
}
