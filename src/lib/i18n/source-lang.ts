import { detectLanguage } from '$lib/content/language';

type SourceLang = 'en' | 'ru' | 'kk';
// Every page asks for the same few titles and prompts again and again: their answers are kept.
const KNOWN_MAX = 2000;
const known = new Map<string, SourceLang | null>();

/**
 * The `lang` attribute for text shown in its source's language (a lesson, its questions) on a page
 * in another interface language: screen readers then read it with the right voice, and the page
 * says which words are the lesson's own. Undefined when the script says nothing clear.
 */
export function sourceLang(...texts: string[]): SourceLang | undefined {
	const text = texts.join('\n');
	let language = known.get(text);
	if (language === undefined) {
		const detected = detectLanguage(text);
		language = detected === 'other' ? null : detected;
		if (known.size >= KNOWN_MAX) known.clear();
		known.set(text, language);
	}
	return language ?? undefined;
}
