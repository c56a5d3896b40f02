/**
 * What the feedback on an answer shows besides the verdict: the question, the explanation and the
 * lesson's sentence, each only when it says something the others do not. Generated explanations
 * often quote the source sentence ("The speech says: …") and a fill-in's prompt is that sentence
 * with a blank, so shown together the student would read the same sentence two or three times.
 */

export interface FeedbackTextInput {
	prompt: string;
	explanation: string;
	/** The lesson sentence the question was made from ('' when unknown or hidden). */
	sentence: string;
	/** The key as shown to the student ('Correct answer'). */
	expected: string;
}

export interface FeedbackText {
	prompt: string;
	/** null: it only repeats the question with the key filled in. */
	explanation: string | null;
	/** null: the question or the explanation already quotes it. */
	sentence: string | null;
}

/**
 * Words of a text, lower-cased, without punctuation, quotation marks or blanks (`_____`); a
 * possessive's 's is a word of its own, so "_____'s" and "Tattimbet's" share it.
 */
export function words(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Share of the sentence's words that the text holds (each word counted as often as it occurs). */
function coverage(sentence: string[], text: string[]): number {
	if (sentence.length === 0) return 0;
	const left = new Map<string, number>();
	for (const w of text) left.set(w, (left.get(w) ?? 0) + 1);
	let found = 0;
	for (const w of sentence) {
		const n = left.get(w) ?? 0;
		if (n > 0) {
			found++;
			left.set(w, n - 1);
		}
	}
	return found / sentence.length;
}

/** A text quotes a sentence when it holds nearly all of its words (a blank or a key aside). */
const QUOTES = 0.8;

export function quotes(text: string, sentence: string): boolean {
	const s = words(sentence);
	return s.length >= 3 && coverage(s, words(text)) >= QUOTES;
}

/** A short lead-in before a colon: "The speech says:", "True or false:", "Complete the sentence…:". */
const LEAD_IN = /^[^:]{0,60}:\s+/;
const body = (text: string) => words(text.replace(LEAD_IN, ''));

/**
 * The explanation adds nothing when, past its lead-in, it is the question with the key filled in:
 * each of its words is in the question or the key, and it holds (nearly) all of the question's.
 * A true/false explanation that corrects the statement holds a word the question lacks: it stays.
 */
function repeatsQuestion(explanation: string, prompt: string, expected: string): boolean {
	const said = body(explanation);
	const asked = body(prompt);
	if (said.length < 3 || asked.length < 3) return false;
	const known = new Set([...asked, ...words(expected)]);
	return said.every((w) => known.has(w)) && coverage(asked, said) >= QUOTES;
}

export function feedbackText(input: FeedbackTextInput): FeedbackText {
	const prompt = input.prompt.trim();
	const rawExplanation = input.explanation.trim();
	const explanation =
		rawExplanation && !repeatsQuestion(rawExplanation, prompt, input.expected)
			? rawExplanation
			: null;
	const sentence = input.sentence.trim();
	const quoted = !sentence || quotes(prompt, sentence) || quotes(explanation ?? '', sentence);
	return { prompt, explanation, sentence: quoted ? null : sentence };
}
