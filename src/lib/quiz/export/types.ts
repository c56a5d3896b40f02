import type { Question } from '../types';

/** What every exporter takes: one lesson's bank. */
export interface BankExport {
	title: string;
	questions: Question[];
}
