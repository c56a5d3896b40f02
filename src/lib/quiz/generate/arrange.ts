/** Bank-wide arrangement: true/false balance, key positions spread over A-D, matching order. */

import type { Candidate } from './candidate';
import { fnv1a, seededShuffle } from '../hash';
import type { Question } from '../types';

/** Chooses true or false versions so that about half of the statements are true. */
export function balanceTrueFalse(candidates: Candidate[]): void {
	const tfs = candidates.filter((c) => c.question.type === 'true_false');
	const withFalse = tfs
		.filter((c) => c.falseVersion)
		.sort((a, b) => (a.question.id < b.question.id ? -1 : 1));
	let trues = tfs.length - withFalse.length;
	let falses = 0;
	for (const c of withFalse) {
		if (trues >= falses && c.falseVersion) {
			c.question = c.falseVersion;
			falses++;
		} else trues++;
	}
}

/**
 * Drops true-only statements (no contradicted swap exists) until at most 60% of the true/false
 * questions can be true, taking them from the lessons that have the most questions (never below 8).
 */
export function trimTrueOnly(lessons: Candidate[][], maxTrueShare = 0.62, minPerLesson = 8): void {
	const count = () => {
		const tfs = lessons.flat().filter((c) => c.question.type === 'true_false');
		const falseable = tfs.filter((c) => c.falseVersion).length;
		return { total: tfs.length, trueOnly: tfs.length - falseable, falseable };
	};
	for (;;) {
		const { total, trueOnly, falseable } = count();
		// Best case after balancing: every falseable one can be made false.
		const trues = trueOnly + Math.max(0, Math.ceil((falseable - trueOnly) / 2));
		if (!total || trues / total <= maxTrueShare) return;
		const donors = lessons
			.map((list, i) => ({ list, i }))
			.filter(
				({ list }) =>
					list.length > minPerLesson &&
					list.some((c) => c.question.type === 'true_false' && !c.falseVersion)
			)
			.sort((a, b) => b.list.length - a.list.length || a.i - b.i);
		if (!donors.length) return;
		const list = donors[0].list;
		const victims = list.filter((c) => c.question.type === 'true_false' && !c.falseVersion);
		// A statement that is the only question on its sentence goes last: dropping it would leave
		// that sentence out of every quiz.
		const sentenceOf = (c: Candidate) => c.question.source.sentenceIndex;
		const alone = (c: Candidate) =>
			list.filter((other) => sentenceOf(other) === sentenceOf(c)).length === 1 ? 1 : 0;
		const victim = victims.sort(
			(a, b) => alone(a) - alone(b) || a.score - b.score || (a.question.id < b.question.id ? -1 : 1)
		)[0];
		list.splice(list.indexOf(victim), 1);
	}
}

/** Puts the key at positions A-D in equal shares: round-robin in blocks of four, seeded order. */
export function spreadKeyPositions(questions: Question[]): void {
	const mcs = questions
		.filter((q) => q.type === 'multiple_choice')
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	mcs.forEach((q, i) => {
		if (q.type !== 'multiple_choice') return;
		const block = seededShuffle([0, 1, 2, 3], fnv1a(`block${Math.floor(i / 4)}`));
		const position = block[i % 4];
		const wrong = seededShuffle(
			q.options.filter((o) => o !== q.answer),
			q.id
		);
		wrong.splice(position, 0, q.answer);
		q.options = wrong;
	});
}

/** Matching options in a seeded order that differs from the pair order when possible. */
export function shuffleMatching(questions: Question[]): void {
	for (const q of questions) {
		if (q.type !== 'matching') continue;
		const rights = q.options.slice();
		let shuffled = seededShuffle(rights, q.id);
		for (
			let attempt = 1;
			attempt < 5 && rights.length > 1 && shuffled.every((r, i) => r === rights[i]);
			attempt++
		)
			shuffled = seededShuffle(rights, `${q.id}:${attempt}`);
		q.options = shuffled;
	}
}
