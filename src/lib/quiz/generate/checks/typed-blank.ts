/** Checks of a typed blank: is its key the one answer a student could write in it? */

import type { Registry } from '../analyse';
import type { Candidate } from '../candidate';
import { withoutQualifier } from '../accept-forms';
import type { Lexicon } from '../lexicon';
import { COUNTRIES } from '../profile';
import { STOPWORDS } from '../words';
import type { Refusal } from './refusal';

/** "two _____", "several _____": a count word before a plural blank. */
const COUNT_WORD =
	/\b(?:two|three|four|five|six|seven|eight|nine|ten|several|many|various|numerous)\s+_____/i;

/** What a state or a people does as well as its leader: "_____ supported the CIS". */
const STATE_VERB =
	/_____ (?:supported|opposed|signed|agreed|recogni[sz]ed|backed|rejected|proposed|announced|declared|demanded|sought|joined|refused|welcomed|condemned|approved|pursued|favou?red)\b/;

/** A compass adjective: "Southern Hemisphere", "Western Front". */
const COMPASS = /^(?:North|South|East|West)(?:ern)?$/;

/** A broad region: a compass part of a continent ("Southeast Asia", "Eastern Europe", "Central Asia"). */
const REGION =
	/^(?:the )?(?:(?:North|South)(?:east|west)?(?:ern)?|East(?:ern)?|West(?:ern)?|Central|Inner|Outer|Northern|Southern|Far|Near|Middle) (?:Asia|Europe|Africa|America|Siberia|Anatolia|Mediterranean)$/;

export function typedBlankRefusal(
	prompt: string,
	answer: string,
	c: Candidate,
	registry: Registry,
	lexicon: Lexicon
): Refusal | null {
	const words = answer.split(/\s+/);
	// "during the _____'s summer" for "Southern Hemisphere": a compass word before an everyday
	// noun is a description as much as a name, and "southern" or "Antarctic" fill it as truly.
	if (
		words.length === 2 &&
		COMPASS.test(words[0]) &&
		/^\p{Lu}\p{Ll}+$/u.test(words[1]) &&
		lexicon.isNoun(words[1].toLowerCase()) &&
		lexicon.perMillion(words[1].toLowerCase()) > 0
	)
		return 'typed name with other wordings';
	// "_____ cultures ... include the Srubna" for "Prehistoric Bronze Age": a broad qualifier
	// (an everyday adjective) before a name of its own; the bare name, or another qualifier
	// ("Indo-European"), fits the blank as well.
	if (withoutQualifier(answer, lexicon)) return 'typed name with other wordings';
	// "the _____, the declaration of principles" for "Alma-Ata Protocol": a document named after a
	// place or a person is written with the name alone, another spelling of it or another word for
	// the document ("Alma-Ata Declaration", "Almaty Protocol").
	if (words.length >= 2) {
		const last = words[words.length - 1].toLowerCase();
		const named = words.slice(0, -1).join(' ');
		// A range or a river of its own ("Tian Shan": "shan" is a language too) is no document.
		if (
			lexicon.nounTopic(last) === 'communication' &&
			lexicon.perMillion(last) > 1 &&
			registry.entryOf(answer)?.kind !== 'place' &&
			(!!registry.entryOf(named) || lexicon.perMillion(named.toLowerCase()) === 0)
		)
			return 'typed name with other wordings';
	}
	// "two _____ had fragmented" (khanates), "several _____, known as the Saka" (Indo-Iranians):
	// after a count word, any class noun fits a plural blank ("empires", "tribes", "peoples").
	if (COUNT_WORD.test(prompt) && /\p{Ll}s$/u.test(answer)) return 'class noun fits the blank';
	// A plural key term names a class ("khanates"): its siblings ("states", "dynasties") fit too.
	if (c.key.startsWith('term:') && /[^s]s$/.test(answer)) return 'class noun fits the blank';
	// "against _____: family members of traitors": an acronym spelled out beside its blank tests
	// only its letters.
	if (
		/^\p{Lu}{2,}$/u.test(answer) &&
		/_____\s*(?:[:(—–]|\s-\s|,\s*(?:i\.e\.|or|meaning)\b)/u.test(prompt)
	)
		return 'key given away by the prompt';
	// "unable to conquer _____", "moved westward into _____" for "Southeast Asia", "Eastern
	// Europe": a broad region has narrower and broader places that answer as truly (Vietnam, Japan,
	// Europe). Asked with options of its kind it has one answer; typed it has several.
	if (REGION.test(answer)) return 'typed name with other wordings';
	const entry = registry.entryOf(answer);
	// "ruled by _____ nobles": a name before a lower-case noun describes it, and every people's
	// word fits there ("Mongol", "Russian" beside "Rus").
	if (
		entry?.kind !== 'person' &&
		/^\p{Lu}[\p{L}-]+$/u.test(answer) &&
		/_____ (?!of\b|and\b|or\b|in\b|to\b|as\b|at\b|on\b|by\b|for\b|from\b|with\b|was\b|were\b|is\b|are\b|had\b|has\b)[a-z]{3,}s\b/.test(
			prompt
		)
	)
		return 'typed name with other wordings';
	// "... matters _____ supported the strengthening of the CIS": a leader's act is the state's
	// too, and the state fits the blank as well as the person.
	if (
		entry?.kind === 'person' &&
		STATE_VERB.test(prompt) &&
		(COUNTRIES.some((country) => prompt.includes(country)) ||
			(registry.ctx.country && prompt.includes(registry.ctx.country)))
	)
		return 'another subject fits the blank';
	const context = c.statement.context;
	// "... preoccupied by the Zunghar Oirats ... caught between the _____ and the Russians": a
	// people the context names (and its own sentence does not) is a rival answer for a people.
	if (context && /\p{Lu}\p{Ll}+s$/u.test(answer)) {
		const own = c.statement.text.slice(context.length + 1);
		const keyWords = new Set(answer.toLowerCase().split(/\s+/));
		for (const m of context.matchAll(/(?:\p{Lu}\p{Ll}+\s)*\p{Lu}\p{Ll}+[^su\s]s\b/gu)) {
			const rival = m[0].replace(/^(?:The|A|An|In|On|By|For|From)\s/, '');
			if (STOPWORDS.has(rival.toLowerCase()) || own.includes(rival)) continue;
			if (
				rival
					.toLowerCase()
					.split(/\s+/)
					.some((w) => keyWords.has(w))
			)
				continue;
			const rivalEntry = registry.entryOf(rival);
			if (!rivalEntry || rivalEntry === entry) continue;
			return 'rival answer in the context';
		}
	}
	return null;
}
