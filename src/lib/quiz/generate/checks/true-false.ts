/** Checks of a true/false statement and its false version. */

import type { Registry } from '../analyse';
import type { Candidate } from '../candidate';
import { findNumbers } from '../numbers';
import { isSpeaker } from '../profile';
import { BLANK } from '../words';
import { MONTH, RANGE_BOUND } from './prompt';
import type { Refusal } from './refusal';

/** The first word of the true statement that the false version replaced. */
function changedWord(truth: string, falsehood: string): string | null {
	const a = truth.split(/\s+/);
	const b = falsehood.split(/\s+/);
	const i = a.findIndex((w, k) => w !== b[k]);
	return i < 0 ? null : a[i].replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
}

/** A false version whose figure is barely off the true one ("3 years" for "4 years", 1919 for 1920). */
function hairSplit(truth: string, falsehood: string): boolean {
	const a = findNumbers(truth);
	const b = findNumbers(falsehood);
	if (a.length !== b.length) return false;
	return a.some((n, i) => {
		const m = b[i];
		if (n.value === m.value) return false;
		const gap = Math.abs(n.value - m.value);
		return n.kind === 'year' ? gap < 5 : gap < Math.max(3, Math.abs(n.value) * 0.15);
	});
}

/** A statement that takes a side rather than stating a fact: nobody would mark it false. */
const OPINION =
	/\b(?:should|must|ought|needs? to|necessary|important|essential|convinced|believes?|sure|confident|hope[sd]?|urged?|calls? on|called on|it is time|deserves?|obviously|clearly|of course|I|we|our|us)\b/i;

export function trueFalseRefusal(c: Candidate, registry: Registry): Refusal | null {
	const s = c.statement;
	const profile = registry.ctx.profile;
	const facts =
		s.numbers.length +
		s.names.filter((n) => !isSpeaker(n.text, profile) && n.text !== profile.country).length;
	if (!facts) return 'true/false without a checkable fact';
	if (OPINION.test(s.text.replace(/^According to [^,]+,\s*/, '')))
		return 'true/false states an opinion or a promise';
	if (!c.falseVersion) return 'true/false without a false version';
	if (hairSplit(c.question.prompt, c.falseVersion.prompt)) return 'true/false hair-split';
	const changed = changedWord(c.question.prompt, c.falseVersion.prompt);
	if (changed) {
		const at = c.question.prompt.indexOf(changed);
		const around = c.question.prompt.slice(Math.max(0, at - 12), at + changed.length + 12);
		// "13 August" for "15 August", or "In 1930 ... until 1929": a day, or a year the
		// sentence's other year contradicts by itself.
		if (new RegExp(MONTH).test(around)) return 'true/false changes a day or a year beside another';
		const years = c.question.prompt.match(/\b1\d{3}\b|\b20\d{2}\b/g) ?? [];
		// "from 180,000 to 40,000 years ago": a changed bound of a range is a detail.
		if (/\d/.test(changed) && RANGE_BOUND.test(c.question.prompt.replace(changed, BLANK)))
			return 'trivial detail';
		if (/^\d{4}$/.test(changed) && years.length > 1)
			return 'true/false changes a day or a year beside another';
		// "5.8 million square miles (15.01 million square kilometers)": the same figure in another
		// unit beside it shows the change.
		if (/\d/.test(changed) && /\([^)]*\d[^)]*\)/.test(c.question.prompt))
			return 'key worked out from the prompt';
		if (c.statement.lesson.title.includes(changed))
			return 'true/false fact given by the lesson title';
	}
	// A person swapped into a list ("writers A, B, C were born here") may share the list's claim.
	const people = s.names.filter((n) => registry.entryOf(n.text)?.kind === 'person').length;
	if (
		people >= 3 &&
		findNumbers(c.falseVersion.prompt).length === findNumbers(c.question.prompt).length
	)
		return 'true/false swaps a name in a list';
	return null;
}
