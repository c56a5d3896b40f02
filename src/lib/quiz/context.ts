/** Facts about the whole document that the rewriter and generators need. */

import type { SourceDocument } from '../content/types';
import { tokens } from './words';

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
	/** How many sentences of the document mention each lower-cased word. */
	documentFrequency: Map<string, number>;
	sentenceCount: number;
}

const COUNTRIES = [
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

export const PRESIDENT_ALIAS =
	/\b(?:president|head of state|tokayev|tokaev|kassym|jomart|zhomart)\b/i;

export function buildContext(doc: SourceDocument): DocContext {
	const lowercaseWords = new Set<string>();
	const capitalWords = new Set<string>();
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
			for (const m of text.matchAll(/(?<=[a-z,;] )[a-z][a-z'-]*/g)) lowercaseWords.add(m[0]);
			for (const m of text.matchAll(/(?<=[\p{L},;] )\p{Lu}[\p{L}-]*/gu)) capitalWords.add(m[0]);
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
	return {
		doc,
		sourceWord: /\bspeech\b/i.test(all) && speechCues >= 5 ? 'speech' : 'text',
		region: top(regionCounts, 3),
		country: top(countryCounts, 3),
		lowercaseWords,
		capitalWords,
		nounWords,
		verbWords,
		documentFrequency,
		sentenceCount
	};
}
