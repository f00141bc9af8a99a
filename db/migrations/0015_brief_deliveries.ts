import type { Migration } from './types';

/**
 * Briefs delivered to resource managers (record type briefDeliveries): which
 * budget deadline a brief was for, to whom and when it was handed over, in
 * which language and form. A synced planning table like those of migration
 * 0003: text, dates and enums TEXT NOT NULL (''), links TEXT (NULL when
 * optional), with the same search-index triggers (title: subject; body:
 * notes) and indexes on its links. No existing row changes.
 *
 * Self-contained on purpose: the SQL, including the search folding of 0003's
 * triggers, is written out here.
 */

const FOLDS: readonly (readonly [string, string])[] = [
  ['\t', ' '],
  ['\n', ' '],
  ['\r', ' '],
  ['\u0640', ''],
  ...['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670'].map((mark) => [mark, ''] as const),
  ['\u0623', '\u0627'],
  ['\u0625', '\u0627'],
  ['\u0622', '\u0627'],
  ['\u0671', '\u0627'],
  ['\u0649', '\u064A'],
  ['\u0629', '\u0647'],
];

function foldSql(expression: string): string {
  let sql = `COALESCE(${expression}, '')`;
  for (const [from, to] of FOLDS) sql = `replace(${sql}, '${from}', '${to}')`;
  return `replace(' ' || ${sql}, ' \u0627\u0644', ' ')`;
}

const forget = (row: 'new' | 'old') => [`DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_docs WHERE row_id = ${row}.id);`, `DELETE FROM search_docs WHERE row_id = ${row}.id;`];
const remember = [
  `INSERT INTO search_docs (type, row_id) VALUES ('briefDeliveries', new.id);`,
  `INSERT INTO search_index (rowid, title, body) VALUES ((SELECT doc FROM search_docs WHERE row_id = new.id), ${foldSql('new."subject"')}, ${foldSql(`COALESCE(new."notes", '')`)});`,
];

const STATEMENTS = [
  `CREATE TABLE "brief_deliveries" (
  id TEXT PRIMARY KEY,
  "subject" TEXT NOT NULL DEFAULT '',
  "deadline_id" TEXT,
  "partner_id" TEXT,
  "recipient_id" TEXT,
  "delivered_on" TEXT NOT NULL DEFAULT '',
  "language" TEXT NOT NULL DEFAULT '',
  "format" TEXT NOT NULL DEFAULT '',
  "notes" TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
)`,
  'CREATE INDEX "brief_deliveries_by_deadline_id" ON "brief_deliveries" ("deadline_id")',
  'CREATE INDEX "brief_deliveries_by_partner_id" ON "brief_deliveries" ("partner_id")',
  'CREATE INDEX "brief_deliveries_by_recipient_id" ON "brief_deliveries" ("recipient_id")',
  `CREATE TRIGGER "brief_deliveries_derived_insert" AFTER INSERT ON "brief_deliveries" BEGIN\n${[...forget('new'), ...remember].join('\n')}\nEND`,
  `CREATE TRIGGER "brief_deliveries_derived_update" AFTER UPDATE OF "subject", "notes" ON "brief_deliveries" BEGIN\n${[...forget('old'), ...remember].join('\n')}\nEND`,
  `CREATE TRIGGER "brief_deliveries_derived_delete" AFTER DELETE ON "brief_deliveries" BEGIN\n${forget('old').join('\n')}\nEND`,
];

export const migration0015: Migration = {
  version: 15,
  name: 'brief_deliveries',
  up(db) {
    for (const statement of STATEMENTS) db.exec(statement);
  },
};
