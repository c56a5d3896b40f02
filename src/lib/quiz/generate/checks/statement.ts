/** Checks of the statement a question is made from, whatever is asked of it. */

import type { AnalysedStatement } from '../analyse';
import type { Refusal } from './refusal';

/** What is wrong with a statement whatever is asked of it; the same for all its candidates. */
const statementRefusals = new WeakMap<AnalysedStatement, Refusal | null>();

export function statementRefusal(s: AnalysedStatement): Refusal | null {
	let refusal = statementRefusals.get(s);
	if (refusal === undefined) {
		refusal = INSTRUCTION.test(s.text)
			? 'an instruction, not a statement'
			: // Who received which award is ceremony, not the lesson's content.
				/\bawarded\b/i.test(s.text)
				? 'award recipients'
				: namesOnly(s.text)
					? 'a list of names, not a statement'
					: null;
		statementRefusals.set(s, refusal);
	}
	return refusal;
}

/** A study question of a textbook ("Explain why ..."), not something the text states. */
const INSTRUCTION =
	/^(?:Analy[sz]e|Explain|Describe|Compare|Contrast|Discuss|Identify|Evaluate|Consider|Summari[sz]e|List|Define|Imagine|Think|Read|Write|Remember|Look|Assess|Examine|Outline|Trace|Suppose)\b/;

/** A salutation or a roll of names ("President Pitzer, Mr. Vice President, Governor, ..."). */
function namesOnly(text: string): boolean {
	const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
	const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
	return words.length > 3 && capitals / words.length > 0.6;
}
