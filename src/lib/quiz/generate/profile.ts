/**
 * Facts about the whole document that the rewriter and generators need, inferred from the text
 * itself: who speaks in it and by which title, the region and country it is about.
 */

import { levenshtein } from '../../content/distance';
import { noteNameWords } from '../../content/name-spans';
import { phoneticKey } from '../../content/names';
import type { SourceDocument } from '../../content/types';
import { escapeRegExp, tokens } from './words';

/** The person a text quotes most, and every way the text names them. */
export interface Speaker {
	/** Full name as the text writes it most often ("Kassym-Jomart Tokayev"). */
	name: string;
	/** The office the text calls them by ("President"), or null. */
	title: string | null;
	/** Other office phrases the text uses for them ("Head of State"). */
	titleVariants: string[];
	/** Matches the name, any spelling of its parts, or the title. Not global. */
	pattern: RegExp;
}

export interface Profile {
	speaker: Speaker | null;
	region: string | null;
	country: string | null;
}

export interface DocContext {
	doc: SourceDocument;
	/** "speech" when the text reports a speech, otherwise "text". */
	sourceWord: 'speech' | 'text';
	/** The region the text is about ("Karaganda"), used to resolve "the region", "this land". */
	region: string | null;
	/** The country the text is about ("Kazakhstan"), used to resolve "our country". */
	country: string | null;
	/** Words seen in lower case somewhere (so they are not proper nouns). */
	lowercaseWords: Set<string>;
	/** Words seen right after a subject word or modal (so possibly verbs). */
	verbWords: Set<string>;
	/** Words seen right after a determiner or preposition (so likely nouns). */
	nounWords: Set<string>;
	/** Capitalised words seen inside a sentence (so likely names). */
	capitalWords: Set<string>;
	/** Capitalised words seen before a lower-case noun ("Kazakh territory"): adjectives of names. */
	capitalModifiers: Set<string>;
	/** How many sentences of the document mention each lower-cased word. */
	documentFrequency: Map<string, number>;
	sentenceCount: number;
	profile: Profile;
}

export const COUNTRIES = [
	'Kazakhstan',
	'Uzbekistan',
	'Kyrgyzstan',
	'Russia',
	'China',
	'Mongolia',
	'Ukraine',
	'Turkey',
	'India',
	'Japan',
	'Germany',
	'France',
	'Italy',
	'Spain',
	'Canada',
	'Australia',
	'Brazil',
	'Mexico',
	'Egypt',
	'Kenya',
	'Nigeria',
	'Poland',
	'Norway',
	'Sweden',
	'Finland',
	'Ireland',
	'Scotland',
	'England',
	'Britain',
	'America'
];

/** Offices a text may call its speaker by (English words, not facts about one text). */
const OFFICES =
	/\b(?:[Tt]he )?((?:[Vv]ice[- ])?[Pp]resident|[Hh]ead of [Ss]tate|[Hh]ead of [Gg]overnment|[Pp]rime [Mm]inister|[Cc]hancellor|[Gg]overnor|[Mm]ayor|[Aa]kim|[Cc]hairman|[Cc]hairwoman|[Ss]ecretary-[Gg]eneral|[Kk]ing|[Qq]ueen|[Pp]ope|[Mm]inister)\b/g;
const SAY =
	/\b(?:said|says|noted|notes|stressed|stresses|emphasi[sz]ed|recalled|added|instructed|declared|stated|believes|urged|told|concluded|announced|remarked)\b/;

/** The speaker: the full name most often in a sentence that reports speech, with its office. */
export function inferSpeaker(sentences: string[]): Speaker | null {
	const names = new Map<string, number>();
	const offices = new Map<string, number>();
	for (const text of sentences) {
		if (!SAY.test(text)) continue;
		for (const m of text.matchAll(NAME_RUN)) {
			const words = m[0].split(' ').filter((w) => !OFFICE_WORD.test(w));
			if (words.length >= 2) names.set(words.join(' '), (names.get(words.join(' ')) ?? 0) + 1);
		}
	}
	const [name, count] = [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
	if (!name || count < 2) return null;
	// An office that titles someone else ("Prime Minister Kishida" beside "President Biden") is
	// not one the text calls its speaker by.
	const nameParts = name.split(/[\s-]+/);
	for (const text of sentences)
		for (const m of text.matchAll(OFFICES)) {
			const next = text.slice((m.index ?? 0) + m[0].length).match(/^ (\p{Lu}[\p{L}'-]+)/u)?.[1];
			if (next && !nameParts.some((p) => sameSpelling(p, next))) continue;
			const office = normalOffice(m[1]);
			offices.set(office, (offices.get(office) ?? 0) + 1);
		}
	const ranked = [...offices].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	// Offices the text uses about as often as the most used one name the same person ("Head of
	// State", "President"); prompts use the shortest.
	const used = ranked.filter(([, n]) => n >= 2 && n * 4 >= ranked[0][1]).map(([o]) => o);
	const title = [...used].sort((a, b) => a.length - b.length || a.localeCompare(b))[0] ?? null;
	const titleVariants = used.filter((o) => o !== title);
	const parts = name.split(/[\s-]+/).filter((p) => p.length >= 4);
	const spellings = new Set(parts);
	// Another spelling counts only in a run of the speaker's name parts ("Zhomart Tokaev"), so a
	// namesake ("Kasym Amanzholov") is never taken for the speaker.
	for (const text of sentences)
		for (const m of text.matchAll(NAME_RUN)) {
			const words = m[0].split(/[\s-]+/);
			if (words.every((w) => parts.some((p) => sameSpelling(p, w))))
				words.forEach((w) => spellings.add(w));
		}
	const words = [...spellings, ...(title ? [title, ...titleVariants] : [])].map(escapeRegExp);
	return { name, title, titleVariants, pattern: new RegExp(`\\b(?:${words.join('|')})\\b`, 'i') };
}

/** A run of capitalised words, joined by spaces or hyphens ("Kassym-Jomart Tokayev"). */
const NAME_RUN = /\b\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)*\b/gu;
const OFFICE_WORD =
	/^(?:President|Director|Minister|Governor|Mayor|Akim|Chairman|Chairwoman|King|Queen|Pope|Professor|Dr|Mr|Mrs|Ms|General|The|A|An|In|On|At|According)$/;

function normalOffice(office: string): string {
	return office
		.split(' ')
		.map((w) => (/^(?:of|and)$/i.test(w) ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1)))
		.join(' ');
}

/** "Tokaev" is "Tokayev", "Zhomart" is "Jomart": the same sound, or one letter apart. */
function sameSpelling(a: string, b: string): boolean {
	if (a === b) return true;
	const ka = phoneticKey(a);
	const kb = phoneticKey(b);
	return ka === kb || (Math.min(ka.length, kb.length) >= 5 && levenshtein(ka, kb) <= 1);
}

/** How prompts name the speaker: "the President", or their name when the text gives no office. */
export function speakerReference(profile: Profile): string | null {
	const speaker = profile.speaker;
	if (!speaker) return null;
	return speaker.title ? `the ${speaker.title}` : speaker.name;
}

/** Whether a name or phrase is the text's speaker (never a key or a wrong option: every line is theirs). */
export function isSpeaker(text: string, profile: Profile): boolean {
	return !!profile.speaker && profile.speaker.pattern.test(text);
}

export function buildContext(doc: SourceDocument): DocContext {
	const lowercaseWords = new Set<string>();
	const capitalWords = new Set<string>();
	const capitalModifiers = new Set<string>();
	const nounWords = new Set<string>();
	const verbWords = new Set<string>();
	const documentFrequency = new Map<string, number>();
	const regionCounts = new Map<string, number>();
	const countryCounts = new Map<string, number>();
	let all = '';
	let sentenceCount = 0;
	for (const lesson of doc.lessons) {
		for (const sentence of lesson.sentences) {
			sentenceCount++;
			const text = sentence.text;
			all += text.length < 2000 ? text + '\n' : '';
			noteNameWords(text, { lowercaseWords, capitalWords });
			for (const m of text.matchAll(
				/(?<=[\p{L},;] )(\p{Lu}[\p{Ll}-]+) (?:way|territory|people|language|khans?|steppe|culture|nomads|government|army|state|land|lands|population)\b/gu
			))
				capitalModifiers.add(m[1]);
			for (const m of text.matchAll(
				/\b(?:the|a|an|of|for|in|with|new|its|their|his|her|our|this|these|'s|’s)\s+(?=([a-z][a-z-]+)(?:\s+([a-z][a-z-]+))?(?:\s+([a-z][a-z-]+))?)/g
			)) {
				nounWords.add(m[1]);
				if (m[2]) nounWords.add(m[2]);
				if (
					m[3] &&
					!/^(?:of|and|in|to|for|is|are|was|were|will|has|have|that|which)$/.test(m[2] ?? '')
				)
					nounWords.add(m[3]);
			}
			for (const m of text.matchAll(
				/\b(?:that|which|who|it|he|she|they|to|will|must|should|can|could|would|not|also|fully)\s+([a-z][a-z-]+)/g
			))
				verbWords.add(m[1]);
			for (const t of new Set(tokens(text)))
				documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
			for (const m of text.matchAll(/\b([A-Z][a-z]+) region\b/g))
				regionCounts.set(m[1], (regionCounts.get(m[1]) ?? 0) + 1);
			for (const country of COUNTRIES) {
				if (text.includes(country))
					countryCounts.set(country, (countryCounts.get(country) ?? 0) + 1);
			}
		}
	}
	const top = (counts: Map<string, number>, min: number): string | null => {
		const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
		if (!ranked.length || ranked[0][1] < min) return null;
		if (ranked.length > 1 && ranked[1][1] * 2 > ranked[0][1]) return null;
		return ranked[0][0];
	};
	const speechCues = (all.match(/\b(?:speech|said|noted|stressed)\b/gi) ?? []).length;
	const region = top(regionCounts, 3);
	const country = top(countryCounts, 3);
	const sentences = doc.lessons.flatMap((l) => l.sentences.map((s) => s.text));
	return {
		doc,
		sourceWord: /\bspeech\b/i.test(all) && speechCues >= 5 ? 'speech' : 'text',
		region,
		country,
		profile: { speaker: inferSpeaker(sentences), region, country },
		lowercaseWords,
		capitalWords,
		capitalModifiers,
		nounWords,
		verbWords,
		documentFrequency,
		sentenceCount
	};
}
