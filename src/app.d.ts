import type { SessionUser, Session } from '$lib/server/auth/session';
import type { AttemptView } from '$lib/server/attempts';
import type { Locale } from '$lib/i18n/locale';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** The interface language of this request (src/lib/server/i18n.ts). */
			locale: Locale;
			/**
			 * Set by the quiz page's answer action for the page it renders next; read and written
			 * only through src/lib/server/answered-attempt.ts (docs/decisions/0002).
			 */
			answeredAttempt?: AttemptView;
		}
		interface Error {
			message: string;
			/** The database refused a write (a full disk, a read-only file): answered with 503. */
			cannotSave?: boolean;
		}
	}
}

export {};
