/**
 * Faithful cleaning of noisy source text: fixes typography and obvious joins, never rewrites wording.
 * Quotes become straight ASCII quotes everywhere so every later step sees one convention.
 */

const SAID_VERBS =
	'said|says|stated|noted|added|stressed|emphasized|emphasised|explained|concluded';

/** Whole-text normalisation: line endings, odd spaces, typographic quotes. */
export function normaliseText(text: string): string {
	return text
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
		.replace(/\u200B|\u200C|\u200D|\u2060/g, '')
		.replace(/\t/g, ' ')
		.replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"')
		.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
		.replace(/[ ]+$/gm, '');
}

/** Repairs one paragraph (already a single line). */
export function cleanParagraph(text: string): string {
	let s = text.replace(/\s+/g, ' ').trim();
	// "highway.All", "Ermekov.The", "year.I also": a sentence end glued to the next sentence.
	s = s.replace(/([a-z]{2,}[.!?]["']?)([A-Z])(?=[a-z]|\s)/g, '$1 $2');
	// "country,aimed": a comma glued to the next word.
	s = s.replace(/([a-z]),([a-z])/g, '$1, $2');
	// "opinion", - said": a dash after the closing quote of reported speech.
	s = s.replace(/(["'])\s*,\s*[-\u2013\u2014]\s+(?=[a-z])/g, ',$1 ');
	// Spaced hyphen between two names is a range ("Karaganda - Zhezkazgan"), otherwise a dash.
	s = s.replace(/\b([A-Z][\p{L}]+) - ([A-Z][\p{L}]+)/gu, '$1\u2013$2');
	s = s.replace(/ -{1,2} /g, ' \u2013 ');
	// "Bukeihan , a native": a stray space before punctuation (an ellipsis keeps its space).
	s = s.replace(/([\p{L}\p{N}]) +([,;:!?]|\.(?!\.))/gu, '$1$2');
	s = repairSplitSpeaker(s);
	return s;
}

/**
 * `"...," Kassym said. Zhomart Tokaev.` — a hyphenated first name split around the reporting verb
 * becomes `"...," Kassym-Zhomart Tokaev said.` Only applies when the trailing fragment is nothing but
 * capitalised name words ending the paragraph.
 */
export function repairSplitSpeaker(s: string): string {
	const pattern = new RegExp(
		`(["'] )([A-Z][a-z]+) (${SAID_VERBS})\\. ([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\\.$`
	);
	return s.replace(pattern, (_m, lead: string, first: string, verb: string, rest: string) => {
		const [second, ...others] = rest.split(' ');
		const name = [`${first}-${second}`, ...others].join(' ');
		return `${lead}${name} ${verb}.`;
	});
}
