/** Sentence splitting with wink-nlp plus repairs for joins that survive cleaning. */
import { analyseParagraph, type AnalysedSentence } from './nlp';

/** A glued sentence end wink did not separate: "Ermekov.The local places". */
const GLUED_END = /([a-z]{2,}[.!?]["']?)(?=[A-Z][a-z])/g;

export function splitSentences(paragraph: string): AnalysedSentence[] {
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
