/** A game's results as CSV: every player's points, rank and answer to each question. */
import type { LiveGame } from './games';
import { rankAll } from './games';

/** One CSV cell: quoted when needed; a leading = + - @ cannot start a spreadsheet formula. */
function cell(value: string | number): string {
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(game: LiveGame): string {
	const header = ['Rank', 'Player', 'Signed in', 'Points', 'Correct'];
	game.questions.forEach((_, i) => header.push(`Q${i + 1} answer`, `Q${i + 1} points`));
	const rows = [header];
	for (const s of rankAll(game)) {
		const row: (string | number)[] = [
			s.rank,
			s.name,
			s.player.userId ? 'yes' : 'no',
			s.points,
			s.correct
		];
		game.questions.forEach((_, i) => {
			const a = s.player.answers.get(i);
			row.push(a ? `${a.given}${a.correct ? ' (right)' : ' (wrong)'}` : '', a ? a.points : 0);
		});
		rows.push(row.map(String));
	}
	return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
