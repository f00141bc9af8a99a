import type { Migration } from './types';

/**
 * Spreadsheet import matches a partner's file to existing records by a natural key (shared/sheets/keys.ts).
 * Benchmarks had none a partner could write (titles repeat across projects), so they get a short code (e.g.
 * "B-3.1"), empty on existing rows. The keys that are looked up alone get an index: benchmark and objective
 * codes, people's e-mail (compared without case), partners' ISO code. Saved column mappings are this post's
 * own (not synced): one per record type and set of header names.
 *
 * Self-contained on purpose: the SQL is written out here, so nothing edited later can change what it does to a
 * database being upgraded.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'sheet_keys',
  up(db) {
    db.exec(`
      ALTER TABLE benchmarks ADD COLUMN code TEXT NOT NULL DEFAULT '';
      CREATE INDEX benchmarks_by_code ON benchmarks (code) WHERE code <> '';
      CREATE INDEX objectives_by_code ON objectives (code);
      CREATE INDEX people_by_email ON people (lower(email)) WHERE email <> '';
      CREATE INDEX partners_by_iso_code ON partners (iso_code) WHERE iso_code <> '';
      CREATE TABLE sheet_mappings (
        record_type TEXT NOT NULL,
        headers_key TEXT NOT NULL,
        mapping TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (record_type, headers_key)
      ) WITHOUT ROWID;
    `);
  },
};
