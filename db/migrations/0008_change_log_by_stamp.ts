import type { Migration } from './types';

/**
 * The change log is looked up only by (table, row, column, stamp): one change
 * is one field at one stamp. Keyed by exactly that, without a separate rowid
 * table behind a unique index, each logged change is one b-tree write instead
 * of two (and no AUTOINCREMENT counter to update), about a quarter less per
 * change of an import. Arrival order was never needed: stamps order changes.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'change_log_by_stamp',
  up(db) {
    db.exec(`
      CREATE TABLE field_changes_next (
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        column_name TEXT NOT NULL,
        hlc TEXT NOT NULL,
        post_id TEXT NOT NULL,
        value TEXT NOT NULL,
        prev_hlc TEXT,
        prev_post_id TEXT,
        PRIMARY KEY (table_name, row_id, column_name, hlc, post_id)
      ) WITHOUT ROWID;
      INSERT INTO field_changes_next (table_name, row_id, column_name, hlc, post_id, value, prev_hlc, prev_post_id)
        SELECT table_name, row_id, column_name, hlc, post_id, value, prev_hlc, prev_post_id FROM field_changes;
      DROP TABLE field_changes;
      ALTER TABLE field_changes_next RENAME TO field_changes;
    `);
  },
};
