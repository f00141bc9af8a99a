import type { Migration } from './types';

/**
 * The audit log is local (it never travels), so its entries need no UUIDs: an
 * integer key is the table's own rowid, where a text key cost a second b-tree
 * and a random id per entry, half of what an audit write cost (an import
 * writes one entry per record it touches). Entries keep their order (at, then
 * the order they were written).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'audit_integer_ids',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log_next (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        post_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        changes TEXT NOT NULL
      );
      INSERT INTO audit_log_next (at, post_id, action, table_name, row_id, changes)
        SELECT at, post_id, action, table_name, row_id, changes FROM audit_log ORDER BY at, id;
      DROP TABLE audit_log;
      ALTER TABLE audit_log_next RENAME TO audit_log;
      CREATE INDEX audit_log_by_row ON audit_log(table_name, row_id);
    `);
  },
};
