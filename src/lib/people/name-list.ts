/**
 * A list of students' names a teacher pasted, one a line: each name checked, blank lines
 * skipped, the same name twice found. Pure: no framework, no database.
 */
import { checkDisplayName, foldName } from './names';

export const NAME_LIST_MAX = 60;

export interface ListedName {
	/** The line of the pasted text it was on, from 1. */
	line: number;
	name: string;
}

export type NameList =
	{ ok: true; names: ListedName[]; blankLines: number } | { ok: false; problems: string[] };

const key = (name: string) => foldName(name);

/** Reads the pasted list; every problem is named with its line so the teacher can fix it. */
export function readNameList(text: string, max = NAME_LIST_MAX): NameList {
	const names: ListedName[] = [];
	const problems: string[] = [];
	let blankLines = 0;
	const seen = new Map<string, number>();
	// Blank lines at the end (a pasted list ends with a line break or two) are not counted.
	text
		.replace(/\s+$/, '')
		.split(/\r\n|\r|\n/)
		.forEach((raw, index) => {
			const line = index + 1;
			if (!raw.trim()) {
				blankLines++;
				return;
			}
			const checked = checkDisplayName(raw);
			if (!checked.ok) {
				problems.push(`Line ${line} (“${raw.trim().slice(0, 60)}”): ${checked.message}`);
				return;
			}
			const first = seen.get(key(checked.value));
			if (first !== undefined) {
				problems.push(
					`Line ${line}: “${checked.value}” is on the list already (line ${first}). If they are two students, add something to tell them apart, such as an initial; if not, delete one line.`
				);
				return;
			}
			seen.set(key(checked.value), line);
			names.push({ line, name: checked.value });
		});
	if (names.length + problems.length === 0) {
		return { ok: false, problems: ['Paste at least one name, one a line.'] };
	}
	if (names.length > max) {
		problems.unshift(
			`The list has ${names.length} names; add at most ${max} at a time. Paste the rest afterwards.`
		);
	}
	return problems.length ? { ok: false, problems } : { ok: true, names, blankLines };
}
