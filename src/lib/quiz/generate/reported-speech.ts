/**
 * A sentence that reports what someone said through cut quotations ("... said that our country
 * appears as a "place of meeting and dialogue ...", is "an engine ..."") cannot be asked whole,
 * but who said what is a fact: it is told up to its first extract, the cut and the quote marks
 * dropped, with the asides a listener needs no longer ("as you know", "Recently,"):
 * "Pope Francis, who visited Kazakhstan in September, said in one of his sermons that our country
 * appears as a place of meeting and dialogue."
 */

const REPORTED = new RegExp(
	String.raw`^([^"“”«»]*?\b(?:said|says|wrote|writes|stated|states|noted|notes|declared|called)\b[^"“”«»]*?\bthat\s[^"“”«»]*?)["“«]\s*([^"“”«»]{3,80}?)\s*(?:\.\.\.|…)\s*["”»]`,
	'u'
);
const ASIDE = /,\s*(?:as (?:you|we|everyone) (?:know|knows|remember)|of course)\s*,/g;
const WHEN_SAID = /^(?:Recently|Lately|Not long ago),\s*/;

export function firstReportedExtract(sentence: string): string | null {
	const text = sentence
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^["“«„]\s*/, '');
	const m = text.match(REPORTED);
	if (!m) return null;
	const told = `${m[1]}${m[2].replace(/[,;:]+$/, '')}.`.replace(ASIDE, '').replace(WHEN_SAID, '');
	return told.charAt(0).toUpperCase() + told.slice(1);
}
