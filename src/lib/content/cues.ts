/**
 * Generic English discourse cues at the start of a paragraph. Reports of speeches and articles
 * announce a new topic ("Then the head of state...", "also raised the issues of") and mark a
 * continuation ("Along with this", "He also", "However").
 */

const SHIFT_STRONG = [
	/^(?:then|next|finally|lastly|in conclusion|turning to|moving on|at the end of|at the close of)\b/i,
	/\b(?:dwelled|dwelt|touched (?:up)?on|turned to|moved on to|drew attention to|focused on)\b/i,
	/\b(?:raised|addressed|named|discussed|highlighted)\b[^.]{0,90}\b(?:issues?|questions?|topics?|problems?)\b/i,
	/\bthe (?:issue|question|topic|problem) of\b/i,
	/^(?:another|a further|the next|the last|the final) (?:issue|question|topic|area|point|priority)\b/i
];

const SHIFT_WEAK = [
	/^(?:speaking (?:about|of)|regarding|as for|as to|concerning|with regard to|on the (?:subject|topic) of|in terms of)\b/i,
	/\b(?:raise[sd]?|spoke about|talked about|turned attention)\b/i
];

const CONTINUE = [
	/^(?:along with this|in addition|additionally|moreover|furthermore|besides|also|at the same time|however|but|and|therefore|thus|hence|so|yet|still|meanwhile|likewise|similarly|in this regard|in this connection|for example|for instance|as a result|in particular|according to (?:him|her|them))\b/i,
	/^(?:this|these|that|those|such|he|she|it|they|his|her|its|their|there)\b/i
];

const FULL_NAME_OPENING =
	/^(?!(?:The|A|An|This|That|Our|Its|In|On|At)\b)\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)? \p{Lu}[\p{Ll}]+ [a-z]+ed\b/u;

/** Positive when the paragraph opens a new topic, negative when it continues the last one. */
export function cueScore(firstSentence: string): number {
	const s = firstSentence.trim().replace(/^["'(]+/, '');
	let score = 0;
	if (SHIFT_STRONG.some((r) => r.test(s))) score += 1.5;
	// "He also spoke about": an addition to the current topic rather than a new one.
	else if (SHIFT_WEAK.some((r) => r.test(s)) && !/\balso\b/i.test(s)) score += 0.5;
	// News style: a paragraph that opens with the actor's full name starts a new thread.
	else if (FULL_NAME_OPENING.test(s)) score += 0.5;
	if (CONTINUE.some((r) => r.test(s))) score -= 1.5;
	return score;
}

/** Paragraph that opens with a quotation: reported speech that continues the paragraph before. */
export function opensWithQuote(text: string): boolean {
	return /^["']/.test(text.trim());
}
