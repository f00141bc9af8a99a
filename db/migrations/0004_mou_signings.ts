import type { Migration } from './types';

/**
 * The signing record of an MOU draft: who signed, when, and which saved
 * version (its id, number and the SHA-256 of its canonical snapshot), so
 * anyone can later prove which exact text was signed. A synced table: every
 * post learns that the draft was signed. No SQL foreign keys (sync may
 * deliver the record before its draft).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'mou_signings',
  up(db) {
    db.exec(`
      CREATE TABLE mou_signings (
        id TEXT PRIMARY KEY,
        mou_id TEXT NOT NULL DEFAULT '',
        version_id TEXT NOT NULL DEFAULT '',
        version_number INTEGER NOT NULL DEFAULT 0,
        version_sha256 TEXT NOT NULL DEFAULT '',
        signed_by TEXT NOT NULL DEFAULT '',
        signed_at TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX mou_signings_by_mou ON mou_signings (mou_id);
    `);
  },
};
