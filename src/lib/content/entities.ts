/**
 * Named entities with roles. Capitalised chunks are typed by context cues ("born", "writers",
 * "region", "city of", "JSC", "national project", "order", "awarded to ... head of ..."), and
 * spelling variants are merged with phonetic keys. No library types Kazakh names; this does.
 */
import type { Entity, EntityKind } from './types';
import { ENTITY_RUN, entityWords, nameInRun, type EntityWords } from './name-spans';
import { phoneticKey, sameNameWord } from './names';

interface Mention {
	lesson: number;
	sentence: number;
	text: string;
	kind: EntityKind;
	role: string;
	/** Role the sentence gives if this word turns out to name a person. */
	personRole?: string;
}

const ORG_WORDS =
	/\b(?:JSC|LLP|LLC|Ltd|Inc|University|Ministry|Union|Council|Company|Corporation|Bank|Institute|Agency|Committee|Commission|Party|Association|Foundation|School|Hospital|Museum)\b/;
const THING_WORDS =
	/\b(?:Code|Plan|Law|Act|Treaty|Agreement|Strategy|Concept|Doctrine|Corridor|Zone|Street|Avenue|Square|Park|Highway|Road|Day|War)$/;
const PLACE_AFTER =
	/^\s+(?:[a-z]+\s+)?(?:region|land|city|district|mountains?|lake|river|oblast|province|village|zone|steppe)\b/i;
const PLACE_BEFORE =
	/\b(?:heart of|city of|town of|village of|republic of|lake|in|to|from|through|across|near|visited)\s+$/i;
const PROGRAMME_AFTER = /^\s+(?:national\s+)?(?:project|programme|program|initiative|strategy)\b/i;
const MOVEMENT_AFTER = /^\s+(?:movement|party)\b/i;
const ROLE_NOUNS =
	'head|director|chairman|chairwoman|chair|trainer-teacher|teacher|trainer|engineer|worker|manager|founder|minister|governor|mayor|doctor|chief|deputy|member|captain|coach|professor|scientist|author|editor';

export function findEntities(lessons: string[][][]): Entity[][] {
	const sentences = lessons.map((paragraphs) => paragraphs.flat());
	const context: Context = { ...entityWords(sentences.flat()), places: new Set() };
	const run = (out: Mention[]) =>
		sentences.forEach((list, lesson) =>
			list.forEach((text, i) => collect(text, lesson, i + 1, context, out, list[i - 1] ?? ''))
		);
	const first: Mention[] = [];
	run(first);
	for (const m of first)
		if (m.kind === 'place' && !m.text.includes(' ')) context.places.add(m.text);
	const mentions: Mention[] = [];
	run(mentions);
	const standalone = new Set<string>();
	for (const m of mentions)
		if (m.kind !== 'person' && !m.text.includes(' ')) standalone.add(m.text);
	return group(splitKnownPrefixes(mentions, standalone), lessons.length);
}

interface Context extends EntityWords {
	/** Single words used as places somewhere ("in Kazakhstan"). */
	places: Set<string>;
}

function collect(
	text: string,
	lesson: number,
	sentence: number,
	context: Context,
	out: Mention[],
	previous: string
): void {
	const push = (name: string, kind: EntityKind, role: string, personRole?: string) =>
		out.push({ lesson, sentence, text: name.replace(/[.,;:]+$/, ''), kind, role, personRole });
	for (const named of quotedNames(text)) push(named.name, named.kind, named.role);
	const quoted = [...text.matchAll(/"[^"]*"/g)].map((q) => [
		q.index ?? 0,
		(q.index ?? 0) + q[0].length
	]);
	for (const m of text.matchAll(ENTITY_RUN)) {
		const start = m.index ?? 0;
		if (
			quoted.some(([a, b]) => start > a && start < b) &&
			/(?:order|medal|project|JSC|LLP)\s+"$/i.test(text.slice(0, start))
		)
			continue;
		const programme = /^(?:The\s+)?(.+?)\s+National\s+(?:Project|Programme|Program)$/.exec(m[0]);
		if (programme) {
			push(programme[1], 'programme', 'national project');
			continue;
		}
		const chunk = nameInRun(text, m[0], start, context);
		if (!chunk) continue;
		const { words, offset } = chunk;
		const before = text.slice(0, offset);
		const after = text.slice(start + m[0].length);
		const { kind, ...label } = classify(chunk.name, words, m[0], before, after, context);
		let { name, role } = label;
		// "Treasurer Anika Sharma": an occupation written before the name is a role.
		const occupation =
			/^(\p{Lu}\p{Ll}+(?:er|or|ist|ant|man|woman)) (\p{Lu}\p{Ll}+ \p{Lu}[\p{L}-]+)$/u.exec(name);
		if (kind === 'person' && occupation) {
			name = occupation[2];
			role = occupation[1].toLowerCase();
		}
		if (kind === 'person') role = role || personRole(text, name);
		if (kind === 'place') role = placeRole(text, previous, role);
		// A lone word used as an adjective ("Kazakh art") is not an entity.
		if (kind === 'other' && words.length === 1 && /^\s+(?!and\b|or\b)\p{Ll}/u.test(after)) continue;
		push(
			name,
			kind,
			role,
			kind === 'other' && words.length === 1 ? personRole(text, name) : undefined
		);
	}
}

/** Quoted names after a cue: order "Kurmet", national project "Comfortable School", JSC "…". */
function* quotedNames(text: string): Generator<{ name: string; kind: EntityKind; role: string }> {
	for (const m of text.matchAll(
		/\b(order|medal|prize|award|national project|project|programme|program)\s+"([^"]{2,80})"/gi
	)) {
		const cue = m[1].toLowerCase();
		const award = /order|medal|prize|award/.test(cue);
		yield {
			name: m[2].trim(),
			kind: award ? 'award' : 'programme',
			role: award ? cue : 'national project'
		};
	}
	for (const m of text.matchAll(/\b(JSC|LLP|LLC)\s+"([^"]{2,80})"/g))
		yield { name: `${m[2]} ${m[1]}`, kind: 'organization', role: '' };
}

/** What a name is, told by its own words and the words around it. */
function classify(
	found: string,
	words: string[],
	chunk: string,
	before: string,
	after: string,
	{ places }: Context
): { name: string; kind: EntityKind; role: string } {
	let name = found;
	let kind: EntityKind = 'other';
	let role = '';
	if (ORG_WORDS.test(name)) kind = 'organization';
	else if (/^Pope\s/.test(name)) [kind, role] = ['person', 'Pope'];
	else if (PROGRAMME_AFTER.test(after) || /\bNational Project$/i.test(name)) {
		name = name.replace(/\s+National Project$/i, '');
		[kind, role] = ['programme', 'national project'];
	} else if (MOVEMENT_AFTER.test(after))
		[kind, role] = ['organization', after.trim().split(/\s/)[0]];
	else if (PLACE_AFTER.test(after) || /^(?:Lake|Republic)\b/.test(name)) {
		kind = 'place';
		role = PLACE_AFTER.exec(after)?.[0].trim().toLowerCase() ?? '';
	} else if (PLACE_BEFORE.test(before) && words.length === 1) {
		kind = 'place';
		role = /\b(city|town|village) of\s+$/i.exec(before)?.[1].toLowerCase() ?? '';
	} else if (/^\s+(?:ata|mountains)\b/.test(after)) kind = 'place';
	// "Kazakhs have revered Karkaraly and Shaitankol": places people hold sacred.
	else if (/\bhave revered\b/.test(before) && words.length <= 2) kind = 'place';
	else if (
		words.length >= 2 &&
		words.length <= 3 &&
		words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !places.has(w)) &&
		!THING_WORDS.test(name)
	)
		kind = 'person';
	else if (/['\u2019]s$/.test(chunk)) kind = 'person';
	return { name, kind, role };
}

function personRole(text: string, name: string): string {
	const roles: string[] = [];
	const at = text.indexOf(name);
	const after = text.slice(at + name.length);
	const before = text.slice(0, at);
	const apposition =
		/^,\s+(?:a|an|the)?\s*((?:native|head|director|chairman|engineer|teacher|leader|member|founder|author|minister|governor)\b[^,.;]*)/.exec(
			after
		);
	if (apposition) roles.push(apposition[1].trim());
	const preceding = new RegExp(`\\bthe ((?:${ROLE_NOUNS})\\b[^,;]{0,160}?)\\s*$`).exec(before);
	if (!roles.length && preceding) roles.push(preceding[1].trim());
	const leader = /\b[Ll]eaders? of the (\p{Lu}[\p{L}-]+)(?:\s+\p{Lu}[\p{L}-]+)?\s+movement\b/u.exec(
		text
	);
	if (leader && !roles.length) roles.push(`leader of the ${leader[1]} movement`);
	if (/\bwriters?\b/i.test(text) && !roles.length) roles.push('writer');
	const born =
		/\bborn (on|in) ((?:this |the )?(?:[\p{L}-]+ ){0,2}?(?:land|region|city|village|town))\b/u.exec(
			text
		);
	if (born && roles.length) roles[0] += `, born ${born[1]} ${born[2]}`;
	const award = /\b(order|medal) "([^"]+)"[^"]*?\bawarded to\b/i.exec(text);
	if (award) roles.push(`awarded the ${award[1].toLowerCase()} ${award[2]}`);
	return roles.join('; ');
}

function placeRole(text: string, previous: string, cue: string): string {
	const revered = /\b(\p{Lu}\p{L}+) have revered\b/u.exec(text);
	if (revered) {
		const attraction = /natural attractions?/i.test(previous + text) ? 'natural attraction ' : '';
		return `${attraction}revered by ${revered[1]}`;
	}
	return cue;
}

/** "Alash Alikhan" followed by "movement": the known name "Alash" plus a leftover word. */
function splitKnownPrefixes(mentions: Mention[], standalone: Set<string>): Mention[] {
	const out: Mention[] = [];
	for (const m of mentions) {
		const words = m.text.split(' ');
		if (words.length === 2 && standalone.has(words[0]) && m.kind !== 'person') {
			out.push({ ...m, text: words[0] }, { ...m, text: words[1], kind: 'person', role: '' });
		} else out.push(m);
	}
	return out;
}

interface Cluster {
	mentions: Mention[];
	kind: EntityKind;
}

function group(mentions: Mention[], lessonCount: number): Entity[][] {
	const clusters: Cluster[] = [];
	const byKey = new Map<string, Cluster>();
	const keyOf = (m: Mention) =>
		phoneticKey(m.text.replace(/\s+(?:JSC|LLP|LLC)$|^(?:JSC|LLP|LLC)\s+/g, '')).replace(/ /g, '');
	// Multi-word names first so single words can join the person they belong to.
	const ordered = [...mentions].sort((a, b) => b.text.split(' ').length - a.text.split(' ').length);
	for (const m of ordered) {
		const key = keyOf(m);
		let cluster = byKey.get(key);
		if (!cluster && m.kind === 'person' && m.text.includes(' '))
			cluster = clusters.find((c) => c.kind === 'person' && samePerson(c, m.text));
		if (!cluster && !m.text.includes(' ') && m.kind !== 'place') {
			const candidates = clusters.filter(
				(c) =>
					c.kind === 'person' &&
					c.mentions.some((x) =>
						x.text
							.split(' ')
							.some((w) => sameNameWord(w.replace(/^.*-/, ''), m.text) || sameNameWord(w, m.text))
					)
			);
			if (candidates.length === 1) cluster = candidates[0];
		}
		if (!cluster) {
			cluster = { mentions: [], kind: m.kind };
			clusters.push(cluster);
		}
		if (cluster.kind === 'other' && m.kind !== 'other') cluster.kind = m.kind;
		if (cluster.kind === 'person' && m.kind === 'other') m.role = m.personRole ?? '';
		cluster.mentions.push(m);
		byKey.set(key, cluster);
	}
	const result: Entity[][] = Array.from({ length: lessonCount }, () => []);
	const firstSeen = (c: Cluster) => Math.min(...c.mentions.map((m) => m.lesson * 1e4 + m.sentence));
	for (const c of clusters.sort((a, b) => firstSeen(a) - firstSeen(b))) {
		if (c.kind === 'other' && c.mentions.length < 2) continue;
		const names = [...new Set(c.mentions.map((m) => m.text))];
		const full = names.filter((n) => n.includes(' '));
		const count = (n: string) => c.mentions.filter((m) => m.text === n).length;
		const name = [...(full.length ? full : names)].sort((a, b) => count(b) - count(a))[0];
		const roles = [...new Set(c.mentions.map((m) => m.role).filter(Boolean))];
		const role = roles
			.sort((a, b) => b.length - a.length)
			.slice(0, 2)
			.join('; ');
		for (let l = 0; l < lessonCount; l++) {
			const here = c.mentions.filter((m) => m.lesson === l);
			if (!here.length) continue;
			result[l].push({
				name,
				kind: c.kind,
				role,
				variants: names,
				mentions: [...new Set(here.map((m) => m.sentence))].sort((a, b) => a - b)
			});
		}
	}
	return result;
}

/** Same person: every word of the shorter name matches a word of the longer one. */
function samePerson(c: Cluster, name: string): boolean {
	const words = name.split(/[\s-]+/);
	return c.mentions.some((m) => {
		if (!m.text.includes(' ')) return false;
		const other = m.text.split(/[\s-]+/);
		const [short, long] = words.length <= other.length ? [words, other] : [other, words];
		return short.every((w) => long.some((o) => sameNameWord(w, o)));
	});
}
