import type { Migration } from './types';

/**
 * Every element of a bilingual MOU in both languages: the partner nation's
 * Arabic name, the parties in Arabic, each clause's Arabic heading, and each
 * signatory's name, title and organisation in Arabic; and the closing formula
 * of the signature page, chosen per MOU. New columns default to empty (the
 * renderer falls back to the other language and the pre-export check names
 * what is missing), so every stored row keeps its meaning.
 *
 * Self-contained on purpose: the SQL is written out here.
 */
const STATEMENTS = [
  "ALTER TABLE partners ADD COLUMN name_ar TEXT NOT NULL DEFAULT ''",
  "ALTER TABLE mou_drafts ADD COLUMN parties_ar TEXT NOT NULL DEFAULT '[]'",
  "ALTER TABLE mou_drafts ADD COLUMN closing_formula TEXT",
  "ALTER TABLE mou_clauses ADD COLUMN heading_ar TEXT NOT NULL DEFAULT ''",
  "ALTER TABLE mou_signatories ADD COLUMN name_ar TEXT NOT NULL DEFAULT ''",
  "ALTER TABLE mou_signatories ADD COLUMN job_title_ar TEXT NOT NULL DEFAULT ''",
  "ALTER TABLE mou_signatories ADD COLUMN organisation_ar TEXT NOT NULL DEFAULT ''",
];

export const migration0010: Migration = {
  version: 10,
  name: 'bilingual_mou',
  up(db) {
    for (const statement of STATEMENTS) db.exec(statement);
  },
};
