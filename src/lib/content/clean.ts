/**
 * Faithful cleaning of noisy source text: fixes typography and obvious joins, never rewrites wording.
 * Quotes become straight ASCII quotes everywhere so every later step sees one convention.
 */

const SAID_VERBS =
	'said|says|stated|noted|added|stressed|emphasized|emphasised|explained|concluded';

/** Wikipedia's maintenance tags: "[citation needed]", "[who?]", "[dubious – discuss]". */
const TAG = String.raw`[A-Za-z][a-z]*(?: [a-z]+){0,3} needed|(?:who|whom|by whom|according to whom|when|where|which|why|how|original research|dubious|disputed|failed verification|not in citation given|unreliable source|improper synthesis|vague|ambiguous|clarify|contradictory|update|needs update)\??(?: [–—-] discuss)?`;
/**
 * Reference markers of encyclopedia text, written right after a word or punctuation mark:
 * "Atbasar,[1]", "cultures.[4]", "Saka[5][6]", "residents [22] and", "[note 3]", "[nb 1]",
 * "[citation needed]", "[who?]", a lettered note "[a]", a page after the number "[5]:23".
 * Lettered notes must follow the word or mark directly; the others may follow a space too. Brackets that
 * hold words of the text stay ("[Chinggis Khan]", "[Laughter]", "[sic]", a year "[1920]"), and so
 * does a marker at the start of a line (a footnote of a reference list).
 */
const CITATION = new RegExp(
	String.raw`(?<=[^\s[])(?:[ ]*\[(?:\d{1,3}|(?:[Nn]otes?|NB|[Nn][Bb]?|[Ff]n)[ .]?\d{1,3}|${TAG})\]` +
		String.raw`(?::(?:pp?\.)?\d{1,4}(?:[–-]\d{1,4})?)?|\[[a-z]{1,2}\])+`,
	'g'
);

/** Removes reference markers with the spaces before them; one between two words leaves a space. */
export function removeCitations(text: string): string {
	return text.replace(CITATION, (m: string, at: number, all: string) =>
		/[\p{L}\p{N}]/u.test(all[at + m.length] ?? '') ? ' ' : ''
	);
}

/**
 * The longest run of characters without a space that is read as a word. Stemming and several
 * patterns take time that grows with the square of a word's length, so a longer run (a key held
 * down, a pasted hash or data URL) is no word: it is dropped before anything reads the text, and
 * the pipeline's time stays linear in the text's length.
 */
export const MAX_WORD_CHARS = 100;

/** The text without its runs of more than MAX_WORD_CHARS characters between spaces. */
export function dropOverlongWords(text: string): string {
	// Each run is matched once, greedily: linear in the text's length.
	return text.replace(/\S+/g, (run) => (run.length > MAX_WORD_CHARS ? '' : run));
}

/**
 * Whole-text normalisation: overlong "words", line endings, odd spaces, typographic quotes,
 * reference markers.
 */
export function normaliseText(text: string): string {
	const plain = dropOverlongWords(text)
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
		.replace(/\u200B|\u200C|\u200D|\u2060/g, '')
		.replace(/\t/g, ' ')
		.replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"')
		.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'");
	return removeCitations(plain).replace(/[ ]+$/gm, '');
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
