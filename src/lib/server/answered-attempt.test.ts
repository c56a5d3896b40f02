import { describe, expect, it } from 'vitest';
import { handOverAttempt, takeAnsweredAttempt } from './answered-attempt';
import type { AttemptView } from './attempts';

/** Only the id matters to the seam; the rest of the view is passed through untouched. */
const view = (id: string) => ({ id }) as AttemptView;

describe('the attempt an answer hands to the page', () => {
	it('is used only by the page of that attempt', () => {
		const locals: App.Locals = { user: null, session: null, locale: 'en' };
		handOverAttempt(locals, view('attempt-a'));
		expect(takeAnsweredAttempt(locals, 'attempt-b')).toBeNull();
		expect(takeAnsweredAttempt(locals, 'attempt-a')?.id).toBe('attempt-a');
	});

	it('is taken once', () => {
		const locals: App.Locals = { user: null, session: null, locale: 'en' };
		const attempt = view('attempt-a');
		handOverAttempt(locals, attempt);
		expect(takeAnsweredAttempt(locals, 'attempt-a')).toBe(attempt);
		expect(takeAnsweredAttempt(locals, 'attempt-a')).toBeNull();
	});

	it('is nothing when no answer was recorded in this request', () => {
		const locals: App.Locals = { user: null, session: null, locale: 'en' };
		expect(takeAnsweredAttempt(locals, 'attempt-a')).toBeNull();
	});
});
