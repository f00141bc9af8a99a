import type { Migration } from './types';

/**
 * A partner's and a signatory's Arabic names become searchable: an officer working in Arabic looks a partner up by
 * the name the Arabic view shows ("الأردن"), and found nothing. The search triggers of partners and mou_signatories
 * are rebuilt to index `name_ar` beside the English name, and the rows already there are indexed again.
 *
 * Self-contained on purpose: the triggers are written out here, with a private copy of migration 0003's search
 * folding as it stood, rather than built by code this migration imports, so nothing edited later can change what it
 * does to a database being upgraded.
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

interface Indexed {
  type: string;
  table: string;
  /** The columns a change to which indexes the row again. */
  columns: string[];
  /** The body: the Arabic name, then the other searchable text, as SQL over `row`. */
  body(row: string): string;
}

const INDEXED: readonly Indexed[] = [
  { type: 'partners', table: 'partners', columns: ['name', 'name_ar', 'notes'], body: (row) => `COALESCE(${row}."name_ar", '') || ' ' || COALESCE(${row}."notes", '')` },
  { type: 'mouSignatories', table: 'mou_signatories', columns: ['name', 'name_ar'], body: (row) => `COALESCE(${row}."name_ar", '')` },
];

const forget = (row: 'new' | 'old') => `DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_docs WHERE row_id = ${row}.id);
DELETE FROM search_docs WHERE row_id = ${row}.id;`;

const remember = ({ type, body }: Indexed) => `INSERT INTO search_docs (type, row_id) VALUES ('${type}', new.id);
INSERT INTO search_index (rowid, title, body) VALUES ((SELECT doc FROM search_docs WHERE row_id = new.id), ${foldSql('new."name"')}, ${foldSql(body('new'))});`;

export const migration0018: Migration = {
  version: 18,
  name: 'arabic_names_searchable',
  up(db) {
    for (const indexed of INDEXED) {
      for (const suffix of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER "${indexed.table}_derived_${suffix}"`);
      db.exec(`CREATE TRIGGER "${indexed.table}_derived_insert" AFTER INSERT ON "${indexed.table}" BEGIN\n${forget('new')}\n${remember(indexed)}\nEND`);
      db.exec(`CREATE TRIGGER "${indexed.table}_derived_update" AFTER UPDATE OF ${indexed.columns.map((column) => `"${column}"`).join(', ')} ON "${indexed.table}" BEGIN\n${forget('old')}\n${remember(indexed)}\nEND`);
      db.exec(`CREATE TRIGGER "${indexed.table}_derived_delete" AFTER DELETE ON "${indexed.table}" BEGIN\n${forget('old')}\nEND`);
      // The rows already there, indexed again with their Arabic names (same doc ids, so nothing else moves).
      db.exec(`UPDATE search_index SET body = (SELECT ${foldSql(indexed.body('t'))} FROM "${indexed.table}" t JOIN search_docs d ON d.row_id = t.id WHERE d.doc = search_index.rowid)
        WHERE rowid IN (SELECT d.doc FROM search_docs d WHERE d.type = '${indexed.type}')`);
    }
  },
};
