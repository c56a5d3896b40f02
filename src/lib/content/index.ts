/** Source text -> lessons. Pure and deterministic: the same text always gives the same document. */
import type { Lesson, SourceDocument } from './types';
import { splitStructure, wordsIn, type Block } from './paragraphs';
import { splitSentences } from './sentences';
import { segmentUnits, MIN_LESSON_WORDS, type Unit } from './segment';
import { labelLessons, titleCase } from './title';
import { summarise } from './summary';
import { figuresIn } from './figures';
import { findEntities } from './entities';
import { uniqueSlugs } from './slug';
import type { AnalysedSentence } from './nlp';
import { detectLanguage, type TextLanguage } from './language';

export type * from './types';
export { validateSourceBytes, MAX_SOURCE_BYTES } from './validate';
export { detectLanguage, type TextLanguage } from './language';

interface Section {
	heading: string;
	level: number;
	units: Unit[];
}

/** One long block without any paragraph breaks is cut into paragraphs of about five sentences. */
function splitLongBlock(unit: Unit): Unit[] {
	const out: Unit[] = [];
	for (let i = 0; i < unit.sentences.length; i += 5) {
		const sentences = unit.sentences.slice(i, i + 5);
		const text = sentences.map((s) => s.text).join(' ');
		out.push({ text, sentences, words: wordsIn(text) });
	}
	return out;
}

function toSections(blocks: Block[], language: TextLanguage): Section[] {
	const sections: Section[] = [{ heading: '', level: 0, units: [] }];
	for (const b of blocks) {
		if (b.kind === 'heading') sections.push({ heading: b.text, level: b.level, units: [] });
		else {
			const sentences = splitSentences(b.text, language);
			sections[sections.length - 1].units.push({
				text: b.text,
				sentences,
				words: wordsIn(b.text),
				listItem: b.listItem,
				...(b.verse && { verse: true })
			});
		}
	}
	const nonEmpty = sections.filter((s) => s.units.length > 0);
	const all = nonEmpty.flatMap((s) => s.units);
	if (all.length === 1 && !all[0].verse && all[0].sentences.length > 12)
		nonEmpty[0].units = splitLongBlock(all[0]);
	return mergeSmallSections(nonEmpty);
}

/** Headed sections shorter than this join a neighbour. */
const MIN_SECTION_WORDS = 50;

/** Sections too short for a lesson join the next one (or the previous one at the end). */
function mergeSmallSections(sections: Section[]): Section[] {
	const out: Section[] = [];
	let pending: Section | null = null;
	for (const s of sections) {
		const current: Section = pending ? joinSections(pending, s) : s;
		pending = null;
		const min = current.heading ? MIN_SECTION_WORDS : MIN_LESSON_WORDS;
		if (words(current) < min) pending = current;
		else out.push(current);
	}
	const last = out.at(-1);
	if (pending && last) out[out.length - 1] = joinSections(last, pending);
	else if (pending) out.push(pending);
	return out;
}

function joinSections(a: Section, b: Section): Section {
	const heading = a.heading && b.heading ? `${a.heading}; ${b.heading}` : a.heading || b.heading;
	return { heading, level: a.level || b.level, units: [...a.units, ...b.units] };
}

const words = (s: Section) => s.units.reduce((a, u) => a + u.words, 0);

interface Draft {
	heading: string;
	units: Unit[];
}

export function buildLessons(text: string): SourceDocument {
	const structure = splitStructure(text);
	const language = detectLanguage(text);
	const drafts: Draft[] = [];
	for (const section of toSections(structure.blocks, language)) {
		const starts = segmentUnits(section.units);
		starts.forEach((start, i) => {
			const units = section.units.slice(start, starts[i + 1] ?? section.units.length);
			drafts.push({ heading: i === 0 ? section.heading : '', units });
		});
	}
	const sentenceLists = drafts.map((d) => d.units.flatMap((u) => u.sentences));
	const entities = findEntities(
		drafts.map((d) => d.units.map((u) => u.sentences.map((s) => s.text)))
	);
	// Titles name the lesson's prose: verse is quoted, not what the lesson is about (unless it is all).
	const titled = (units: Unit[]) =>
		units.every((u) => u.verse) ? units : units.filter((u) => !u.verse);
	const labels =
		language === 'en'
			? labelLessons(
					drafts.map((d, i) => ({
						paragraphs: titled(d.units).map((u) => u.sentences),
						entities: entities[i]
					})),
					structure.title
				)
			: plainLabels(sentenceLists, structure.title);
	const titles = drafts.map((d, i) => (d.heading ? cleanHeading(d.heading) : labels[i].title));
	const slugs = uniqueSlugs(titles);
	const lessons: Lesson[] = drafts.map((d, i) => {
		const wordCount = d.units.reduce((a, u) => a + u.words, 0);
		const listed = new Set(d.units.filter((u) => u.listItem).flatMap((u) => u.sentences));
		const verse = new Set(d.units.filter((u) => u.verse).flatMap((u) => u.sentences));
		const verseParagraphs = d.units.flatMap((u, p) => (u.verse ? [p] : []));
		return {
			slug: slugs[i],
			title: titles[i],
			topic: labels[i].topic,
			summary: summarise(sentenceLists[i], (s) => listed.has(s) || verse.has(s)),
			paragraphs: d.units.map((u) => u.text),
			...(verseParagraphs.length && { verseParagraphs }),
			sentences: numberSentences(d.units),
			figures: sentenceLists[i].flatMap((s: AnalysedSentence, k) =>
				verse.has(s) ? [] : figuresIn(s.text, k + 1)
			),
			entities: entities[i],
			wordCount,
			readingMinutes: Math.max(1, Math.ceil(wordCount / 200))
		};
	});
	const title = structure.title || (lessons[0] ? titleCase(lessons[0].title) : 'Untitled');
	return { title, credit: structure.credit, lessons, ...(language !== 'en' && { language }) };
}

/** Words of a first sentence that make a title of a lesson without a heading. */
const OPENING_WORDS = 7;

/**
 * Titles of a text that is not English (the title and topic finders read English): the text's own
 * title for a single lesson, else the opening words of the lesson's first sentence. No topic.
 */
function plainLabels(sentenceLists: AnalysedSentence[][], docTitle: string) {
	return sentenceLists.map((sentences) => {
		if (sentenceLists.length === 1 && docTitle) return { title: docTitle, topic: '' };
		const words = (sentences[0]?.text ?? '').replace(/[.!?…]+$/, '').split(/\s+/);
		const title =
			words.length > OPENING_WORDS
				? `${words
						.slice(0, OPENING_WORDS)
						.join(' ')
						.replace(/[,;:—–-]+$/, '')}…`
				: words.join(' ');
		return { title, topic: '' };
	});
}

/**
 * A heading as a lesson title. Dates in brackets stay ("Kazakh Khanate (1465–1731)", "Famines
 * (1929–1934)"): on a lesson page they place the lesson in time, and "Famines" alone says less.
 */
function cleanHeading(h: string): string {
	return h.replace(/[:.]+$/, '').trim();
}

function numberSentences(units: Unit[]): Lesson['sentences'] {
	const out: Lesson['sentences'] = [];
	units.forEach((u, p) =>
		u.sentences.forEach((s) =>
			out.push({
				index: out.length + 1,
				paragraph: p,
				text: s.text,
				...(u.verse && { verse: true })
			})
		)
	);
	return out;
}
