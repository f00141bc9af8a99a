import type { Migration } from './types';

/**
 * The foundation: post identity, partners, MOU drafts, and the change capture
 * every synced table shares (per-field clock stamps, an append-only change log
 * with tombstones, and the audit trail).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE post_identity (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        wall_ms INTEGER NOT NULL,
        counter INTEGER NOT NULL
      );
      CREATE TABLE partners (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        iso_code TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE mou_drafts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        partner_id TEXT NOT NULL, -- checked by the repository, see syncedTables.ts
        sector TEXT NOT NULL,
        status TEXT NOT NULL,
        parties TEXT NOT NULL DEFAULT '[]',
        summary TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX mou_drafts_by_partner ON mou_drafts(partner_id);

      -- Every field written by this post or merged from another, in order.
      -- A delete is a change of the pseudo-column '_deleted' to true.
      CREATE TABLE field_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        column_name TEXT NOT NULL,
        value TEXT NOT NULL,
        hlc TEXT NOT NULL,
        post_id TEXT NOT NULL,
        prev_hlc TEXT,
        prev_post_id TEXT
      );
      CREATE INDEX field_changes_by_row ON field_changes(table_name, row_id);

      -- The stamp of the value each field holds now: what last-writer-wins compares against.
      CREATE TABLE field_clocks (
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        column_name TEXT NOT NULL,
        hlc TEXT NOT NULL,
        post_id TEXT NOT NULL,
        PRIMARY KEY (table_name, row_id, column_name)
      ) WITHOUT ROWID;

      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        post_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        changes TEXT NOT NULL
      );
      CREATE INDEX audit_log_by_row ON audit_log(table_name, row_id);
    `);
  },
};
