import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * This post's local bookkeeping that hosts and handlers read or change: its
 * settings and its display name (its clock is db/clock.ts). The SQL lives here
 * so none is written outside db/.
 */

export function readSetting(db: Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function renamePost(db: Database, postId: string, name: string): void {
  db.prepare('UPDATE post_identity SET name = ? WHERE id = ?').run(name, postId);
}

/** How many rows a table holds (its name comes from this layer's own registry, never from input). */
export function countRows(db: Database, table: 'partners'): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}
