CREATE TABLE `attempt_marks` (
	`attempt_id` text PRIMARY KEY NOT NULL,
	`teacher_id` text,
	`comment` text DEFAULT '' NOT NULL,
	`score` real,
	`reason` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`teacher_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
