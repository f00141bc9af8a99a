import type { Migration } from './types';

/**
 * field_clocks held, per field, the stamp of the value it holds now: always the
 * highest (hlc, post id) among that field's rows in field_changes, which every
 * writer logs in the same transaction. The unique index on field_changes
 * (table, row, column, hlc, post) answers "highest stamp of this field" with
 * one seek, so the copy only cost a second write per change (a fifth of an
 * import's time). Stamps are now read from the log (db/sync/stamps.ts).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'field_stamps_from_log',
  up(db) {
    db.exec('DROP TABLE field_clocks');
  },
};
