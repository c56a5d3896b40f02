CREATE TABLE `live_answers` (
	`player_id` text NOT NULL,
	`position` integer NOT NULL,
	`game_id` text NOT NULL,
	`response` text NOT NULL,
	`given` text NOT NULL,
	`correct` integer NOT NULL,
	`score` real NOT NULL,
	`points` integer NOT NULL,
	`elapsed_ms` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`player_id`, `position`),
	FOREIGN KEY (`player_id`) REFERENCES `live_players`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`game_id`) REFERENCES `live_games`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `live_answers_game_idx` ON `live_answers` (`game_id`,`position`);--> statement-breakpoint
CREATE TABLE `live_games` (
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
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_games_pin_idx` ON `live_games` (`pin`) WHERE phase <> 'ended';--> statement-breakpoint
CREATE INDEX `live_games_host_idx` ON `live_games` (`host_id`);--> statement-breakpoint
CREATE TABLE `live_players` (
	`id` text PRIMARY KEY NOT NULL,
	`game_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text,
	`name` text NOT NULL,
	`attempt_id` text,
	`removed` integer DEFAULT false NOT NULL,
	`joined_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`game_id`) REFERENCES `live_games`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_players_token_hash_unique` ON `live_players` (`token_hash`);--> statement-breakpoint
CREATE INDEX `live_players_game_idx` ON `live_players` (`game_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `live_players_user_idx` ON `live_players` (`game_id`,`user_id`);