/**
 * The quiz page's answer action hands the attempt as `recordAnswer` stored it to the `load` that
 * renders its result, so the `load` does not read it again (docs/decisions/0002). `locals` lives
 * for one request; only these two functions touch its `answeredAttempt` field.
 */
import type { AttemptView } from './attempts';

type Holder = Pick<App.Locals, 'answeredAttempt'>;

/** Called by the action once the answer is stored and access was checked. */
export function handOverAttempt(locals: Holder, attempt: AttemptView) {
	locals.answeredAttempt = attempt;
}

/** The handed-over attempt if it is the one with this id, once; otherwise null (read it yourself). */
export function takeAnsweredAttempt(locals: Holder, id: string): AttemptView | null {
	const attempt = locals.answeredAttempt;
	if (attempt?.id !== id) return null;
	locals.answeredAttempt = undefined;
	return attempt;
}
