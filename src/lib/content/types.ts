/** A sentence of a lesson. `index` is its 1-based position in the lesson (anchor `#s-N`). */
export interface Sentence {
	index: number;
	/** 0-based index of the paragraph within the lesson. */
	paragraph: number;
	/** Plain text; a sentence of verse keeps the line breaks ("\n") inside it. */
	text: string;
	/** True for a sentence of a verse block (a quoted poem, an epigraph): not a statement to ask about. */
	verse?: boolean;
}

/** A number in the text together with what it counts ("85%" -> "share of the country's steel"). */
export interface KeyFigure {
	/** As written in the text, e.g. "4.2 million", "85%", "500 kilometers", "2007". */
	value: string;
	/** Numeric value, e.g. 4200000, 85, 500, 2007. */
	number: number;
	/** Unit shown with it: "%", "hectares", "kilometers", "places", "" when none. */
	unit: string;
	/** What it counts, a short noun phrase from the sentence. */
	counts: string;
	/** Hedge before the number: "more than", "about", "almost", "" when none. */
	hedge: string;
	kind: 'quantity' | 'percent' | 'year' | 'ordinal';
	sentenceIndex: number;
	/** Value of the whole this figure is part of ("4.2 million hectares ... of which 1.1 million"). */
	partOf?: string;
}

export type EntityKind = 'person' | 'place' | 'organization' | 'programme' | 'award' | 'other';

/** A person, place or named thing with its role in the text. Variants are spellings of one name. */
export interface Entity {
	name: string;
	kind: EntityKind;
	/** e.g. "writer born in the region", "leader of the Alash movement". Empty when the text says none. */
	role: string;
	variants: string[];
	/** Sentence indexes (within the lesson) that mention it. */
	mentions: number[];
}

export interface Lesson {
	slug: string;
	title: string;
	topic: string;
	/** Two or three sentences taken from the lesson itself. */
	summary: string;
	paragraphs: string[];
	/**
	 * 0-based indexes of the paragraphs that are verse (a quoted poem, an epigraph, with its
	 * attribution line), in order; absent when there are none. A verse paragraph keeps one line of
	 * verse per line ("\n"): show `paragraphs[p]` line by line. Its sentences (all `verse: true`)
	 * keep the breaks inside them; a break between two sentences is only in the paragraph.
	 */
	verseParagraphs?: number[];
	sentences: Sentence[];
	figures: KeyFigure[];
	entities: Entity[];
	wordCount: number;
	readingMinutes: number;
}

export interface SourceDocument {
	title: string;
	/** Source credit such as a byline ("By the Kazakhstanskaya Pravda"); empty when none. */
	credit: string;
	lessons: Lesson[];
	/**
	 * The text's language (content/language) when it is not English: questions are generated for
	 * English texts only so far. Absent for English.
	 */
	language?: 'ru' | 'kk' | 'other';
}
