/**
 * The live game's core ($lib/quiz/live/game) and its server module word refusals in English (they
 * run in tests and timers outside any request). The routes put them into the page's language here,
 * by their exact wording; one not listed stays as it is (messages.test.ts lists them all).
 */
import { m } from '$lib/paraglide/messages';
import { sourceLang } from '$lib/i18n/source-lang';
import type { LiveGame } from './games';

const known: [RegExp, (match: RegExpMatchArray) => string][] = [
	[/^The teacher removed you from this game\.$/, () => m.s_removed_from_game()],
	[/^Type a nickname\.$/, () => m.s_type_nickname()],
	[/^A nickname has at most (\d+) characters\.$/, ([, max]) => m.s_nickname_too_long({ max })],
	[/^Someone in this game has that nickname/, () => m.s_nickname_taken()],
	[/^This game has ended\.$/, () => m.s_game_ended()],
	[/^This game has started and does not take late joiners\.$/, () => m.s_game_no_late_joiners()],
	[/^This game is only for the students of its class\.$/, () => m.s_game_class_only()],
	[
		/^This game is only for the students of its class: sign in/,
		() => m.s_game_class_only_sign_in()
	],
	[/^The question is still open: close it first\.$/, () => m.s_question_still_open()],
	[/^No question is open\.$/, () => m.s_no_question_open()],
	[/^Too late: this question has closed\.$/, () => m.s_too_late()],
	[/^Choose one of the answers\.$/, () => m.s_choose_one_answer()],
	[/^Type an answer\.$/, () => m.s_type_an_answer()]
];

export function localizeLiveMessage(text: string): string {
	for (const [pattern, translate] of known) {
		const match = text.match(pattern);
		if (match) return translate(match);
	}
	return text;
}

/** The language of a game's lesson and questions, which keep it on a page in another language. */
export function gameLang(game: LiveGame) {
	return sourceLang(game.lesson.title, ...game.questions.slice(0, 3).map((q) => q.prompt));
}
