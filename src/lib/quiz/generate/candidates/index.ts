/** Every candidate question of a lesson: one generator per kind of question. */

import type { Candidate } from '../candidate';
import type { AnalysedStatement, Registry } from '../analyse';
import { actorCandidates, documentActors } from './actors';
import { matchingCandidates } from './matching';
import { nameCandidates } from './names';
import { numberCandidates } from './numbers';
import { quoteCandidates } from './quotes';
import { documentTerms, termCandidates, termChoiceCandidate, type DocNouns } from './terms';
import { trueFalseCandidate } from './true-false';

/** What the generators share over a whole document. */
export interface DocumentPools {
	actors: string[];
	terms: DocNouns;
}

export function documentPools(registry: Registry): DocumentPools {
	return { actors: documentActors(registry), terms: documentTerms(registry) };
}

export function lessonCandidates(
	lesson: AnalysedStatement[],
	registry: Registry,
	slug: string,
	pools: DocumentPools = documentPools(registry)
): Candidate[] {
	const out: Candidate[] = [];
	for (const s of lesson) {
		out.push(...actorCandidates(s, registry, slug, pools.actors));
		out.push(...nameCandidates(s, registry, slug));
		out.push(...numberCandidates(s, lesson, registry, slug));
		out.push(trueFalseCandidate(s, lesson, registry, slug));
		out.push(...termCandidates(s, registry, slug));
		const choice = termChoiceCandidate(s, registry, slug, pools.terms);
		if (choice) out.push(choice);
	}
	out.push(...matchingCandidates(lesson, registry, slug));
	const source = lesson[0]?.lesson;
	if (source) out.push(...quoteCandidates(source, lesson[0].lessonIndex, registry, slug));
	return out;
}
