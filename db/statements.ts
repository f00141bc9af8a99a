import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * The one statement cache of the database layer. A statement is prepared once
 * per connection and found again by its SQL text, or by a short key that names
 * it when building the SQL costs more than looking it up (`build` makes the SQL
 * the first time only). Bulk writes (seed, import) and list pages spend their
 * time running statements, not parsing them.
 *
 * A key must name one SQL text for the life of the connection: a builder whose
 * SQL depends on something outside the key would hand back a stale statement.
 * A statement switched to raw() or pluck() is shared with everyone holding its
 * key: give it a key of its own (not its SQL), and switch it at each use.
 */
export function statement(db: Database, sqlOrKey: string, build?: () => string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let found = cache.get(sqlOrKey);
  if (!found) cache.set(sqlOrKey, (found = db.prepare(build ? build() : sqlOrKey)));
  return found;
}

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * An SQL identifier (table or column name) in double quotes, inner quotes
 * doubled: names come from declarations only, and a field may be named like an
 * SQL keyword (resources.constraint).
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
