/** What each screen of a live game sees: the open question without its key, the reveal, points. */
import { formatAnswer, gradeResponse } from '$lib/quiz/grade';
import type { Question } from '$lib/quiz/types';
import { rank, type Phase } from '$lib/quiz/live/game';
import type { LiveGame, LivePlayer } from './games';
import { activePlayers } from './players';

export interface PublicQuestion {
	position: number;
	type: Question['type'];
	prompt: string;
	/** Choices to tap (multiple choice, true/false); [] for a typed answer. */
	options: string[];
	unit?: string;
}

export interface Reveal {
	expected: string;
	/** Options to tap (their counts are per option), or a typed answer (counts right and wrong). */
	choices: boolean;
	/** How many chose each option (or answered right / wrong), and how many gave no answer. */
	counts: { label: string; count: number; correct: boolean }[];
	unanswered: number;
	source: { sentence: string; href: string };
	explanation: string;
}

export interface PublicState {
	phase: Phase;
	current: number;
	total: number;
	/** The open question, without its key. */
	question: PublicQuestion | null;
	/** Milliseconds left until the open question closes (server clock). */
	closesIn: number | null;
	seconds: number;
	/** After a question closes: its key, the counts and the source sentence. */
	reveal: Reveal | null;
	/** Top five by points (leaderboard on), over closed questions only. */
	top: { name: string; points: number; rank: number }[] | null;
	players: number;
}

export function publicQuestion(game: LiveGame, position: number): PublicQuestion {
	const q = game.questions[position];
	const view: PublicQuestion = {
		position,
		type: q.type,
		prompt: q.prompt,
		options:
			q.type === 'true_false'
				? ['True', 'False']
				: q.type === 'multiple_choice'
					? [...q.options]
					: []
	};
	if (q.type === 'numeric' && q.unit) view.unit = q.unit;
	return view;
}

export function revealOf(game: LiveGame, position: number): Reveal {
	const q = game.questions[position];
	const answers = activePlayers(game).flatMap((p) => {
		const a = p.answers.get(position);
		return a ? [a] : [];
	});
	let counts: Reveal['counts'];
	if (q.type === 'multiple_choice' || q.type === 'true_false') {
		const options = q.type === 'true_false' ? ['True', 'False'] : q.options;
		counts = options.map((label) => ({
			label,
			count: answers.filter((a) => a.response === label).length,
			correct: gradeResponse(q, label).correct
		}));
	} else {
		counts = [
			{ label: 'Right', count: answers.filter((a) => a.correct).length, correct: true },
			{ label: 'Wrong', count: answers.filter((a) => !a.correct).length, correct: false }
		];
	}
	return {
		expected: formatAnswer(q),
		choices: q.type === 'multiple_choice' || q.type === 'true_false',
		counts,
		unanswered: activePlayers(game).length - answers.length,
		source: {
			sentence: q.source.sentence,
			href: game.lesson.slug ? `/lessons/${game.lesson.slug}#s-${q.source.sentenceIndex}` : ''
		},
		explanation: q.explanation
	};
}

/** Points per player over the questions that have closed (an open question's stay hidden). */
export function standings(game: LiveGame, includeRemoved = false) {
	const upTo = game.clock.phase === 'question' ? game.clock.current - 1 : game.clock.current;
	const players = includeRemoved ? [...game.players.values()] : activePlayers(game);
	return players.map((p) => {
		let points = 0;
		let correct = 0;
		for (const [position, a] of p.answers) {
			if (position > upTo) continue;
			points += a.points;
			if (a.correct) correct++;
		}
		return { id: p.id, name: p.name, points, correct, player: p };
	});
}

export function publicState(game: LiveGame, now = Date.now()): PublicState {
	const { phase, current } = game.clock;
	const open = phase === 'question';
	return {
		phase,
		current,
		total: game.clock.total,
		question: open ? publicQuestion(game, current) : null,
		closesIn: open ? Math.max(0, (game.clock.closesAt ?? now) - now) : null,
		seconds: game.seconds,
		reveal:
			phase === 'closed' || (phase === 'ended' && current >= 0) ? revealOf(game, current) : null,
		top: game.leaderboard ? topFive(game) : null,
		players: activePlayers(game).length
	};
}

export function topFive(game: LiveGame) {
	return rankAll(game)
		.slice(0, 5)
		.map(({ name, points, rank }) => ({ name, points, rank }));
}

export function rankAll(game: LiveGame) {
	const list = standings(game);
	const byId = new Map(list.map((s) => [s.id, s]));
	return rank(list).map((r) => ({ ...byId.get(r.id)!, rank: r.rank }));
}

export interface PlayerState extends PublicState {
	name: string;
	/** Total points over closed questions. */
	points: number;
	rank: number | null;
	/** Whether this player has answered the open question (its verdict waits for the close). */
	answered: boolean;
	/** After a question closes: this player's verdict on it. */
	verdict: { answered: boolean; correct: boolean; given: string; points: number } | null;
	removed: boolean;
	/**
	 * A signed-in student in an assignment's game: whether their answers are an attempt of it
	 * (false when the assignment had no attempt left for them). Null for visitors and other games.
	 */
	counted: boolean | null;
}

export function playerState(game: LiveGame, player: LivePlayer, now = Date.now()): PlayerState {
	const base = publicState(game, now);
	const mine = rankAll(game).find((r) => r.id === player.id);
	const current = game.clock.current;
	const closed = game.clock.phase === 'closed' || (game.clock.phase === 'ended' && current >= 0);
	const answer = player.answers.get(current);
	return {
		...base,
		name: player.name,
		points: mine?.points ?? 0,
		rank: game.leaderboard ? (mine?.rank ?? null) : null,
		answered: game.clock.phase === 'question' && !!answer,
		verdict: closed
			? {
					answered: !!answer,
					correct: answer?.correct ?? false,
					given: answer?.given ?? '',
					points: answer?.points ?? 0
				}
			: null,
		removed: player.removed,
		counted: game.assignmentId && player.userId ? player.attemptId !== null : null
	};
}
