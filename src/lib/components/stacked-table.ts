/**
 * ARIA roles for a table that a phone shows as one block per row (the `stack-on-phone` class in
 * app.css). They repeat what the elements are; some browsers drop a table's meaning once its rows
 * are not displayed as a table, and the roles keep it for screen readers there.
 */
export const stacked = {
	table: { role: 'table' },
	rowgroup: { role: 'rowgroup' },
	row: { role: 'row' },
	columnheader: { role: 'columnheader' },
	rowheader: { role: 'rowheader' },
	cell: { role: 'cell' }
} as const;
