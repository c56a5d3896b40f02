import { describe, expect, it } from 'vitest';
import { readNameList } from './name-list';

describe('a pasted list of names', () => {
	it('gives each name with its line and skips blank lines', () => {
		expect(readNameList('Aigerim Sadykova\n\n  Әйгерім  Сәдуақасова \r\n\t\nMarat')).toEqual({
			ok: true,
			names: [
				{ line: 1, name: 'Aigerim Sadykova' },
				{ line: 3, name: 'Әйгерім Сәдуақасова' },
				{ line: 5, name: 'Marat' }
			],
			blankLines: 2
		});
	});

	it('finds the same name twice, whatever its case', () => {
		const list = readNameList('Marat\nAigerim\nMARAT');
		expect(list.ok).toBe(false);
		if (!list.ok)
			expect(list.problems).toEqual([
				expect.stringMatching(/^Line 3: “MARAT” is on the list already \(line 1\)/)
			]);
	});

	it('names the line of a name it cannot take', () => {
		const list = readNameList('Marat\n<b>x</b>');
		expect(list).toEqual({
			ok: false,
			problems: [expect.stringMatching(/^Line 2 \(“<b>x<\/b>”\)/)]
		});
	});

	it('refuses an empty list and a list over the limit', () => {
		expect(readNameList('\n \n')).toEqual({
			ok: false,
			problems: ['Paste at least one name, one a line.']
		});
		const many = Array.from(
			{ length: 61 },
			(_, i) => `Student ${String.fromCharCode(65 + (i % 26))}${i}`
		);
		const list = readNameList(many.join('\n'));
		expect(list).toEqual({
			ok: false,
			problems: [expect.stringMatching(/has 61 names; add at most 60/)]
		});
		expect(readNameList(many.slice(0, 60).join('\n')).ok).toBe(true);
	});
});
