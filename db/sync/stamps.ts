import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../statements';

/**
 * The stamp of the value a field holds now is the highest (hlc, post id) of its
 * rows in field_changes: last writer wins, and every writer (Store, the sync
 * engine) logs each change it applies, winners and losers alike. The unique
 * index field_changes_by_stamp (table, row, column, hlc, post) serves both
 * reads below without sorting.
 */
export interface Stamp {
  hlc: string;
  postId: string;
}

const FIELD_STAMP = 'SELECT hlc, post_id AS postId FROM field_changes WHERE table_name = ? AND row_id = ? AND column_name = ? ORDER BY hlc DESC, post_id DESC LIMIT 1';
const ROW_STAMPS = 'SELECT column_name, hlc, post_id FROM field_changes WHERE table_name = ? AND row_id = ? ORDER BY column_name, hlc, post_id';

/** The current stamp of one field, or undefined when it was never written. */
export function fieldStamp(db: Database, table: string, rowId: string, column: string): Stamp | undefined {
  return statement(db, FIELD_STAMP).get(table, rowId, column) as Stamp | undefined;
}

/** The current stamp of every field of a record that was ever written (a delete shows as the tombstone column). */
export function rowStamps(db: Database, table: string, rowId: string): Map<string, Stamp> {
  const stamps = new Map<string, Stamp>();
  // Raw rows (keyed apart from the SQL, so no caller gets the statement in this mode); ascending per column: the last row read for a column is its highest stamp.
  for (const [column, hlc, postId] of statement(db, 'stamps.row', () => ROW_STAMPS).raw().all(table, rowId) as [string, string, string][]) stamps.set(column, { hlc, postId });
  return stamps;
}
