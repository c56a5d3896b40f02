/** Lesson titles and topic labels built from the lesson's own key phrases (TF-IDF over lessons). */
import type { AnalysedSentence } from './nlp';
import { isContentToken } from './terms';

export interface Phrase {
	/** Stems joined by spaces: identity of the phrase. */
	key: string;
	/** Most frequent surface form. */
	text: string;
	words: number;
	count: number;
	proper: boolean;
	/** Named in the lesson's first sentence, which usually announces its topic. */
	opening?: boolean;
}

const NOUNISH = new Set(['NOUN', 'PROPN']);
const SMALL_WORDS = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'in', 'on', 'for', 'to', 'at', 'with', 'by']);

/** Noun phrases (up to three words, ending in a noun) of a group of sentences. */
export function phrasesOf(sentences: AnalysedSentence[]): Map<string, Phrase> {
	const found = new Map<string, { forms: Map<string, number>; phrase: Phrase }>();
	const fresh = (key: string, text: string, words: number): Phrase => ({ key, text, words, count: 0, proper: false });
	for (const s of sentences) {
		const toks = s.tokens;
		// Join hyphenated words ("single-industry") into one word.
		const words: { text: string; stem: string; pos: string; ok: boolean }[] = [];
		for (let i = 0; i < toks.length; i++) {
			const t = toks[i];
			const prev = words.at(-1);
			if (t.normal === '-' && prev && toks[i + 1] && /\p{L}/u.test(toks[i + 1].normal)) {
				const next = toks[++i];
				prev.text += '-' + next.normal;
				prev.stem += '-' + next.stem;
				prev.pos = next.pos;
				prev.ok = prev.ok || isContentToken(next);
				continue;
			}
			words.push({ text: t.normal, stem: t.stem, pos: t.pos, ok: isContentToken(t) });
		}
		const surface = s.text;
		let run: typeof words = [];
		const flush = () => {
			for (let end = run.length; end > 0; end--) {
				if (!NOUNISH.has(run[end - 1].pos) || !run[end - 1].ok) continue;
				for (let len = 1; len <= 4 && end - len >= 0; len++) {
					const part = run.slice(end - len, end);
					if (!part[0].ok || /ing$/.test(part[0].text) || part.some((w) => /\d/.test(w.text))) continue;
					// A name after a common noun is an apposition ("writers Saken"), not one phrase.
					const firstCommon = part.findIndex((w) => w.pos !== 'PROPN');
					if (firstCommon !== -1 && part.slice(firstCommon).some((w) => w.pos === 'PROPN')) continue;
					if (len === 4 && part.some((w) => w.pos !== 'PROPN')) continue;
					const key = part.map((w) => w.stem).join(' ');
					const lower = part.map((w) => w.text).join(' ');
					const form = originalCase(surface, lower);
					const entry = found.get(key) ?? {
						forms: new Map(),
						phrase: fresh(key, form, len)
					};
					entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
					entry.phrase.count++;
					if (s === sentences[0]) entry.phrase.opening = true;
					if (part.some((w) => w.pos === 'PROPN') && /\p{Lu}/u.test(form)) entry.phrase.proper = true;
					found.set(key, entry);
				}
			}
			run = [];
		};
		for (const w of words) {
			if (w.pos === 'ADJ' || NOUNISH.has(w.pos)) run.push(w);
			else flush();
		}
		flush();
	}
	const out = new Map<string, Phrase>();
	for (const [key, { forms, phrase }] of found) {
		phrase.text = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
		out.set(key, phrase);
	}
	return out;
}

/** The phrase as written (keeps "Balkhash" capitalised), found case-insensitively. */
function originalCase(surface: string, lower: string): string {
	const escaped = lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
	const m = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'iu').exec(surface);
	return m ? m[0].replace(/\s+/g, ' ') : lower;
}

export interface ScoredPhrase extends Phrase {
	score: number;
}

/** Key phrases of each lesson, best first, scored against the other lessons. */
export function keyPhrases(lessons: Map<string, Phrase>[]): ScoredPhrase[][] {
	const df = new Map<string, number>();
	for (const l of lessons) for (const k of l.keys()) df.set(k, (df.get(k) ?? 0) + 1);
	const n = lessons.length;
	return lessons.map((l) => {
		const scored: ScoredPhrase[] = [];
		for (const p of l.values()) {
			const idf = Math.log((n + 1) / (df.get(p.key) ?? 1)) + (n === 1 ? 1 : 0);
			const lengthBoost = 1 + 0.6 * (p.words - 1);
			const score = (1 + Math.log(p.count)) * idf * lengthBoost * (p.proper ? 1.3 : 1) * (p.opening ? 1.6 : 1);
			if (score > 0) scored.push({ ...p, score });
		}
		return scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
	});
}

/** Two best phrases that do not repeat each other's words. */
function pickTwo(phrases: ScoredPhrase[]): ScoredPhrase[] {
	const out: ScoredPhrase[] = [];
	for (const p of phrases) {
		const stems = p.key.split(/[ -]/);
		if (out.some((q) => q.key.split(/[ -]/).some((s) => stems.includes(s)))) continue;
		out.push(p);
		if (out.length === 2) break;
	}
	return out;
}

export function titleFrom(phrases: ScoredPhrase[]): string {
	const best = pickTwo(phrases);
	if (best.length === 0) return 'Lesson';
	return titleCase(best.map((p) => p.text).join(' and '));
}

export function topicFrom(phrases: ScoredPhrase[]): string {
	const best = pickTwo(phrases.filter((p) => p.words <= 2));
	return best.map((p) => p.text.toLowerCase()).join(' and ') || 'general';
}

export function titleCase(s: string): string {
	return s
		.split(' ')
		.map((w, i) => {
			if (i > 0 && SMALL_WORDS.has(w.toLowerCase())) return w.toLowerCase();
			if (/\p{Lu}/u.test(w.slice(1))) return w;
			return w.replace(/(^|[-\u2013])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
		})
		.join(' ');
}
