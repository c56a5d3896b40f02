/** The one wink-nlp instance, loaded on first use (the model takes a moment to build). */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;

export function nlp(): Nlp {
	if (!instance) instance = winkNLP(model);
	return instance;
}

export interface Token {
	/** Lowercased surface form. */
	normal: string;
	stem: string;
	pos: string;
	stop: boolean;
}

export interface AnalysedSentence {
	text: string;
	tokens: Token[];
}

/** Sentences of one paragraph with their tokens, as wink-nlp sees them. */
export function analyseParagraph(text: string): AnalysedSentence[] {
	const n = nlp();
	const its = n.its;
	const doc = n.readDoc(text);
	const out: AnalysedSentence[] = [];
	const sentences = doc.sentences();
	for (let k = 0; k < sentences.length(); k++) {
		const sentence = sentences.itemAt(k);
		const tokens = sentence.tokens();
		const normal = tokens.out(its.normal) as string[];
		// The type definitions omit stem from the accepted functions; it works at run time.
		const stem = tokens.out(its.stem as unknown as typeof its.normal) as string[];
		const pos = tokens.out(its.pos) as string[];
		const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
		out.push({
			text: sentence.out(),
			tokens: normal.map((w, i) => ({ normal: w, stem: stem[i], pos: pos[i], stop: stop[i] }))
		});
	}
	return out;
}
