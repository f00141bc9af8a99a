import type { Migration } from './types';

/**
 * MOU drafts get an Arabic title. Bilingual MOUs are written clause by clause in
 * both languages; without an Arabic title every bilingual export warned that
 * the title had no Arabic text. The Arabic title is searchable, so the search
 * triggers of mou_drafts are rebuilt to index it.
 *
 * Self-contained on purpose: the triggers are written out here, with a private
 * copy of migration 0003's search folding as it stood, rather than built by
 * code this migration imports, so nothing edited later can change what it does
 * to a database being upgraded.
 */

const FOLDS: readonly (readonly [string, string])[] = [
  ['\t', ' '],
  ['\n', ' '],
  ['\r', ' '],
  ['\u0640', ''], // tatweel
  ...['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670'].map((mark) => [mark, ''] as const), // harakat
  ['\u0623', '\u0627'], // أ -> ا
  ['\u0625', '\u0627'], // إ -> ا
  ['\u0622', '\u0627'], // آ -> ا
  ['\u0671', '\u0627'], // ٱ -> ا
  ['\u0649', '\u064A'], // ى -> ي
  ['\u0629', '\u0647'], // ة -> ه
];

/** The folding as an SQL expression over `expression`; the article "ال" at a word's start is dropped. */
function foldSql(expression: string): string {
  let sql = `COALESCE(${expression}, '')`;
  for (const [from, to] of FOLDS) sql = `replace(${sql}, '${from}', '${to}')`;
  return `replace(' ' || ${sql}, ' \u0627\u0644', ' ')`;
}

const forget = (row: 'new' | 'old') => `DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_docs WHERE row_id = ${row}.id);
DELETE FROM search_docs WHERE row_id = ${row}.id;`;

const remember = `INSERT INTO search_docs (type, row_id) VALUES ('mouDrafts', new.id);
INSERT INTO search_index (rowid, title, body) VALUES ((SELECT doc FROM search_docs WHERE row_id = new.id), ${foldSql('new."title"')}, ${foldSql(`COALESCE(new."title_ar", '') || ' ' || COALESCE(new."summary", '')`)});`;

const TRIGGERS = [
  `CREATE TRIGGER "mou_drafts_derived_insert" AFTER INSERT ON "mou_drafts" BEGIN\n${forget('new')}\n${remember}\nEND`,
  `CREATE TRIGGER "mou_drafts_derived_update" AFTER UPDATE OF "title", "title_ar", "summary" ON "mou_drafts" BEGIN\n${forget('old')}\n${remember}\nEND`,
  `CREATE TRIGGER "mou_drafts_derived_delete" AFTER DELETE ON "mou_drafts" BEGIN\n${forget('old')}\nEND`,
];

export const migration0005: Migration = {
  version: 5,
  name: 'mou_arabic_title',
  up(db) {
    db.exec("ALTER TABLE mou_drafts ADD COLUMN title_ar TEXT NOT NULL DEFAULT ''");
    for (const suffix of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER "mou_drafts_derived_${suffix}"`);
    for (const trigger of TRIGGERS) db.exec(trigger);
  },
};
