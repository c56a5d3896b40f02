/**
 * Prints the lessons and question bank of a text file as one JSON object:
 *   npm run --silent generate -- FILE
 * Bad input exits 1 with one line on stderr.
 */
import { readFileSync, statSync } from 'node:fs';
import { buildLessons, validateSourceBytes, MAX_SOURCE_BYTES } from '../src/lib/content/index';
import { generateBankWithReport } from '../src/lib/quiz/generate/bank';
import { loadLexicon } from '../src/lib/server/lexicon';

function fail(message: string): never {
	process.stderr.write(`generate: ${message}\n`);
	process.exit(1);
}

const file = process.argv[2];
if (!file) fail('usage: npm run --silent generate -- FILE');

let bytes: Uint8Array;
try {
	const stat = statSync(file);
	if (stat.isDirectory()) fail(`${file} is a directory, not a text file`);
	if (stat.size > MAX_SOURCE_BYTES) fail(`${file} is too large (the limit is 2 MB)`);
	bytes = readFileSync(file);
} catch (error) {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') fail(`${file} does not exist`);
	if (code === 'EACCES') fail(`${file} cannot be read (permission denied)`);
	fail(`${file} cannot be read (${code ?? (error as Error).message})`);
}

const checked = validateSourceBytes(bytes, file);
if (!checked.ok) fail(checked.message);

const doc = buildLessons(checked.text);
const { bank, report } = generateBankWithReport(doc, loadLexicon());
const output = {
	title: doc.title,
	credit: doc.credit,
	lessons: doc.lessons.map((lesson) => ({
		slug: lesson.slug,
		title: lesson.title,
		topic: lesson.topic,
		summary: lesson.summary,
		paragraphs: lesson.paragraphs,
		questions: bank[lesson.slug] ?? [],
		refused: report[lesson.slug]?.refused ?? {},
		readingMinutes: lesson.readingMinutes,
		figures: lesson.figures,
		entities: lesson.entities
	}))
};
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});
process.stdout.write(JSON.stringify(output, null, 2) + '\n');
