/**
 * Question bank benchmark: counts per type, gate violations (exit 1 if any), key positions,
 * true/false balance, timing, coverage of chosen facts of the speech, and 40 seeded samples to read.
 * Usage: npm run bench:questions
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLessons } from '../src/lib/content/index';
import type { SourceDocument } from '../src/lib/content/types';
import { generateBank, generateBankWithReport } from '../src/lib/quiz/generate/bank';
import { measureBank } from '../src/lib/quiz/generate/quality';
import { loadLexicon } from '../src/lib/server/lexicon';
import { GATES, checkBank } from '../src/lib/quiz/generate/gates';
import { seededShuffle } from '../src/lib/quiz/hash';
import type { Question } from '../src/lib/quiz/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const textsDir = join(root, 'tests/fixtures/texts');

function text(q: Question): string {
	const parts = [q.prompt];
	if (q.type === 'matching') parts.push(...q.pairs.flat());
	else parts.push(...q.options, String(q.answer));
	return parts.join(' \u2016 ');
}

type Fact = { fact: string; match: (q: Question) => boolean };
const has = (re: RegExp) => (q: Question) => re.test(text(q));
const SPEECH_FACTS: Fact[] = [
	{
		fact: 'share of steel: more than 85%',
		match: (q) => /steel/.test(q.prompt) && /85/.test(text(q))
	},
	{ fact: 'share of coal: a third', match: (q) => /coal/.test(text(q)) && /a third/.test(text(q)) },
	{ fact: 'copper: about half', match: (q) => /copper/.test(text(q)) && /half/.test(text(q)) },
	{
		fact: 'manufacturing share 80%',
		match: (q) => /manufacturing/.test(q.prompt) && /80/.test(text(q))
	},
	{
		fact: '176 villages without clean water',
		match: (q) => /village/.test(text(q)) && /176/.test(text(q))
	},
	{
		fact: '37 settlements get clean water',
		match: (q) => /settlements/.test(text(q)) && /37/.test(text(q))
	},
	{
		fact: '4.2 million hectares returned',
		match: (q) => /hectares/.test(text(q)) && /4\.2/.test(text(q))
	},
	{
		fact: '1.1 million hectares in Karaganda region',
		match: (q) => /hectares/.test(text(q)) && /1\.1/.test(text(q))
	},
	{
		fact: 'Karaganda-Zhezkazgan highway 500 km',
		match: (q) => /Zhezkazgan/.test(q.prompt) && /500/.test(text(q))
	},
	{
		fact: '28,000 school places',
		match: (q) => /places|schools/.test(text(q)) && /28,000|28000/.test(text(q))
	},
	{
		fact: '5 single-industry towns',
		match: (q) => /single-industry towns/.test(text(q)) && /\b5\b/.test(text(q))
	},
	{ fact: 'horses doubled to 4 million', match: (q) => /horses/.test(text(q)) },
	{
		fact: 'Master Plan since 2007',
		match: (q) => /Master Plan/.test(text(q)) && /2007/.test(text(q))
	},
	{ fact: 'deaths at ArcelorMittal Temirtau in 2022', match: has(/ArcelorMittal|2022/) },
	{ fact: 'writers born on Karaganda land', match: has(/Seifullin|Mustafin|Amanzholov/) },
	{ fact: 'Alash leaders', match: has(/Akbaev|Ermekov|Bokeykhan|Bukeihan/) },
	{ fact: 'award recipients', match: has(/Aliyeva|Morozov|Berga|Kasymov|Kozakhmetova|Komarda/) },
	{ fact: 'Comfortable School project', match: has(/Comfortable School/) },
	{ fact: 'Strong regions national project', match: has(/Strong regions/) },
	{
		fact: 'principle strong regions - a strong country',
		match: has(/strong regions . a strong country/i)
	},
	{
		fact: 'Saryarka special economic zone / Saran industrial zone',
		match: has(/Saryarka special|Saran industrial/)
	},
	{ fact: 'Center-South transport corridor', match: has(/Center-South/) },
	{ fact: 'Karaganda Medical University', match: has(/Medical University/) },
	{
		fact: 'instruction to the Government on roads',
		match: (q) => /Government/.test(text(q)) && /roads/.test(q.prompt)
	},
	{
		fact: 'sacred places Karkaraly, Shaitankol, Bektau ata, Bugyly-Tagyly',
		match: has(/Karkaraly|Shaitankol|Bektau|Bugyly/)
	},
	{ fact: 'Just Kazakhstan', match: has(/Just Kazakhstan/) },
	{ fact: 'Lake Balkhash / Balkhash roads', match: has(/Balkhash/) }
];

const lexiconStart = performance.now();
const lexicon = loadLexicon();
lexicon.nounSynonyms('warm-up');
console.log(
	`lexicon loaded in ${(performance.now() - lexiconStart).toFixed(0)} ms (once per process)`
);

/** Median of several runs after a warm-up run (robust to a busy machine). */
function timeBank(
	doc: SourceDocument,
	runs: number
): { bank: Record<string, Question[]>; ms: number } {
	let bank = generateBank(doc, lexicon);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		bank = generateBank(doc, lexicon);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return { bank, ms: times[Math.floor(times.length / 2)] };
}

function syntheticText(targetBytes: number): string {
	const base = readdirSync(textsDir)
		.filter((f) => f.endsWith('.txt'))
		.map((f) => readFileSync(join(textsDir, f), 'utf8'))
		.concat(readFileSync(join(root, 'content/karaganda-speech.txt'), 'utf8'));
	const parts: string[] = [];
	let size = 0;
	for (let i = 0; size < targetBytes; i++) {
		const chunk = base[i % base.length].replace(/\d+/g, (d) => String(Number(d) + (i % 7)));
		parts.push(chunk);
		size += Buffer.byteLength(chunk);
	}
	return parts.join('\n\n');
}

let failed = false;
const totals = { positions: [0, 0, 0, 0], trues: 0, falses: 0 };
const speechPath = join(root, 'content/karaganda-speech.txt');
const sources: [string, string][] = [['karaganda-speech.txt', readFileSync(speechPath, 'utf8')]];
for (const f of readdirSync(textsDir)
	.filter((f) => f.endsWith('.txt'))
	.sort())
	if (f !== 'karaganda-speech.txt') sources.push([f, readFileSync(join(textsDir, f), 'utf8')]);

let speechBank: Record<string, Question[]> = {};
let speechDoc: SourceDocument | null = null;
for (const [name, raw] of sources) {
	const doc = buildLessons(raw);
	const { bank, ms } = timeBank(doc, 7);
	const all = Object.values(bank).flat();
	const report = checkBank(bank);
	const types: Record<string, number> = {};
	for (const q of all) types[q.type] = (types[q.type] ?? 0) + 1;
	const kb = Buffer.byteLength(raw) / 1024;
	console.log(
		`\n== ${name}: ${doc.lessons.length} lessons, ${all.length} questions, ${ms.toFixed(1)} ms (${(ms / kb).toFixed(2)} ms/KB)`
	);
	console.log('   types:', JSON.stringify(types));
	const byGate = Object.fromEntries(
		GATES.map((g) => [g, report.violations.filter((v) => v.gate === g).length])
	);
	console.log('   gate violations:', JSON.stringify(byGate));
	for (const v of report.violations.slice(0, 10))
		console.log(`     ! ${v.gate} ${v.id}: ${v.detail}`);
	if (report.violations.length) failed = true;
	console.log(
		`   key positions A/B/C/D: ${report.positions.join('/')}; true/false: ${report.trueCount}/${report.falseCount}`
	);
	const quality = measureBank(all, lexicon);
	const share = (m: { count: number; of: number }) =>
		`${m.count}/${m.of} (${((m.count / Math.max(1, m.of)) * 100).toFixed(1)}%)`;
	console.log(
		`   common-word keys: ${share(quality.commonKeys)} ${quality.commonKeys.examples.join(' | ')}`
	);
	console.log(`   prompts leaning on an earlier sentence: ${share(quality.dangling)}`);
	console.log(`   true statements without a checkable fact: ${share(quality.trueWithoutFact)}`);
	console.log(
		`   malformed numbers ${quality.malformedNumbers.count}, keys elsewhere in their prompt ${quality.keysInPrompt.count}, citation markers ${quality.citationMarkers.count}`
	);
	if (
		quality.commonKeys.count > quality.commonKeys.of * 0.15 ||
		quality.dangling.count > quality.dangling.of * 0.02 ||
		quality.malformedNumbers.count + quality.keysInPrompt.count + quality.citationMarkers.count
	)
		failed = true;
	const refusals: Record<string, number> = {};
	for (const r of Object.values(generateBankWithReport(doc, lexicon).report))
		for (const [why, n] of Object.entries(r.refused))
			refusals[why] = (refusals[why] ?? 0) + (n ?? 0);
	console.log('   refused by the checks:', JSON.stringify(refusals));
	report.positions.forEach((n, i) => (totals.positions[i] += n));
	totals.trues += report.trueCount;
	totals.falses += report.falseCount;
	if (name === 'karaganda-speech.txt') {
		speechBank = bank;
		speechDoc = doc;
		if (ms > 150) {
			console.log(`   ! speech bank took ${ms.toFixed(1)} ms (budget 150 ms)`);
			failed = true;
		}
	}
}

console.log(
	`\n== all texts: key positions A/B/C/D ${totals.positions.join('/')}; true/false ${totals.trues}/${totals.falses}`
);

if (speechDoc) {
	console.log('\n== speech: questions per lesson');
	for (const lesson of speechDoc.lessons)
		console.log(`   ${String(speechBank[lesson.slug]?.length ?? 0).padStart(3)}  ${lesson.slug}`);
	const all = Object.values(speechBank).flat();
	console.log(`   total ${all.length}`);
	console.log('\n== speech: facts the bank must cover');
	let covered = 0;
	for (const f of SPEECH_FACTS) {
		const n = all.filter(f.match).length;
		if (n) covered++;
		console.log(`   ${n ? 'yes' : ' NO'} (${n})  ${f.fact}`);
	}
	console.log(
		`   covered ${covered}/${SPEECH_FACTS.length} = ${((covered / SPEECH_FACTS.length) * 100).toFixed(0)}%`
	);

	console.log('\n== 40 seeded questions to read');
	const sample = seededShuffle(all, 'bench-sample').slice(0, 40);
	sample.forEach((q, i) => {
		console.log(`\n${i + 1}. [${q.type}] ${q.prompt}`);
		if (q.type === 'multiple_choice')
			q.options.forEach((o, j) =>
				console.log(`   ${'ABCD'[j]}. ${o}${o === q.answer ? '  <=' : ''}`)
			);
		if (q.type === 'true_false') console.log(`   answer: ${q.answer}`);
		if (q.type === 'fill_blank')
			console.log(
				`   answer: ${q.answer}${q.accept.length ? ` (also ${q.accept.join(', ')})` : ''}`
			);
		if (q.type === 'numeric') console.log(`   answer: ${q.answer} ${q.unit} (±${q.tolerance})`);
		if (q.type === 'matching') q.pairs.forEach(([l, r]) => console.log(`   ${l} -> ${r}`));
		console.log(`   source #${q.source.sentenceIndex}: ${q.source.sentence}`);
	});
}

const big = syntheticText(1024 * 1024);
const t0 = performance.now();
const bigDoc = buildLessons(big);
const t1 = performance.now();
const bigBank = generateBank(bigDoc, lexicon);
const t2 = performance.now();
const bigCount = Object.values(bigBank).flat().length;
console.log(
	`\n== 1 MB text: content ${((t1 - t0) / 1000).toFixed(2)} s, questions ${((t2 - t1) / 1000).toFixed(2)} s ` +
		`(${((t2 - t1) / 1024).toFixed(2)} ms/KB), ${bigDoc.lessons.length} lessons, ${bigCount} questions`
);
if (t2 - t1 > 10_000) {
	console.log('   ! over the 10 s budget');
	failed = true;
}
const bigReport = checkBank(bigBank);
console.log(`   gate violations: ${bigReport.violations.length}`);
for (const v of bigReport.violations.slice(0, 10))
	console.log(`     ! ${v.gate} ${v.id}: ${v.detail}`);
if (bigReport.violations.length) failed = true;

if (failed) {
	console.log('\nFAILED');
	process.exit(1);
}
console.log('\nOK');
