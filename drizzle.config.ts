import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	// Live games' tables sit in a file of their own beside the rest.
	schema: ['./src/lib/server/db/schema.ts', './src/lib/server/db/live-schema.ts'],
	out: './drizzle',
	dialect: 'sqlite',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'data/sabaq.db' },
	strict: true,
	verbose: true
});
