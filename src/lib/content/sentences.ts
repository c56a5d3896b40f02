/**
 * Sentence splitting: English with wink-nlp plus repairs for joins that survive cleaning; Russian
 * and Kazakh with Intl.Segmenter in that language (wink's model is English only).
 */
import { analyseParagraph, type AnalysedSentence } from './nlp';
import type { TextLanguage } from './language';

/** A glued sentence end wink did not separate: "Ermekov.The local places". */
const GLUED_END = /([a-z]{2,}[.!?]["']?)(?=[A-Z][a-z])/g;

export function splitSentences(
	paragraph: string,
	language: TextLanguage = 'en'
): AnalysedSentence[] {
	if (language === 'ru' || language === 'kk') return segmentSentences(paragraph, language);
	const out: AnalysedSentence[] = [];
	for (const s of analyseParagraph(paragraph)) {
		const pieces = GLUED_END.test(s.text) ? s.text.replace(GLUED_END, '$1\n').split('\n') : null;
		GLUED_END.lastIndex = 0;
		const parts = pieces ? pieces.flatMap((p) => analyseParagraph(p)) : [s];
		for (const part of parts) {
			const last = out.at(-1);
			// A lone quote mark or bracket is the tail of the previous sentence.
			if (last && /^["')\]\s]*$/.test(part.text)) last.text += part.text;
			else out.push(part);
		}
	}
	return out.map((s) => ({ ...s, text: s.text.trim() })).filter((s) => s.text !== '');
}

const segmenters = new Map<string, { sentences: Intl.Segmenter; words: Intl.Segmenter }>();

/**
 * Sentences of a Russian or Kazakh paragraph by Intl.Segmenter (Unicode's sentence rules with the
 * language's data), each with its words as tokens: lower-cased, the word itself as its stem, no
 * part of speech, so the English-only stages (question kinds) find nothing to ask about.
 */
function segmentSentences(paragraph: string, language: 'ru' | 'kk'): AnalysedSentence[] {
	let segmenter = segmenters.get(language);
	if (!segmenter) {
		segmenter = {
			sentences: new Intl.Segmenter(language, { granularity: 'sentence' }),
			words: new Intl.Segmenter(language, { granularity: 'word' })
		};
		segmenters.set(language, segmenter);
	}
	const out: AnalysedSentence[] = [];
	for (const { segment } of segmenter.sentences.segment(paragraph)) {
		const text = segment.trim();
		if (!text) continue;
		const tokens = [...segmenter.words.segment(text)]
			.filter((w) => w.isWordLike)
			.map((w) => {
				const normal = w.segment.toLocaleLowerCase(language);
				return { normal, stem: normal, pos: 'X', stop: false };
			});
		out.push({ text, tokens });
	}
	return out;
}
