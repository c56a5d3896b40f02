import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/i18n/format';
import { MAX_SOURCE_BYTES, validateSourceBytes } from '$lib/content/validate';
import { localizeCoreMessage } from './core-messages';
import { plural } from '$lib/format';
import type { Db, Tx } from './db/connection';
import { cannotSaveMessage, logWriteFailure, writeFailureOf } from './db/write-errors';
import { importJobs, sources } from './db/schema';
import { enqueueImport, ImportTimeLimit } from './import-queue';
import { invalidateLessonCache, lessonsOfSource } from './lessons';
import { processText, type PipelineStep } from './pipeline/run';
import { storeProcessedSource } from './sources';

export const ALLOWED_EXTENSIONS = ['.txt', '.md'];

/** A form whose import id is malformed or another teacher's. */
export const IMPORT_FORM_OUT_OF_DATE = () => m.t_form_out_of_date();

/** The import form: a pasted text or a .txt/.md file, and an optional title. */
export const importFormSchema = v.object({
	title: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(120, () => m.t_title_max())
		),
		''
	),
	text: v.optional(v.string(), ''),
	file: v.optional(v.union([v.instance(File), v.string()]), ''),
	/** Chosen when the form was shown: the same form sent twice with the same text is one import. */
	importId: v.optional(v.pipe(v.string(), v.uuid(IMPORT_FORM_OUT_OF_DATE)))
});

export type ImportText = { ok: true; text: string } | { ok: false; message: string };

/** Checks what was sent: exactly one of a pasted text and a file, either one valid UTF-8 text. */
export async function readImportText(
	input: v.InferOutput<typeof importFormSchema>
): Promise<ImportText> {
	const file =
		input.file instanceof File && (input.file.size > 0 || input.file.name) ? input.file : null;
	const pasted = input.text.trim() ? input.text : '';
	if (file && pasted) {
		return { ok: false, message: m.t_paste_or_file_not_both() };
	}
	if (file) {
		const name = file.name || 'the file';
		const lower = name.toLowerCase();
		if (!ALLOWED_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
			return { ok: false, message: m.t_not_txt({ name }) };
		}
		if (file.size > MAX_SOURCE_BYTES) {
			const mb = formatNumber(Number((file.size / (1024 * 1024)).toFixed(1)));
			return { ok: false, message: m.t_file_too_large({ name, mb }) };
		}
		const checked = validateSourceBytes(new Uint8Array(await file.arrayBuffer()), `"${name}"`);
		return checked.ok
			? checked
			: { ok: false, message: localizeCoreMessage(`${checked.message}.`) };
	}
	if (!pasted) return { ok: false, message: m.t_paste_or_file() };
	const checked = validateSourceBytes(new TextEncoder().encode(pasted), 'The pasted text');
	return checked.ok ? checked : { ok: false, message: localizeCoreMessage(`${checked.message}.`) };
}

// Jobs run in this process; one left "running" by a restart is reported as interrupted.
const running = new Set<string>();
/**
 * Jobs that failed when their failure could not be written either (a full disk): the teacher
 * still reads why, and the next look at the job tries to write it again.
 */
const unsaved = new Map<string, { message: string; sourceId: number | null }>();

/**
 * The job id for a form's import id and what it sends: the same form sent twice with the same text
 * (a double click, a resend) names the same job; sent again with the text changed (back, edit,
 * import) it names a new one. Shaped like a UUID.
 */
export function importJobId(importId: string, title: string, text: string): string {
	const hex = createHash('sha256').update(`${importId}\0${title}\0${text}`).digest('hex');
	return [
		hex.slice(0, 8),
		hex.slice(8, 12),
		hex.slice(12, 16),
		hex.slice(16, 20),
		hex.slice(20, 32)
	].join('-');
}

/** Who started the import job with this id, or null when there is none. */
export function importJobOwner(db: Tx, id: string): string | null {
	return (
		db.select({ ownerId: importJobs.ownerId }).from(importJobs).where(eq(importJobs.id, id)).get()
			?.ownerId ?? null
	);
}

/** A new job; `id` comes from the form (importJobId), so that sending it again finds this job. */
export function createImportJob(db: Tx, ownerId: string, id: string = crypto.randomUUID()) {
	db.insert(importJobs)
		.values({ id, ownerId, status: 'running', message: 'Waiting to start…' })
		.run();
	running.add(id);
	return id;
}

function setJob(db: Tx, id: string, values: Partial<typeof importJobs.$inferInsert>) {
	db.update(importJobs).set(values).where(eq(importJobs.id, id)).run();
}

const lessons = (n: number) => `${n} ${plural(n, 'lesson')}`;

/** Below this a text without questions may be called short; above it, never. */
const SHORT_TEXT_WORDS = 300;

const LANGUAGE_NAMES = { ru: 'Russian', kk: 'Kazakh', other: 'a language other than English' };

/**
 * What a finished import made. A text not in English gets lessons without questions (the
 * generators read English only) and is told so, never that it is too short. Shown in the teacher's
 * language by import-messages.ts, which reads these sentences.
 */
export function doneMessage(made: {
	lessons: number;
	questions: number;
	words: number;
	language?: keyof typeof LANGUAGE_NAMES;
}): string {
	if (made.language) {
		return (
			`Made ${lessons(made.lessons)} from a text in ${LANGUAGE_NAMES[made.language]}. Questions ` +
			'are generated for English texts only so far: add your own questions to these lessons.'
		);
	}
	if (made.questions) return `Made ${lessons(made.lessons)} with ${made.questions} questions.`;
	if (made.words < SHORT_TEXT_WORDS) {
		return (
			`Made ${lessons(made.lessons)} but no questions: the text is too short or states too few facts. ` +
			'Add questions by hand, or import a longer text.'
		);
	}
	return (
		`Made ${lessons(made.lessons)} but no questions: the text states too few facts to ask about. ` +
		'Add questions by hand, or import another text.'
	);
}

function stepMessage(step: PipelineStep | { stage: 'saving'; lessons: number }): string {
	switch (step.stage) {
		case 'lessons':
			return 'Step 1 of 3: cleaning the text and splitting it into lessons…';
		case 'questions':
			return `Step 2 of 3: writing questions for ${lessons(step.lessons)}…`;
		case 'saving':
			return `Step 3 of 3: saving ${lessons(step.lessons)} and their questions…`;
	}
}

/**
 * Turns the text into lessons and a question bank owned by the teacher, reporting each stage in
 * the job row. Never throws: a failure is written to the job for the teacher to read.
 */
export async function runImport(
	db: Db,
	jobId: string,
	input: { ownerId: string; text: string; title: string },
	/** Aborts when the import's time is up (import-queue): the work stops, nothing stays saved. */
	signal?: AbortSignal
): Promise<void> {
	let partial: number | null = null;
	// Progress is only shown: a message that cannot be written must not stop the work.
	const progress = (message: string) => {
		try {
			setJob(db, jobId, { message });
		} catch {
			/* the saving step reports a database that cannot be written */
		}
	};
	try {
		const uid = crypto.randomUUID();
		const processed = await processText(input.text, (step) => progress(stepMessage(step)), signal);
		setJob(db, jobId, {
			message: stepMessage({ stage: 'saving', lessons: processed.doc.lessons.length })
		});
		const stored = await storeProcessedSource(
			db,
			{
				key: `import:${uid}`,
				text: input.text,
				ownerId: input.ownerId,
				suffix: uid.replace(/-/g, '').slice(0, 6),
				title: input.title
			},
			processed,
			(sourceId) => {
				partial = sourceId;
				setJob(db, jobId, { sourceId });
			},
			signal
		);
		partial = null;
		if (stored.lessonSlugs.length === 0) {
			discardSource(db, stored.id);
			setJob(db, jobId, {
				status: 'failed',
				sourceId: null,
				message: 'The text is too short to make a lesson. Import a longer text (a few paragraphs).'
			});
			return;
		}
		const made = sourceLessons(db, stored.id);
		const questionCount = made.reduce((sum, l) => sum + l.questionCount, 0);
		setJob(db, jobId, {
			status: 'done',
			sourceId: stored.id,
			message: doneMessage({
				lessons: made.length,
				questions: questionCount,
				words: processed.doc.lessons.reduce((sum, l) => sum + l.wordCount, 0),
				language: processed.doc.language
			})
		});
	} catch (cause) {
		const failure = writeFailureOf(cause);
		if (failure) logWriteFailure(`Import ${jobId} could not be saved`, failure);
		else console.error('Import failed', cause);
		failJob(
			db,
			jobId,
			partial,
			cause instanceof ImportTimeLimit
				? cause.message
				: failure
					? `The lessons could not be saved. ${cannotSaveMessage(failure)}`
					: 'The text could not be turned into lessons. Check that it is ordinary prose and try again.'
		);
	} finally {
		running.delete(jobId);
	}
}

/**
 * Marks the job failed and discards what it half saved. Never throws: when that cannot be written
 * either, the failure is kept in memory (and a restart's clean-up removes the half-saved text).
 */
function failJob(db: Tx, jobId: string, sourceId: number | null, message: string) {
	try {
		if (sourceId !== null) discardSource(db, sourceId);
		setJob(db, jobId, { status: 'failed', sourceId: null, message });
		unsaved.delete(jobId);
	} catch (error) {
		const failure = writeFailureOf(error);
		if (failure) logWriteFailure(`Import ${jobId} failed and that could not be saved`, failure);
		else console.error(`Import ${jobId} failed and that could not be saved`, error);
		unsaved.set(jobId, { message, sourceId });
	}
}

/**
 * Stores the job and starts the work after the response has gone out. When the database cannot
 * be written, nothing starts and the message says why (the form keeps the text).
 */
export function startImport(
	db: Db,
	jobId: string,
	input: { ownerId: string; text: string; title: string }
): { ok: true } | { ok: false; message: string } {
	try {
		createImportJob(db, input.ownerId, jobId);
	} catch (error) {
		const failure = writeFailureOf(error);
		if (!failure) throw error;
		logWriteFailure(`Import ${jobId} could not start`, failure);
		return { ok: false, message: cannotSaveMessage(failure) };
	}
	scheduleImport(db, jobId, input);
	return { ok: true };
}

/**
 * Queues the work (import-queue): it starts after the response has gone out, once fewer than
 * IMPORT_CONCURRENCY imports run. The queue catches any rejection, so none goes unhandled.
 */
export function scheduleImport(
	db: Db,
	jobId: string,
	input: { ownerId: string; text: string; title: string }
) {
	enqueueImport({
		jobId,
		ownerId: input.ownerId,
		bytes: Buffer.byteLength(input.text),
		run: (signal) => runImport(db, jobId, input, signal)
	});
}

export interface ImportJobView {
	id: string;
	status: 'running' | 'done' | 'failed';
	message: string;
	sourceTitle: string | null;
	lessons: { slug: string; title: string; questionCount: number }[];
}

/** The teacher's job with the lessons it made; undefined for anyone else's. */
export function getImportJob(db: Tx, jobId: string, ownerId: string): ImportJobView | undefined {
	const job = db
		.select()
		.from(importJobs)
		.where(and(eq(importJobs.id, jobId), eq(importJobs.ownerId, ownerId)))
		.get();
	if (!job) return undefined;
	if (job.status === 'running' && !running.has(job.id)) {
		const kept = unsaved.get(job.id);
		const message = kept?.message ?? INTERRUPTED;
		failJob(db, job.id, kept ? kept.sourceId : job.sourceId, message);
		return { id: job.id, status: 'failed', message, sourceTitle: null, lessons: [] };
	}
	const source = job.sourceId
		? db.select({ title: sources.title }).from(sources).where(eq(sources.id, job.sourceId)).get()
		: undefined;
	return {
		id: job.id,
		status: job.status,
		message: job.message,
		sourceTitle: source?.title ?? null,
		lessons: job.sourceId ? sourceLessons(db, job.sourceId) : []
	};
}

const INTERRUPTED =
	'The import was interrupted (the server restarted). Please import the text again.';

/**
 * At start-up no import is running: any job still marked running was cut short; what it half
 * saved goes, and the job says why. Throws when the database cannot be written (see startup.ts).
 */
export function discardInterruptedImports(db: Tx): number {
	const stale = db
		.select({ id: importJobs.id, sourceId: importJobs.sourceId })
		.from(importJobs)
		.where(eq(importJobs.status, 'running'))
		.all()
		.filter((job) => !running.has(job.id));
	for (const job of stale) {
		if (job.sourceId !== null) discardSource(db, job.sourceId);
		setJob(db, job.id, { status: 'failed', message: INTERRUPTED, sourceId: null });
	}
	return stale.length;
}

function discardSource(db: Tx, sourceId: number) {
	db.delete(sources).where(eq(sources.id, sourceId)).run();
	invalidateLessonCache();
}

/** A text's lessons from the lesson cache (no query per text). */
function sourceLessons(db: Tx, sourceId: number) {
	return lessonsOfSource(db, sourceId).map(({ slug, title, questionCount }) => ({
		slug,
		title,
		questionCount
	}));
}

export interface ImportedText {
	id: number;
	title: string;
	createdAt: Date;
	lessons: { slug: string; title: string; questionCount: number }[];
}

/** The teacher's imported texts, newest first. */
export function listImports(db: Tx, ownerId: string): ImportedText[] {
	return db
		.select({ id: sources.id, title: sources.title, createdAt: sources.createdAt })
		.from(sources)
		.where(eq(sources.ownerId, ownerId))
		.orderBy(desc(sources.createdAt), desc(sources.id))
		.all()
		.map((s) => ({ ...s, lessons: sourceLessons(db, s.id) }));
}

/**
 * Deletes one of the teacher's imports with its lessons, questions, assignments and the attempts
 * made on them. False when it is not theirs.
 */
export function deleteImport(db: Tx, ownerId: string, sourceId: number): boolean {
	const result = db
		.delete(sources)
		.where(and(eq(sources.id, sourceId), eq(sources.ownerId, ownerId)))
		.run();
	invalidateLessonCache();
	return result.changes > 0;
}
