import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { MAX_SOURCE_BYTES, validateSourceBytes } from '$lib/content/validate';
import { plural } from '$lib/format';
import type { Db, Tx } from './db/connection';
import { importJobs, sources } from './db/schema';
import { invalidateLessonCache, lessonsOfSource } from './lessons';
import { processText, type PipelineStep } from './pipeline/run';
import { storeProcessedSource } from './sources';

export const ALLOWED_EXTENSIONS = ['.txt', '.md'];

/** A form whose import id is malformed or another teacher's. */
export const IMPORT_FORM_OUT_OF_DATE =
	'This form is out of date. Reload the page, then import again.';

/** The import form: a pasted text or a .txt/.md file, and an optional title. */
export const importFormSchema = v.object({
	title: v.optional(
		v.pipe(v.string(), v.trim(), v.maxLength(120, 'The title can have at most 120 characters.')),
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
		return { ok: false, message: 'Paste a text or choose a file, not both.' };
	}
	if (file) {
		const name = file.name || 'the file';
		const lower = name.toLowerCase();
		if (!ALLOWED_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
			return {
				ok: false,
				message: `"${name}" is not a .txt or .md file. Save the text as plain text first.`
			};
		}
		if (file.size > MAX_SOURCE_BYTES) {
			const mb = (file.size / (1024 * 1024)).toFixed(1);
			return { ok: false, message: `"${name}" is too large (${mb} MB; the limit is 2 MB).` };
		}
		const checked = validateSourceBytes(new Uint8Array(await file.arrayBuffer()), `"${name}"`);
		return checked.ok ? checked : { ok: false, message: `${checked.message}.` };
	}
	if (!pasted) return { ok: false, message: 'Paste a text or choose a .txt or .md file.' };
	const checked = validateSourceBytes(new TextEncoder().encode(pasted), 'The pasted text');
	return checked.ok ? checked : { ok: false, message: `${checked.message}.` };
}

// Jobs run in this process; one left "running" by a restart is reported as interrupted.
const running = new Set<string>();

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
	input: { ownerId: string; text: string; title: string }
): Promise<void> {
	let partial: number | null = null;
	try {
		const uid = crypto.randomUUID();
		const processed = await processText(input.text, (step) =>
			setJob(db, jobId, { message: stepMessage(step) })
		);
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
			}
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
			message: questionCount
				? `Made ${lessons(made.length)} with ${questionCount} questions.`
				: `Made ${lessons(made.length)} but no questions: the text is too short or states too few facts. ` +
					'Add questions by hand, or import a longer text.'
		});
	} catch (cause) {
		console.error('Import failed', cause);
		if (partial !== null) discardSource(db, partial);
		setJob(db, jobId, {
			status: 'failed',
			sourceId: null,
			message:
				'The text could not be turned into lessons. Check that it is ordinary prose in English and try again.'
		});
	} finally {
		running.delete(jobId);
	}
}

/** Starts the work after the response has gone out. */
export function scheduleImport(
	db: Db,
	jobId: string,
	input: { ownerId: string; text: string; title: string }
) {
	setTimeout(() => void runImport(db, jobId, input), 0);
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
		const message = failInterrupted(db, job);
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

/** A job a previous process left running: what it half saved goes, and the job says why. */
function failInterrupted(db: Tx, job: { id: string; sourceId: number | null }): string {
	if (job.sourceId !== null) discardSource(db, job.sourceId);
	setJob(db, job.id, { status: 'failed', message: INTERRUPTED, sourceId: null });
	return INTERRUPTED;
}

/** At start-up no import is running: any job still marked running was cut short. */
export function discardInterruptedImports(db: Tx): number {
	const stale = db
		.select({ id: importJobs.id, sourceId: importJobs.sourceId })
		.from(importJobs)
		.where(eq(importJobs.status, 'running'))
		.all()
		.filter((job) => !running.has(job.id));
	for (const job of stale) failInterrupted(db, job);
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
