import type { SourceDocument } from '../../content/types';
import { generateBank } from '../../quiz/generate/bank';
import type { Question } from '../../quiz/types';
import { loadLexicon } from '../lexicon';

/**
 * The question bank of a document: generated for English texts; a Russian or Kazakh text (or one
 * in another script) becomes readable lessons without questions, which its teacher can add by hand.
 * The generators read English grammar and English word lists, so they are not run on other texts.
 */
export function bankFor(doc: SourceDocument): Record<string, Question[]> {
	if (doc.language) return Object.fromEntries(doc.lessons.map((lesson) => [lesson.slug, []]));
	return generateBank(doc, loadLexicon());
}
