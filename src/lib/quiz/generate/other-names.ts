/**
 * Other names a text gives a thing beside its name: "the Oxus River, the present-day Amu Darya",
 * "Vernyi (now Almaty)", "the Syr Darya, also called the Jaxartes". A student who writes either
 * name is right wherever the text asks for one of them.
 */

import type { SourceDocument } from '../../content/types';

const NAME = String.raw`\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){0,3}`;
const RENAMED = new RegExp(
	String.raw`(?:the )?(${NAME}),? (?:\(|, )?(?:the |a )?(?:present[- ]day|modern[- ]day|today's|now called|now known as|(?<=\()now|(?:also |better )?known (?:today )?as|also called|formerly) (?:the )?(${NAME})`,
	'gu'
);

const byDocument = new WeakMap<SourceDocument, Map<string, string[]>>();

/** otherNames, read once per document. */
export function otherNamesOf(doc: SourceDocument): Map<string, string[]> {
	let names = byDocument.get(doc);
	if (!names) byDocument.set(doc, (names = otherNames(doc)));
	return names;
}

/** Each name of the text with the other names it gives it (both ways), from every sentence. */
export function otherNames(doc: SourceDocument): Map<string, string[]> {
	const names = new Map<string, string[]>();
	const link = (a: string, b: string) => {
		const list = names.get(a) ?? [];
		if (!list.includes(b)) list.push(b);
		names.set(a, list);
	};
	for (const lesson of doc.lessons)
		for (const s of lesson.sentences)
			for (const [, first, second] of s.text.matchAll(RENAMED)) {
				const name = first.replace(/^The /, '');
				if (name === second) continue;
				link(name, second);
				link(second, name);
			}
	return names;
}
