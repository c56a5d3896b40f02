/**
 * Public entry: the question bank of a document, keyed by lesson slug. Pure and deterministic.
 * The stages, one file each: analyse (analyse.ts) -> candidates (candidates/) -> checks
 * (checks.ts) -> rank (rank.ts) -> arrange (arrange.ts); distractors are made with the candidates.
 */

import type { SourceDocument } from '../../content/types';
import type { Question } from '../types';
import { acceptOtherForms } from './accept-forms';
import { buildRegistry } from './analyse';
import { balanceTrueFalse, shuffleMatching, spreadKeyPositions, trimTrueOnly } from './arrange';
import type { Candidate } from './candidate';
import { TITLE } from './facts';
import { documentPools, lessonCandidates } from './candidates';
import { screen, type Refusal } from './checks';
import type { Lexicon } from './lexicon';
import { selectForLesson } from './rank';

/** Per lesson: how many candidates there were and how many each check refused. */
export interface LessonReport {
	candidates: number;
	refused: Partial<Record<Refusal, number>>;
	chosen: number;
}

export interface GeneratedBank {
	bank: Record<string, Question[]>;
	report: Record<string, LessonReport>;
}

export function generateBank(doc: SourceDocument, lexicon: Lexicon): Record<string, Question[]> {
	return generateBankWithReport(doc, lexicon).bank;
}

export function generateBankWithReport(doc: SourceDocument, lexicon: Lexicon): GeneratedBank {
	const registry = buildRegistry(doc);
	const pools = documentPools(registry);
	const report: Record<string, LessonReport> = {};
	const chosen: Candidate[][] = registry.byLesson.map((lesson, i) => {
		const slug = doc.lessons[i].slug;
		const candidates = lessonCandidates(lesson, registry, slug, pools);
		const { kept, refused } = screen(candidates, lesson, registry, lexicon);
		const selected = selectForLesson(kept, lesson);
		report[slug] = { candidates: candidates.length, refused, chosen: selected.length };
		return selected;
	});
	for (const c of chosen.flat()) {
		acceptSynonyms(c, lexicon);
		if (
			registry.entryOf(c.question.type === 'fill_blank' ? c.question.answer : '')?.kind === 'person'
		)
			acceptSurname(c, lexicon);
		acceptOtherForms(c, registry, lexicon);
	}
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
	return { bank, report };
}

/**
 * Every candidate the generators make for each lesson, before any check or the ranker: what the
 * hard gates are tested on (a bank shows only what they let through).
 */
export function unfilteredCandidates(doc: SourceDocument): Candidate[][] {
	const registry = buildRegistry(doc);
	const pools = documentPools(registry);
	return registry.byLesson.map((lesson, i) =>
		lessonCandidates(lesson, registry, doc.lessons[i].slug, pools)
	);
}

/**
 * A typed key term also takes the other words for its sense ("homeland": "motherland"); a named
 * document the other names of its kind ("Constitution": "fundamental law"), never a single
 * everyday word ("Bible": "book").
 */
export function acceptSynonyms(c: Candidate, lexicon: Lexicon): void {
	const q = c.question;
	if (q.type !== 'fill_blank' || /^#/.test(c.key)) return;
	const term = c.key.startsWith('term:');
	if (
		!term &&
		!(/^\p{Lu}\p{Ll}+$/u.test(q.answer) && lexicon.nounTopic(q.answer) === 'communication')
	)
		return;
	for (const word of lexicon.nounSynonyms(q.answer))
		if (
			!q.accept.includes(word) &&
			word.split(' ').length <= 3 &&
			(term || word.includes(' ')) &&
			/[aeiou].*\p{L}{2}/u.test(word)
		)
			q.accept.push(word);
}

/**
 * A typed full name also takes its last word when that is a surname ("Seifullin"), never an
 * everyday noun that ends a name ("Railway" of "Trans-Aral Railway", "Horde" of "Golden Horde").
 */
export function acceptSurname(c: Candidate, lexicon: Lexicon): void {
	const q = c.question;
	if (q.type !== 'fill_blank' || /^(?:#|term:)/.test(c.key)) return;
	// "Pope Francis" is "Francis" too, whatever the name's last word is.
	const untitled = q.answer.replace(TITLE, '').trim();
	if (untitled !== q.answer && /^\p{Lu}/u.test(untitled) && !q.accept.includes(untitled))
		q.accept.push(untitled);
	const words = q.answer.split(/\s+/);
	const last = words[words.length - 1];
	if (words.length < 2 || last.length < 4 || !/^\p{Lu}\p{Ll}/u.test(last)) return;
	if (lexicon.isNoun(last.toLowerCase()) || lexicon.perMillion(last) > 0.5) return;
	if (!q.accept.includes(last)) q.accept.push(last);
}

function uniqueIds(questions: Question[]): void {
	const seen = new Map<string, number>();
	for (const q of questions) {
		const n = seen.get(q.id) ?? 0;
		seen.set(q.id, n + 1);
		if (n > 0) q.id = `${q.id}${n.toString(36)}`;
	}
}
