PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`class_id` text NOT NULL,
	`lesson_id` integer NOT NULL,
	`due_at` integer,
	`question_count` integer DEFAULT 10 NOT NULL,
	`attempts_allowed` integer DEFAULT 0 NOT NULL,
	`reveal` text DEFAULT 'each' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assignments_reveal_check" CHECK(reveal in ('each', 'submit', 'due'))
);
--> statement-breakpoint
INSERT INTO `__new_assignments`("id", "class_id", "lesson_id", "due_at", "question_count", "attempts_allowed", "reveal", "created_at") SELECT "id", "class_id", "lesson_id", "due_at", "question_count", "attempts_allowed", "reveal", "created_at" FROM `assignments`;--> statement-breakpoint
DROP TABLE `assignments`;--> statement-breakpoint
ALTER TABLE `__new_assignments` RENAME TO `assignments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `assignments_class_idx` ON `assignments` (`class_id`);--> statement-breakpoint
CREATE TABLE `__new_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`lesson_id` integer NOT NULL,
	`assignment_id` text,
	`seed` text NOT NULL,
	`kind` text DEFAULT 'quiz' NOT NULL,
	`question_count` integer NOT NULL,
	`bank_owner_id` text,
	`started_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`finished_at` integer,
	`correct_count` integer DEFAULT 0 NOT NULL,
	`score` real,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "attempts_kind_check" CHECK(kind in ('quiz', 'retry'))
);
--> statement-breakpoint
INSERT INTO `__new_attempts`("id", "user_id", "lesson_id", "assignment_id", "seed", "kind", "question_count", "bank_owner_id", "started_at", "finished_at", "correct_count", "score") SELECT "id", "user_id", "lesson_id", "assignment_id", "seed", "kind", "question_count", "bank_owner_id", "started_at", "finished_at", "correct_count", "score" FROM `attempts`;--> statement-breakpoint
DROP TABLE `attempts`;--> statement-breakpoint
ALTER TABLE `__new_attempts` RENAME TO `attempts`;--> statement-breakpoint
CREATE INDEX `attempts_user_idx` ON `attempts` (`user_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `attempts_assignment_idx` ON `attempts` (`assignment_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `attempts_lesson_idx` ON `attempts` (`lesson_id`);--> statement-breakpoint
CREATE TABLE `__new_import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`status` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`source_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "import_jobs_status_check" CHECK(status in ('running', 'done', 'failed'))
);
--> statement-breakpoint
INSERT INTO `__new_import_jobs`("id", "owner_id", "status", "message", "source_id", "created_at") SELECT "id", "owner_id", "status", "message", "source_id", "created_at" FROM `import_jobs`;--> statement-breakpoint
DROP TABLE `import_jobs`;--> statement-breakpoint
ALTER TABLE `__new_import_jobs` RENAME TO `import_jobs`;--> statement-breakpoint
CREATE TABLE `__new_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`lesson_id` integer NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`origin` text DEFAULT 'generated' NOT NULL,
	`edited` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`owner_id` text,
	`base_id` text,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "questions_type_check" CHECK(type in ('multiple_choice', 'true_false', 'fill_blank', 'numeric', 'matching')),
	CONSTRAINT "questions_origin_check" CHECK(origin in ('generated', 'manual'))
);
--> statement-breakpoint
INSERT INTO `__new_questions`("id", "lesson_id", "position", "type", "data", "enabled", "origin", "edited", "version", "updated_at", "owner_id", "base_id") SELECT "id", "lesson_id", "position", "type", "data", "enabled", "origin", "edited", "version", "updated_at", "owner_id", "base_id" FROM `questions`;--> statement-breakpoint
DROP TABLE `questions`;--> statement-breakpoint
ALTER TABLE `__new_questions` RENAME TO `questions`;--> statement-breakpoint
CREATE INDEX `questions_lesson_idx` ON `questions` (`lesson_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `questions_owner_base_idx` ON `questions` (`owner_id`,`base_id`);--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`admin` integer DEFAULT false NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`locale` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "users_role_check" CHECK(role in ('student', 'teacher')),
	CONSTRAINT "users_locale_check" CHECK(locale is null or locale in ('en', 'kk', 'ru'))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "username", "display_name", "password_hash", "role", "admin", "must_change_password", "locale", "created_at") SELECT "id", "username", "display_name", "password_hash", "role", "admin", "must_change_password", "locale", "created_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `__new_live_games` (
	`id` text PRIMARY KEY NOT NULL,
	`pin` text NOT NULL,
	`host_id` text NOT NULL,
	`lesson_id` integer NOT NULL,
	`assignment_id` text,
	`class_id` text,
	`bank_owner_id` text,
	`questions` text NOT NULL,
	`seconds` integer NOT NULL,
	`leaderboard` integer NOT NULL,
	`late_join` integer NOT NULL,
	`class_only` integer NOT NULL,
	`phase` text NOT NULL,
	`current` integer DEFAULT -1 NOT NULL,
	`opened_at` integer,
	`closes_at` integer,
	`active_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`host_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "live_games_phase_check" CHECK(phase in ('lobby', 'question', 'closed', 'ended'))
);
--> statement-breakpoint
INSERT INTO `__new_live_games`("id", "pin", "host_id", "lesson_id", "assignment_id", "class_id", "bank_owner_id", "questions", "seconds", "leaderboard", "late_join", "class_only", "phase", "current", "opened_at", "closes_at", "active_at", "created_at", "ended_at") SELECT "id", "pin", "host_id", "lesson_id", "assignment_id", "class_id", "bank_owner_id", "questions", "seconds", "leaderboard", "late_join", "class_only", "phase", "current", "opened_at", "closes_at", "active_at", "created_at", "ended_at" FROM `live_games`;--> statement-breakpoint
DROP TABLE `live_games`;--> statement-breakpoint
ALTER TABLE `__new_live_games` RENAME TO `live_games`;--> statement-breakpoint
CREATE UNIQUE INDEX `live_games_pin_idx` ON `live_games` (`pin`) WHERE phase <> 'ended';--> statement-breakpoint
CREATE INDEX `live_games_host_idx` ON `live_games` (`host_id`);