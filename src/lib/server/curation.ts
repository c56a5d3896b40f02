import { eq, max } from 'drizzle-orm';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import type { Lesson } from '$lib/content/types';
import { seededShuffle } from '$lib/quiz/hash';
import type { Question, QuestionSource, QuestionType } from '$lib/quiz/types';
import type { Db, Tx } from './db/connection';
import { questions, questionVersions } from './db/schema';
import { textField } from './forms';
import { invalidateLessonCache, lessonBody } from './lessons';
import { versionRows } from './bank-versions';

/** Read in the request's language each time a label is looked up. */
export const TYPE_LABELS: Record<QuestionType, string> = {
	get multiple_choice() {
		return m.t_type_multiple_choice();
	},
	get true_false() {
		return m.t_type_true_false();
	},
	get fill_blank() {
		return m.t_type_fill_blank();
	},
	get numeric() {
		return m.t_type_numeric();
	},
	get matching() {
		return m.t_type_matching();
	}
};
export const QUESTION_TYPES = Object.keys(TYPE_LABELS) as QuestionType[];
/** Slots on the form: at most six options or pairs. */
export const MAX_CHOICES = 6;

export interface BankEntry {
	id: string;
	position: number;
	enabled: boolean;
	origin: 'generated' | 'manual';
	edited: boolean;
	version: number;
	question: Question;
	/** Null: the lesson's own question; else the teacher whose copy or addition it is. */
	ownerId: string | null;
	/** For a teacher's copy: the lesson's own question it stands in for. */
	baseId: string | null;
}

/** A question's prompt cut to a line, for messages that name it. */
export function shortPrompt(prompt: string, max = 70): string {
	return prompt.length <= max ? prompt : `${prompt.slice(0, max - 1).trimEnd()}…`;
}

const toBankEntry = (r: typeof questions.$inferSelect): BankEntry => ({
	id: r.id,
	position: r.position,
	enabled: r.enabled,
	origin: r.origin,
	edited: r.edited,
	version: r.version,
	question: r.data,
	ownerId: r.ownerId,
	baseId: r.baseId
});

/**
 * The whole bank of a lesson, disabled questions included, in bank order: the owner's version
 * (see bank-versions; null: the lesson's own bank).
 */
export function listBank(db: Tx, lessonId: number, owner: string | null = null): BankEntry[] {
	return versionRows(db, lessonId, owner).map(toBankEntry);
}

/** One question of that version of the bank; undefined when it has no such question. */
export function getBankEntry(
	db: Tx,
	lessonId: number,
	questionId: string,
	owner: string | null = null
): BankEntry | undefined {
	return listBank(db, lessonId, owner).find((e) => e.id === questionId);
}

// ---------------------------------------------------------------- form -> question

// Labels and messages are functions: read when a form is checked, in the request's language.
const optionalText = (label: () => string, maxLength: number) =>
	v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(maxLength, () => m.field_max({ label: label(), max: maxLength }))
		),
		''
	);

const slots = (name: string, label: (inputs: { number: number }) => string, maxLength: number) =>
	Object.fromEntries(
		Array.from({ length: MAX_CHOICES }, (_, i) => [
			`${name}-${i}`,
			optionalText(() => label({ number: i + 1 }), maxLength)
		])
	) as Record<string, ReturnType<typeof optionalText>>;

const common = {
	prompt: v.optional(textField(m.t_f_question, 5, 500), ''),
	explanation: optionalText(m.t_f_explanation, 1000),
	sentence: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.regex(/^\d*$/, () => m.t_choose_sentence())
		),
		''
	)
};

type Raw = Record<string, string>;
const slot = (raw: object, name: string, i: number) => (raw as Raw)[`${name}-${i}`] ?? '';
const filled = (raw: object, name: string) =>
	Array.from({ length: MAX_CHOICES }, (_, i) => ({
		slot: i,
		text: slot(raw, name, i)
	})).filter((x) => x.text !== '');
const distinct = (items: string[]) =>
	new Set(items.map((s) => s.toLocaleLowerCase())).size === items.length;

const multipleChoice = v.pipe(
	v.object({
		type: v.literal('multiple_choice'),
		...common,
		...slots('option', m.t_option_n, 200),
		correct: v.optional(v.string(), '')
	}),
	v.check(
		(r) => filled(r, 'option').length >= 2,
		() => m.t_two_options()
	),
	v.check(
		(r) => distinct(filled(r, 'option').map((o) => o.text)),
		() => m.t_options_differ()
	),
	v.check(
		(r) => filled(r, 'option').some((o) => String(o.slot) === r.correct),
		() => m.t_mark_correct()
	),
	v.transform((r) => {
		const options = filled(r, 'option');
		return {
			type: 'multiple_choice' as const,
			prompt: r.prompt,
			explanation: r.explanation,
			sentence: r.sentence,
			options: options.map((o) => o.text),
			answer: options.find((o) => String(o.slot) === r.correct)!.text
		};
	})
);

const trueFalse = v.pipe(
	v.object({
		type: v.literal('true_false'),
		...common,
		answer: v.pipe(
			v.optional(v.string(), ''),
			v.picklist(['true', 'false'], () => m.t_choose_tf())
		)
	}),
	v.transform((r) => ({
		type: 'true_false' as const,
		prompt: r.prompt,
		explanation: r.explanation,
		sentence: r.sentence,
		options: ['True', 'False'] as ['True', 'False'],
		answer: r.answer === 'true'
	}))
);

const fillBlank = v.pipe(
	v.object({
		type: v.literal('fill_blank'),
		...common,
		answer: v.optional(textField(m.t_f_answer, 1, 100), ''),
		accept: optionalText(m.t_f_accepted, 1000)
	}),
	v.transform((r) => {
		const variants = r.accept
			.split('\n')
			.map((s) => s.trim())
			.filter((s) => s !== '' && s.toLocaleLowerCase() !== r.answer.toLocaleLowerCase());
		return {
			type: 'fill_blank' as const,
			prompt: r.prompt,
			explanation: r.explanation,
			sentence: r.sentence,
			options: [] as [],
			answer: r.answer,
			accept: [...new Set(variants)]
		};
	}),
	v.check(
		(q) => q.accept.length <= 10,
		() => m.t_ten_variants()
	)
);

const numberText = (label: () => string, required: boolean) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.transform((s) => s.replace(/[\s,]/g, '')),
		v.check(
			(s) => !required || s !== '',
			() => m.field_required({ label: label() })
		),
		v.check(
			(s) => s === '' || /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s),
			() => m.t_must_be_number({ label: label() })
		),
		v.transform((s) => (s === '' ? 0 : Number(s))),
		// "1e999" has the shape of a number but is Infinity, which JSON would store as null.
		v.check(
			(n: number) => Number.isFinite(n),
			() => m.t_too_large({ label: label() })
		)
	);

const numeric = v.pipe(
	v.object({
		type: v.literal('numeric'),
		...common,
		answer: numberText(m.t_f_answer, true),
		tolerance: v.pipe(
			numberText(m.t_f_tolerance, false),
			v.minValue(0, () => m.t_tolerance_negative())
		),
		unit: optionalText(m.t_f_unit, 40)
	}),
	v.transform((r) => ({
		type: 'numeric' as const,
		prompt: r.prompt,
		explanation: r.explanation,
		sentence: r.sentence,
		options: [] as [],
		answer: r.answer,
		tolerance: r.tolerance,
		unit: r.unit
	}))
);

const matching = v.pipe(
	v.object({
		type: v.literal('matching'),
		...common,
		...slots('left', m.t_f_left, 200),
		...slots('right', m.t_f_right, 200)
	}),
	v.check(
		(r) =>
			Array.from({ length: MAX_CHOICES }).every(
				(_, i) => !slot(r, 'left', i) === !slot(r, 'right', i)
			),
		() => m.t_both_sides()
	),
	v.check(
		(r) => filled(r, 'left').length >= 2,
		() => m.t_two_pairs()
	),
	v.check(
		(r) => distinct(filled(r, 'left').map((o) => o.text)),
		() => m.t_left_differ()
	),
	v.transform((r) => ({
		type: 'matching' as const,
		prompt: r.prompt,
		explanation: r.explanation,
		sentence: r.sentence,
		pairs: filled(r, 'left').map((l) => [l.text, slot(r, 'right', l.slot)] as [string, string])
	}))
);

/** The curation form of any question type; `type` picks the fields. */
export const questionFormSchema = v.variant(
	'type',
	[multipleChoice, trueFalse, fillBlank, numeric, matching],
	() => m.t_choose_type()
);

export type QuestionDraft = v.InferOutput<typeof questionFormSchema>;

/** The source of a question from the chosen sentence number ('' keeps `fallback`). */
export function sourceFor(
	lesson: Pick<Lesson, 'sentences'>,
	sentence: string,
	fallback: QuestionSource | null
): QuestionSource {
	const found = sentence ? lesson.sentences.find((s) => s.index === Number(sentence)) : undefined;
	if (found)
		return { paragraph: found.paragraph, sentence: found.text, sentenceIndex: found.index };
	return fallback ?? { paragraph: 0, sentence: '', sentenceIndex: 0 };
}

/** A complete Question from a validated draft. */
export function draftToQuestion(
	draft: QuestionDraft,
	meta: { id: string; difficulty: number; source: QuestionSource }
): Question {
	const base = {
		id: meta.id,
		prompt: draft.prompt,
		explanation: draft.explanation,
		difficulty: meta.difficulty,
		source: meta.source
	};
	switch (draft.type) {
		case 'multiple_choice':
			return { ...base, type: draft.type, options: draft.options, answer: draft.answer };
		case 'true_false':
			return { ...base, type: draft.type, options: draft.options, answer: draft.answer };
		case 'fill_blank':
			return { ...base, type: draft.type, options: [], answer: draft.answer, accept: draft.accept };
		case 'numeric':
			return {
				...base,
				type: draft.type,
				options: [],
				answer: draft.answer,
				tolerance: draft.tolerance,
				unit: draft.unit
			};
		case 'matching':
			return {
				...base,
				type: draft.type,
				// Right-hand items in a stable order that does not give the pairs away.
				options: seededShuffle([...new Set(draft.pairs.map(([, r]) => r))], meta.id),
				pairs: draft.pairs
			};
	}
}

/** A question as form values (the inverse of the schema). */
export function questionToFields(q: Question): Record<string, string> {
	const fields: Record<string, string> = {
		type: q.type,
		prompt: q.prompt,
		explanation: q.explanation ?? '',
		sentence: q.source?.sentenceIndex ? String(q.source.sentenceIndex) : ''
	};
	switch (q.type) {
		case 'multiple_choice':
			q.options.forEach((o, i) => (fields[`option-${i}`] = o));
			fields.correct = String(q.options.indexOf(q.answer));
			break;
		case 'true_false':
			fields.answer = q.answer ? 'true' : 'false';
			break;
		case 'fill_blank':
			fields.answer = q.answer;
			fields.accept = (q.accept ?? []).join('\n');
			break;
		case 'numeric':
			fields.answer = String(q.answer);
			fields.tolerance = String(q.tolerance ?? 0);
			fields.unit = q.unit ?? '';
			break;
		case 'matching':
			q.pairs.forEach(([l, r], i) => {
				fields[`left-${i}`] = l;
				fields[`right-${i}`] = r;
			});
			break;
	}
	return fields;
}

// ---------------------------------------------------------------- versioned writes

function nextVersion(tx: Tx, questionId: string, current: number): number {
	const stored =
		tx
			.select({ v: max(questionVersions.version) })
			.from(questionVersions)
			.where(eq(questionVersions.questionId, questionId))
			.get()?.v ?? 0;
	return Math.max(stored, current) + 1;
}

/** Writes a new version of the question (data and/or enabled) and records it. */
function writeVersion(
	tx: Tx,
	questionId: string,
	change: { data?: Question; enabled?: boolean },
	editorId: string
): number {
	const row = tx.select().from(questions).where(eq(questions.id, questionId)).get();
	if (!row) throw new Error(`No question ${questionId}`);
	const version = nextVersion(tx, questionId, row.version);
	const data = change.data ?? row.data;
	const enabled = change.enabled ?? row.enabled;
	tx.update(questions)
		.set({
			data,
			type: data.type,
			enabled,
			version,
			updatedAt: new Date(),
			...(change.data ? { edited: true } : {})
		})
		.where(eq(questions.id, questionId))
		.run();
	tx.insert(questionVersions)
		.values({ questionId, version, data, enabled, editedBy: editorId })
		.run();
	return version;
}

/**
 * Saves a teacher's edit as a new version. Past attempts keep their own snapshots, so what a
 * student was asked never changes.
 */
export function saveQuestionEdit(db: Db, questionId: string, data: Question, editorId: string) {
	const version = db.transaction((tx) => writeVersion(tx, questionId, { data }, editorId));
	invalidateLessonCache();
	return version;
}

export function setQuestionEnabled(db: Db, questionId: string, enabled: boolean, editorId: string) {
	const version = db.transaction((tx) => writeVersion(tx, questionId, { enabled }, editorId));
	invalidateLessonCache();
	return version;
}

/**
 * A question of that version of the bank by its id, or by the id of the original a teacher's
 * copy stands in for (the address and the list place it kept).
 */
export function findInBank(
	db: Tx,
	lessonId: number,
	idOrOriginal: string,
	owner: string | null = null
): BankEntry | undefined {
	const bank = listBank(db, lessonId, owner);
	return bank.find((e) => e.id === idOrOriginal) ?? bank.find((e) => e.baseId === idOrOriginal);
}

export type SaveResult =
	| { ok: true; id: string; version: number }
	| { ok: false; reason: 'stale'; current: BankEntry }
	| { ok: false; reason: 'missing' };

/**
 * Changes a question of the owner's version of a lesson's bank (see bank-versions). A question of
 * the lesson's own bank changed for a teacher becomes her copy, with a new id; the original stays
 * for everyone else. With `expectedVersion` (the version the teacher's form was opened on), a
 * change made on an older version is refused and the newer one returned, so that two teachers
 * (or two tabs) never overwrite each other's work unseen.
 */
export function changeQuestion(
	db: Db,
	at: { lessonId: number; questionId: string; owner: string | null; expectedVersion?: number },
	change: { data?: Question; enabled?: boolean },
	editorId: string
): SaveResult {
	const result = db.transaction((tx): SaveResult => {
		const bank = listBank(tx, at.lessonId, at.owner);
		// A form opened on the original, saved after the teacher copied it elsewhere: her copy.
		const entry =
			bank.find((e) => e.id === at.questionId) ?? bank.find((e) => e.baseId === at.questionId);
		if (!entry) return { ok: false, reason: 'missing' };
		const stale =
			entry.id !== at.questionId ||
			(at.expectedVersion !== undefined && entry.version !== at.expectedVersion);
		if (stale) return { ok: false, reason: 'stale', current: entry };
		if (at.owner === null || entry.ownerId !== null) {
			return { ok: true, id: entry.id, version: writeVersion(tx, entry.id, change, editorId) };
		}
		// Copy on write: the teacher's own version of the lesson's question.
		const id = `${entry.id}~${crypto.randomUUID().slice(0, 8)}`;
		const version = entry.version + 1;
		const data = { ...(change.data ?? entry.question), id };
		const enabled = change.enabled ?? entry.enabled;
		tx.insert(questions)
			.values({
				id,
				lessonId: at.lessonId,
				position: entry.position,
				type: data.type,
				data,
				enabled,
				origin: entry.origin,
				edited: change.data ? true : entry.edited,
				version,
				ownerId: at.owner,
				baseId: entry.id
			})
			.run();
		tx.insert(questionVersions)
			.values({ questionId: id, version, data, enabled, editedBy: editorId })
			.run();
		return { ok: true, id, version };
	});
	if (result.ok) invalidateLessonCache();
	return result;
}

/** Adds a hand-written question at the end of the owner's version of the lesson's bank. */
export function addManualQuestion(
	db: Db,
	lesson: { id: number; slug: string },
	draft: QuestionDraft,
	source: QuestionSource,
	editorId: string,
	owner: string | null = null
): string {
	const id = `${lesson.slug}-m-${crypto.randomUUID().slice(0, 8)}`;
	const data = draftToQuestion(draft, { id, difficulty: 0.5, source });
	db.transaction((tx) => {
		const last =
			tx
				.select({ p: max(questions.position) })
				.from(questions)
				.where(eq(questions.lessonId, lesson.id))
				.get()?.p ?? -1;
		tx.insert(questions)
			.values({
				id,
				lessonId: lesson.id,
				position: last + 1,
				type: data.type,
				data,
				enabled: true,
				origin: 'manual',
				edited: true,
				version: 1,
				ownerId: owner
			})
			.run();
		tx.insert(questionVersions)
			.values({ questionId: id, version: 1, data, enabled: true, editedBy: editorId })
			.run();
	});
	invalidateLessonCache();
	return id;
}

/** The lesson's sentences, for the source picker. */
export function lessonSentences(db: Tx, lessonId: number): Lesson['sentences'] {
	return lessonBody(db, lessonId)?.sentences ?? [];
}
