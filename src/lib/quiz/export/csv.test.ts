import { describe, expect, it } from 'vitest';
import { csvField, gradebookCsv, toCsv, type GradebookCell } from './csv';

const BOM = '\uFEFF';

describe('toCsv', () => {
	it('starts with a BOM and ends every row with CRLF', () => {
		expect(
			toCsv([
				['a', 'b'],
				[1, null]
			])
		).toBe(`${BOM}a,b\r\n1,\r\n`);
		expect(toCsv([])).toBe(BOM);
	});

	it('quotes fields with commas, quotes, line breaks and edge spaces', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
		expect(csvField(' padded')).toBe('" padded"');
		expect(csvField('padded ')).toBe('"padded "');
		expect(csvField('Қазақстан')).toBe('Қазақстан');
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField(NaN)).toBe('');
	});

	it('guards text that a spreadsheet would run as a formula', () => {
		expect(csvField('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
		expect(csvField('+cmd')).toBe("'+cmd");
		expect(csvField('-2+3')).toBe("'-2+3");
		expect(csvField('@import')).toBe("'@import");
		expect(csvField('\tx')).toBe("'\tx");
		expect(csvField('\r=x')).toBe(`"'\r=x"`);
		expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
	});

	it('guards a formula behind a semicolon, the separator of Russian and Kazakh spreadsheets', () => {
		expect(csvField(';=cmd')).toBe(`"';=cmd"`);
		expect(csvField('a;=cmd')).toBe('"a;=cmd"');
		expect(csvField(';')).toBe(`"';"`);
		for (const start of [';', '=', '+', '-', '@', '\t', '\r']) {
			const field = csvField(`${start}1+1`);
			expect(field.replace(/^"/, ''), JSON.stringify(start)).toMatch(/^'/);
		}
	});

	it('leaves plain numbers alone', () => {
		expect(csvField(-5)).toBe('-5');
		expect(csvField('-5')).toBe('-5');
		expect(csvField('+3.5')).toBe('+3.5');
		expect(csvField(87.5)).toBe('87.5');
		expect(csvField('1e3')).toBe('1e3');
	});
});

describe('gradebookCsv', () => {
	const assignments = [
		{ id: 'a1', title: 'Karaganda, part 1' },
		{ id: 'a2', title: 'Steel' },
		{ id: 'a3', title: 'Steel' }
	];
	const students = [
		{ id: 's1', username: 'aida', displayName: 'Aida Nurlanqyzy' },
		{ id: 's2', username: '=evil', displayName: 'Bob "B"' },
		{ id: 's3', username: 'chen', displayName: 'Chen' }
	];
	const cell = (
		best: number | null,
		status: GradebookCell['status'],
		attempts = 1
	): GradebookCell => ({
		best,
		status,
		attempts
	});

	it('puts the identifier first and one percent column per assignment', () => {
		const cells = {
			s1: { a1: cell(87.456, 'done'), a2: cell(40, 'late', 2), a3: cell(null, 'missing', 0) },
			s2: { a1: cell(100, 'done') }
		};
		const rows = gradebookCsv({ assignments, students, cells }).slice(1).split('\r\n');
		expect(rows).toEqual([
			'Username,Student ID,Display name,"Karaganda, part 1 (%)",Steel [a2] (%),Steel [a3] (%)',
			'aida,s1,Aida Nurlanqyzy,87.46,40,',
			`'=evil,s2,"Bob ""B""",100,,`,
			'chen,s3,Chen,,,',
			''
		]);
	});

	it('accepts nested Maps and can add status columns', () => {
		const cells = new Map([['s1', new Map([['a2', cell(55, 'late')]])]]);
		const csv = gradebookCsv(
			{ assignments: [assignments[1]], students: [students[0]], cells },
			{ includeStatus: true }
		);
		expect(csv).toBe(
			`${BOM}Username,Student ID,Display name,Steel (%),Steel status\r\naida,s1,Aida Nurlanqyzy,55,late\r\n`
		);
	});

	it('adds a note column after an assignment whose score a teacher overrode', () => {
		const cells = {
			s1: {
				a1: { ...cell(90, 'done'), overridden: true, graded: 40 },
				a2: cell(70, 'done')
			},
			s3: { a1: cell(55, 'done') }
		};
		const rows = gradebookCsv({
			assignments: assignments.slice(0, 2),
			students: [students[0], students[2]],
			cells
		})
			.slice(1)
			.split('\r\n');
		expect(rows).toEqual([
			'Username,Student ID,Display name,"Karaganda, part 1 (%)","Karaganda, part 1 note",Steel (%)',
			'aida,s1,Aida Nurlanqyzy,90,"Overridden, graded 40",70',
			'chen,s3,Chen,55,,',
			''
		]);
	});
});
