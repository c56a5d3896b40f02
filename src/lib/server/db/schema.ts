import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import type { Lesson } from '../../content/types';
import type { StoredCard } from '../../review/schedule';
import type { Question, QuestionType, Response } from '../../quiz/types';
import { LOCALES } from '../../i18n/locale';

/**
 * The values an enum-like column may hold, for its type and its CHECK constraint alike: the
 * database refuses any other value, whoever writes it (drizzle/0006_enum_checks.sql).
 */
export const ROLES = ['student', 'teacher'] as const;
export const QUESTION_TYPES = [
	'multiple_choice',
	'true_false',
	'fill_blank',
	'numeric',
	'matching'
] as const satisfies readonly QuestionType[];
export const QUESTION_ORIGINS = ['generated', 'manual'] as const;
export const REVEALS = ['each', 'submit', 'due'] as const;
export const ATTEMPT_KINDS = ['quiz', 'retry'] as const;
export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;

/** `column in ('a', 'b', …)` for a CHECK constraint (the values are the constants above). */
export function oneOf(column: string, values: readonly string[]) {
	return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

/** A millisecond timestamp that defaults to the moment the row is written. */
const createdAt = (name = 'created_at') =>
	integer(name, { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		username: text('username').notNull().unique(),
		displayName: text('display_name').notNull().default(''),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ['student', 'teacher'] }).notNull(),
		/** An administrator (a teacher too): invites teachers and changes the bundled bank. */
		admin: integer('admin', { mode: 'boolean' }).notNull().default(false),
		/** Set when a teacher made the password (a one-time password): changed at the next sign-in. */
		mustChangePassword: integer('must_change_password', { mode: 'boolean' })
			.notNull()
			.default(false),
		/** The interface language the person chose (en, kk, ru); null: cookie, then the browser's. */
		locale: text('locale', { enum: LOCALES }),
		createdAt: createdAt()
	},
	() => [
		check('users_role_check', oneOf('role', ROLES)),
		check('users_locale_check', sql`locale is null or ${oneOf('locale', LOCALES)}`)
	]
);

/** A teacher invitation: only the SHA-256 of its code is stored; used once, or revoked. */
export const invitations = sqliteTable('invitations', {
	id: text('id').primaryKey(),
	codeHash: text('code_hash').notNull().unique(),
	/** Whom it is for, as the administrator wrote it (a name or a note). */
	note: text('note').notNull().default(''),
	createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
	usedBy: text('used_by').references(() => users.id, { onDelete: 'set null' }),
	usedAt: integer('used_at', { mode: 'timestamp_ms' }),
	revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
});

/** Only the SHA-256 of the session token is stored, never the token. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** A source text: the bundled speech (no owner) or a teacher's import. */
export const sources = sqliteTable('sources', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	key: text('key').notNull().unique(),
	title: text('title').notNull(),
	credit: text('credit').notNull().default(''),
	ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
	contentHash: text('content_hash').notNull(),
	createdAt: createdAt()
});

export const lessons = sqliteTable(
	'lessons',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sourceId: integer('source_id')
			.notNull()
			.references(() => sources.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull().unique(),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		topic: text('topic').notNull(),
		summary: text('summary').notNull(),
		/** The content module's Lesson, as JSON (paragraphs, sentences, figures, entities). */
		body: text('body', { mode: 'json' }).$type<Lesson>().notNull(),
		readingMinutes: integer('reading_minutes').notNull(),
		/** False when a new version of the source no longer has this lesson. */
		active: integer('active', { mode: 'boolean' }).notNull().default(true)
	},
	(t) => [index('lessons_source_idx').on(t.sourceId, t.position)]
);

export const questions = sqliteTable(
	'questions',
	{
		id: text('id').primaryKey(),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lessons.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		type: text('type', { enum: QUESTION_TYPES }).notNull(),
		/** The Question as DESIGN.md's contract defines it. */
		data: text('data', { mode: 'json' }).$type<Question>().notNull(),
		enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
		origin: text('origin', { enum: QUESTION_ORIGINS }).notNull().default('generated'),
		/** Edited by a teacher: a regenerated bank does not overwrite it. */
		edited: integer('edited', { mode: 'boolean' }).notNull().default(false),
		version: integer('version').notNull().default(1),
		updatedAt: createdAt('updated_at'),
		/**
		 * Null: the lesson's own bank. A teacher: her copy (copy on write) of a question of a
		 * lesson she does not own, or a question she added to it; only her classes ask it.
		 */
		ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
		/** The question of the lesson's own bank that this teacher's copy stands in for. */
		baseId: text('base_id')
	},
	(t) => [
		index('questions_lesson_idx').on(t.lessonId, t.position),
		uniqueIndex('questions_owner_base_idx').on(t.ownerId, t.baseId),
		check('questions_type_check', oneOf('type', QUESTION_TYPES)),
		check('questions_origin_check', oneOf('origin', QUESTION_ORIGINS))
	]
);

export const questionVersions = sqliteTable(
	'question_versions',
	{
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		data: text('data', { mode: 'json' }).$type<Question>().notNull(),
		enabled: integer('enabled', { mode: 'boolean' }).notNull(),
		editedBy: text('edited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.questionId, t.version] })]
);

export const classes = sqliteTable(
	'classes',
	{
		id: text('id').primaryKey(),
		teacherId: text('teacher_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		joinCode: text('join_code').notNull().unique(),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [index('classes_teacher_idx').on(t.teacherId)]
);

export const classMembers = sqliteTable(
	'class_members',
	{
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		studentId: text('student_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinedAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.classId, t.studentId] }),
		index('class_members_student_idx').on(t.studentId)
	]
);

export const assignments = sqliteTable(
	'assignments',
	{
		id: text('id').primaryKey(),
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lessons.id, { onDelete: 'cascade' }),
		dueAt: integer('due_at', { mode: 'timestamp_ms' }),
		questionCount: integer('question_count').notNull().default(10),
		attemptsAllowed: integer('attempts_allowed').notNull().default(0),
		reveal: text('reveal', { enum: REVEALS }).notNull().default('each'),
		createdAt: createdAt()
	},
	(t) => [
		index('assignments_class_idx').on(t.classId),
		check('assignments_reveal_check', oneOf('reveal', REVEALS))
	]
);

export const attempts = sqliteTable(
	'attempts',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lessons.id, { onDelete: 'cascade' }),
		assignmentId: text('assignment_id').references(() => assignments.id, { onDelete: 'set null' }),
		seed: text('seed').notNull(),
		kind: text('kind', { enum: ATTEMPT_KINDS }).notNull().default('quiz'),
		questionCount: integer('question_count').notNull(),
		/** Whose version of the bank the quiz was drawn from (null: the lesson's own). */
		bankOwnerId: text('bank_owner_id'),
		startedAt: createdAt('started_at'),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
		correctCount: integer('correct_count').notNull().default(0),
		score: real('score')
	},
	(t) => [
		index('attempts_user_idx').on(t.userId, t.startedAt),
		index('attempts_assignment_idx').on(t.assignmentId, t.userId),
		index('attempts_lesson_idx').on(t.lessonId),
		check('attempts_kind_check', oneOf('kind', ATTEMPT_KINDS))
	]
);

/** The question exactly as it was asked: text, shuffled options and key. */
export const attemptQuestions = sqliteTable(
	'attempt_questions',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		questionId: text('question_id').notNull(),
		questionVersion: integer('question_version').notNull(),
		snapshot: text('snapshot', { mode: 'json' }).$type<Question>().notNull()
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.position] })]
);

export const answers = sqliteTable(
	'answers',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		questionId: text('question_id').notNull(),
		response: text('response', { mode: 'json' }).$type<Response>().notNull(),
		given: text('given').notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		score: real('score').notNull(),
		answeredAt: createdAt('answered_at')
	},
	(t) => [
		primaryKey({ columns: [t.attemptId, t.position] }),
		index('answers_question_idx').on(t.questionId)
	]
);

/**
 * A teacher's marking of a finished attempt: a comment to the student and/or a score that
 * replaces the attempt's own in the gradebook, with its reason. The attempt's score stays as
 * graded; question statistics read the answers themselves.
 */
export const attemptMarks = sqliteTable('attempt_marks', {
	attemptId: text('attempt_id')
		.primaryKey()
		.references(() => attempts.id, { onDelete: 'cascade' }),
	teacherId: text('teacher_id').references(() => users.id, { onDelete: 'set null' }),
	comment: text('comment').notNull().default(''),
	/** The score that counts, 0..1; null: the attempt's own score counts. */
	score: real('score'),
	reason: text('reason').notNull().default(''),
	updatedAt: createdAt('updated_at')
});

export const reviewCards = sqliteTable(
	'review_cards',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		card: text('card', { mode: 'json' }).$type<StoredCard>().notNull(),
		due: integer('due', { mode: 'timestamp_ms' }).notNull(),
		lastReviewedAt: integer('last_reviewed_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.questionId] }),
		index('review_cards_due_idx').on(t.userId, t.due)
	]
);

export const importJobs = sqliteTable(
	'import_jobs',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status', { enum: IMPORT_STATUSES }).notNull(),
		message: text('message').notNull().default(''),
		sourceId: integer('source_id').references(() => sources.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	() => [check('import_jobs_status_check', oneOf('status', IMPORT_STATUSES))]
);

export type User = typeof users.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type LessonRow = typeof lessons.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;
export type ClassRow = typeof classes.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type AttemptRow = typeof attempts.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type AttemptMarkRow = typeof attemptMarks.$inferSelect;
