/** Every usable statement of the document with its names and numbers, and names grouped by spelling. */

import type { SourceDocument } from '../../content/types';
import { buildContext, type DocContext } from './profile';
import { findNames, findRoles, type NameKind, type NameMention, type PersonRole } from './facts';
import { sameName, normalizeName } from './names';
import { findNumbers, type NumberMention } from './numbers';
import { lessonStatements, type Statement } from './statements';
import { contentWords } from './words';

export interface AnalysedStatement extends Statement {
	lessonIndex: number;
	names: NameMention[];
	numbers: NumberMention[];
	roles: PersonRole[];
	words: Set<string>;
}

export interface NameEntry {
	name: string;
	kind: NameKind;
	variants: string[];
	/** Statements mentioning it (by index into Registry.statements). */
	mentions: number[];
	roles: string[];
	countryLike: boolean;
	sub?: string;
}

export interface Registry {
	ctx: DocContext;
	statements: AnalysedStatement[];
	byLesson: AnalysedStatement[][];
	names: NameEntry[];
	byKind: Map<string, NameEntry[]>;
	entryOf: (name: string) => NameEntry | undefined;
}

/** Names are typed by this module's own cues; the content module's entity kinds are not needed. */
export function buildRegistry(doc: SourceDocument): Registry {
	const ctx = buildContext(doc);
	const byLesson = doc.lessons.map((lesson, lessonIndex) =>
		lessonStatements(lesson, ctx).map((s) => analyse(s, lessonIndex, ctx))
	);
	const statements = byLesson.flat();
	const book = nameBook();
	statements.forEach((s, i) => {
		for (const m of s.names) {
			const e = book.add(m.text, m.kind, i);
			if (m.sub && !e.sub) e.sub = m.sub;
		}
		for (const r of s.roles) {
			const e = book.find(r.person);
			if (e && !e.roles.includes(r.role)) e.roles.push(r.role);
		}
	});
	const names = book.settle(ctx.country);
	const byKind = new Map<string, NameEntry[]>();
	for (const e of names) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
	return { ctx, statements, byLesson, names, byKind, entryOf: book.find };
}

function analyse(s: Statement, lessonIndex: number, ctx: DocContext): AnalysedStatement {
	// Keys come from the statement's own sentence, not from the sentence told before it.
	const own = s.context ? s.context.length + 1 : 0;
	const names = findNames(s, ctx).filter((m) => m.start >= own);
	return {
		...s,
		lessonIndex,
		names,
		numbers: findNumbers(s.text).filter((n) => n.start >= own),
		roles: findRoles(s.text, names),
		words: new Set(contentWords(s.text))
	};
}

/**
 * The document's names, each with its spellings ("Bokeikhan", "Alikhan Bokeykhan") gathered into
 * one entry, its mentions and the kinds its mentions suggest.
 */
function nameBook() {
	const names: NameEntry[] = [];
	const exact = new Map<string, NameEntry>();
	// Entries by the first two letters of their first and last words: a name is compared with
	// the few spellings that could be it, not with every name.
	const buckets = new Map<string, NameEntry[]>();
	const votes = new Map<NameEntry, Map<NameKind, number>>();
	const bucketKeys = (name: string): string[] => {
		const words = name.split(/[\s-]+/);
		return [
			...new Set([
				normalizeName(words[0]).slice(0, 2),
				normalizeName(words[words.length - 1]).slice(0, 2)
			])
		];
	};
	const find = (name: string, kind?: NameKind): NameEntry | undefined => {
		const key = normalizeName(name);
		const hit = exact.get(key);
		if (hit) return hit;
		for (const b of bucketKeys(name)) {
			for (const e of buckets.get(b) ?? []) {
				// "Green Kazakhstan" (a programme) is no spelling of "Kazakhstan" (a place).
				if (kind && kind !== 'other' && e.kind !== 'other' && e.kind !== kind) continue;
				// One word stands for a longer name only as a person's surname ("Tokayev"), never
				// "Steppes" for "Kipchak Steppe" (which would then pull in "United States").
				if (!/\s/.test(name) && e.kind !== 'person' && !e.variants.includes(name)) continue;
				if (e.variants.some((v) => sameName(v, name))) {
					exact.set(key, e);
					return e;
				}
			}
		}
		return undefined;
	};
	const add = (name: string, kind: NameKind, statementIndex: number | null): NameEntry => {
		let entry = find(name, kind);
		if (!entry) {
			entry = { name, kind, variants: [name], mentions: [], roles: [], countryLike: false };
			names.push(entry);
			exact.set(normalizeName(name), entry);
			for (const b of bucketKeys(name)) buckets.set(b, [...(buckets.get(b) ?? []), entry]);
			votes.set(entry, new Map());
		} else if (!entry.variants.includes(name)) {
			entry.variants.push(name);
			for (const b of bucketKeys(name)) buckets.set(b, [...(buckets.get(b) ?? []), entry]);
		}
		const v = votes.get(entry)!;
		v.set(kind, (v.get(kind) ?? 0) + 1);
		if (statementIndex !== null && !entry.mentions.includes(statementIndex))
			entry.mentions.push(statementIndex);
		return entry;
	};
	/** Gives each name the kind most of its mentions suggest ('other' only if none says more). */
	const settle = (country: string | null): NameEntry[] => {
		for (const e of names) {
			const ranked = [...votes.get(e)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
			const typed = ranked.find(([k]) => k !== 'other');
			e.kind = typed ? typed[0] : 'other';
			e.countryLike = e.name === country || /^Republic of /.test(e.name);
		}
		return names;
	};
	return { find, add, settle };
}
