/** Public entry: the question bank of a document, keyed by lesson slug. Pure and deterministic. */

import type { SourceDocument } from '../content/types';
import { balanceTrueFalse, shuffleMatching, spreadKeyPositions, trimTrueOnly } from './arrange';
import type { Candidate } from './candidate';
import {
	actorCandidates,
	documentActors,
	nameCandidates,
	numberCandidates,
	documentTerms,
	termCandidates,
	termChoiceCandidate
} from './generate-cloze';
import { matchingCandidates } from './generate-matching';
import { trueFalseCandidate } from './generate-true-false';
import { selectForLesson } from './rank';
import { buildRegistry, type AnalysedStatement, type Registry } from './registry';
import type { Question } from './types';

/** Every candidate question for one lesson, before ranking. */
export function lessonCandidates(
	lesson: AnalysedStatement[],
	registry: Registry,
	slug: string,
	actors: string[] = documentActors(registry),
	terms = documentTerms(registry)
): Candidate[] {
	const out: Candidate[] = [];
	for (const s of lesson) {
		out.push(...actorCandidates(s, registry, slug, actors));
		out.push(...nameCandidates(s, registry, slug));
		out.push(...numberCandidates(s, lesson, registry, slug));
		out.push(trueFalseCandidate(s, lesson, registry, slug));
		out.push(...termCandidates(s, registry, slug));
		const choice = termChoiceCandidate(s, registry, slug, terms);
		if (choice) out.push(choice);
	}
	out.push(...matchingCandidates(lesson, registry, slug));
	return out;
}

function uniqueIds(questions: Question[]): void {
	const seen = new Map<string, number>();
	for (const q of questions) {
		const n = seen.get(q.id) ?? 0;
		seen.set(q.id, n + 1);
		if (n > 0) q.id = `${q.id}${n.toString(36)}`;
	}
}

export function generateBank(doc: SourceDocument): Record<string, Question[]> {
	const registry = buildRegistry(doc);
	const actors = documentActors(registry);
	const terms = documentTerms(registry);
	const chosen: Candidate[][] = registry.byLesson.map((lesson, i) =>
		selectForLesson(lessonCandidates(lesson, registry, doc.lessons[i].slug, actors, terms), lesson)
	);
	trimTrueOnly(chosen);
	balanceTrueFalse(chosen.flat());
	const bank: Record<string, Question[]> = {};
	doc.lessons.forEach((lesson, i) => {
		bank[lesson.slug] = chosen[i].map((c) => structuredClone(c.question));
	});
	const all = Object.values(bank).flat();
	uniqueIds(all);
	spreadKeyPositions(all);
	shuffleMatching(all);
	return bank;
}
