/**
 * A random sample of generated questions for a blind review against the quality rubric: each
 * with its lesson title and source sentence, never the generator's reasons.
 *   npm run --silent sample:questions -- [--seed N] [--count 40] FILE...
 * Several files are pooled before sampling. Prints Markdown; the seed is printed first.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildLessons } from '../src/lib/content/index';
import { generateBank } from '../src/lib/quiz/generate/bank';
import { seededShuffle } from '../src/lib/quiz/hash';
import type { Question } from '../src/lib/quiz/types';
import { loadLexicon } from '../src/lib/server/lexicon';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const at = args.indexOf(name);
	if (at < 0) return fallback;
	const [, value] = args.splice(at, 2);
	return value;
};
const seed = Number(option('--seed', String(Date.now() % 100000)));
const count = Number(option('--count', '40'));
if (!args.length) {
	process.stderr.write('usage: sample-questions [--seed N] [--count 40] FILE...\n');
	process.exit(1);
}

interface Item {
	text: string;
	lesson: string;
	question: Question;
}

const lexicon = loadLexicon();
const pool: Item[] = [];
for (const file of args) {
	const doc = buildLessons(readFileSync(file, 'utf8'));
	const bank = generateBank(doc, lexicon);
	for (const lesson of doc.lessons)
		for (const question of bank[lesson.slug] ?? [])
			pool.push({ text: basename(file), lesson: lesson.title, question });
}

const sample = seededShuffle(pool, seed).slice(0, count);
const lines = [
	`# Sample of ${sample.length} questions (seed ${seed}) from ${pool.length} in ${args.map((f) => basename(f)).join(', ')}`,
	'',
	// What the app's grading does with a typed answer, so a reviewer can tell whether a right
	// answer would be marked wrong (src/lib/quiz/grade.ts, normalize.ts).
	'Typed answers (fill_blank, numeric) are graded leniently: case, punctuation, diacritics, spaces ' +
		'and hyphens and a leading "the/a/an" are ignored; a key of 5 letters or more forgives one ' +
		'typo (two from 9 letters) unless the typed text is a wrong option; romanised spellings of ' +
		'one name count as the same (zh/j, kh/k/q, y/i, doubled letters: Zhetysu = Jetisu); a ' +
		'one-word name may be typed with a title ("Berke Khan" for Berke); numbers ' +
		'may be typed with thousands separators, a decimal comma or words ("4.2 million"). Nothing ' +
		'else is accepted beyond the key and the listed alternatives.',
	''
];
sample.forEach(({ text, lesson, question: q }, i) => {
	lines.push(`## #${i + 1} ${q.type}: ${text}, lesson "${lesson}"`);
	lines.push(`- Prompt: ${q.prompt}`);
	if (q.type === 'multiple_choice') lines.push(`- Options: ${JSON.stringify(q.options)}`);
	if (q.type === 'matching') lines.push(`- Pairs (left: right): ${JSON.stringify(q.pairs)}`);
	else lines.push(`- Key: ${JSON.stringify(q.answer)}`);
	if (q.type === 'fill_blank') lines.push(`- Also accepted: ${JSON.stringify(q.accept)}`);
	if (q.type === 'numeric') lines.push(`- Tolerance: ${q.tolerance}; unit: "${q.unit}"`);
	lines.push(`- Source sentence: ${q.source.sentence}`);
	lines.push('');
});
process.stdout.write(lines.join('\n'));
