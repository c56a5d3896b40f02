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
