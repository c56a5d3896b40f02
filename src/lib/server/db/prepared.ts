/**
 * Prepared statements for the hot paths (every request's session check, every graded answer):
 * the SQL is built and compiled once per connection instead of on every call.
 */
const perDatabase = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: object, key: string, build: () => T): T {
	let statements = perDatabase.get(db);
	if (!statements) {
		statements = new Map();
		perDatabase.set(db, statements);
	}
	let statement = statements.get(key) as T | undefined;
	if (!statement) {
		statement = build();
		statements.set(key, statement);
	}
	return statement;
}
