import { detectLanguage } from '$lib/content/language';

/**
 * The `lang` attribute for text shown in its source's language (a lesson, its questions) on a page
 * in another interface language: screen readers then read it with the right voice, and the page
 * says which words are the lesson's own. Undefined when the script says nothing clear.
 */
export function sourceLang(...texts: string[]): 'en' | 'ru' | 'kk' | undefined {
	const language = detectLanguage(texts.join('\n'));
	return language === 'other' ? undefined : language;
}
