import { toGift, toJsonExport, toMoodleXml, toQtiPackage } from '$lib/quiz/export';
import type { BankExport } from '$lib/quiz/export';
import type { Tx } from './db/connection';
import { bankFor } from './bank-versions';

export const EXPORT_FORMATS = {
	gift: { label: 'Moodle GIFT', suffix: '-gift.txt', type: 'text/plain; charset=utf-8' },
	'moodle-xml': {
		label: 'Moodle XML',
		suffix: '-moodle.xml',
		type: 'application/xml; charset=utf-8'
	},
	qti: { label: 'QTI 2.1 package', suffix: '-qti.zip', type: 'application/zip' },
	json: { label: 'JSON', suffix: '.json', type: 'application/json; charset=utf-8' }
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
	return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, value);
}

/** The enabled questions of the owner's version of a lesson's bank: what her quizzes draw from. */
export function enabledBank(
	db: Tx,
	lessonId: number,
	title: string,
	owner: string | null = null
): BankExport {
	return { title, questions: bankFor(db, lessonId, owner).map((entry) => entry.question) };
}

/** The export file's bytes or text in this format. */
export function renderExport(bank: BankExport, format: ExportFormat): string | Uint8Array {
	switch (format) {
		case 'gift':
			return toGift(bank);
		case 'moodle-xml':
			return toMoodleXml(bank);
		case 'qti':
			return toQtiPackage(bank);
		case 'json':
			return toJsonExport(bank);
	}
}

/** Lowercase ASCII words joined by dashes, for file names ("Grade 9 B" -> "grade-9-b"). */
export function fileSlug(text: string): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'export';
}

/** Headers of a download: the file name in ASCII and, for other scripts, in UTF-8 (RFC 6266). */
export function attachmentHeaders(filename: string, contentType: string): Record<string, string> {
	const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return {
		'Content-Type': contentType,
		'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
		'Cache-Control': 'private, no-store'
	};
}
