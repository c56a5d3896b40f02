export { toGift, giftQuestion, escapeGift } from './gift';
export { toMoodleXml, moodleQuestionXml } from './moodle-xml';
export { toQtiPackage, qtiItemXml, qtiIdentifier } from './qti';
export { toJsonExport } from './json';
export { toCsv, csvField, gradebookCsv } from './csv';
export type { CsvValue, GradebookCell, GradebookInput, GradebookOptions, GradeStatus } from './csv';
export type { BankExport } from './types';
export { createZip, crc32 } from './zip';
