/** RFC 4180 CSV with a UTF-8 BOM, CRLF line ends and a guard against spreadsheet formulas. */

export type CsvValue = string | number | null | undefined;

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// A semicolon starts a formula too where spreadsheets split CSV on semicolons (Russian and Kazakh
// settings of Excel): ';=cmd' becomes an empty cell and the formula '=cmd'.
const FORMULA_START = /^[=+\-@;\t\r]/;

/** One field: formula-guarded (text only), quoted when needed, quotes doubled. */
export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let s = String(value);
	if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
	// Quoted when it holds a separator of either kind, so that 'a;=cmd' stays one cell.
	if (/[",;\r\n]/.test(s) || /^\s|\s$/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
	return s;
}

/** Rows to CSV text: BOM first, CRLF after every row. */
export function toCsv(rows: CsvValue[][]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

export type GradeStatus = 'done' | 'late' | 'missing' | 'pending';

export interface GradebookCell {
	/** Best score 0..100, null when never submitted. */
	best: number | null;
	status: GradeStatus;
	attempts: number;
	/** The best score is a teacher's override of an attempt graded `graded` (0..100). */
	overridden?: boolean;
	graded?: number | null;
}

type Table<V> = Map<string, V> | Record<string, V>;

export interface GradebookInput {
	assignments: { id: string | number; title: string }[];
	students: { id: string | number; username: string; displayName: string }[];
	/** studentId -> assignmentId -> cell. */
	cells: Table<Table<GradebookCell>>;
}

export interface GradebookOptions {
	/** Add a "<title> status" column after each score column (default false: import-friendly). */
	includeStatus?: boolean;
}

function rounded(n: number | null | undefined): number | null {
	return typeof n === 'number' && Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

function lookup<V>(table: Table<V> | undefined, key: string | number): V | undefined {
	if (!table) return undefined;
	if (table instanceof Map) return table.get(key as string) ?? table.get(String(key));
	return Object.prototype.hasOwnProperty.call(table, String(key)) ? table[String(key)] : undefined;
}

/**
 * Gradebook CSV for Moodle/Canvas grade import: the username (a stable identifier) first, then the
 * student id and display name, then one column per assignment holding the best score in percent
 * (rounded to 2 decimals; empty when there is none). Duplicate titles get the assignment id added.
 * An assignment with an overridden score gets a "<title> note" column after it that says so
 * ("Overridden, graded 40"); a file without overrides keeps the import-friendly shape.
 */
export function gradebookCsv(input: GradebookInput, opts: GradebookOptions = {}): string {
	const counts = new Map<string, number>();
	for (const a of input.assignments) counts.set(a.title, (counts.get(a.title) ?? 0) + 1);
	const label = (a: { id: string | number; title: string }) =>
		(counts.get(a.title) ?? 0) > 1 ? `${a.title} [${a.id}]` : a.title;

	const overridden = new Set(
		input.assignments
			.filter((a) =>
				input.students.some((s) => lookup(lookup(input.cells, s.id), a.id)?.overridden)
			)
			.map((a) => a.id)
	);
	const header: CsvValue[] = ['Username', 'Student ID', 'Display name'];
	for (const a of input.assignments) {
		header.push(`${label(a)} (%)`);
		if (opts.includeStatus) header.push(`${label(a)} status`);
		if (overridden.has(a.id)) header.push(`${label(a)} note`);
	}

	const rows: CsvValue[][] = [header];
	for (const s of input.students) {
		const row: CsvValue[] = [s.username, String(s.id), s.displayName];
		const mine = lookup(input.cells, s.id);
		for (const a of input.assignments) {
			const cell = lookup(mine, a.id);
			const best = cell?.best;
			row.push(rounded(best));
			if (opts.includeStatus) row.push(cell?.status ?? 'pending');
			if (overridden.has(a.id)) {
				const graded = rounded(cell?.graded);
				row.push(cell?.overridden ? `Overridden, graded ${graded ?? 'not scored'}` : null);
			}
		}
		rows.push(row);
	}
	return toCsv(rows);
}
