import type { SessionUser, Session } from '$lib/server/auth/session';
import type { AttemptView } from '$lib/server/attempts';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** Set by the quiz page's answer action for the page it renders next. */
			answeredAttempt?: AttemptView;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
