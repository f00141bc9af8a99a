import type { Migration } from './types';

/**
 * Partner names are unique without regard to case, and every write of a partner (a form, a spreadsheet row,
 * a change arriving from another post) asks whether another partner has the name. Without an index in that
 * collation the question read the whole table, so a bundle of n new partners cost n full scans. No row changes.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'partner_name_index',
  up(db) {
    db.exec('CREATE INDEX "partners_by_name_nocase" ON "partners" ("name" COLLATE NOCASE)');
  },
};
