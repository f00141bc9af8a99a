/**
 * Text folding for global search, the same on the indexed side (SQL triggers
 * built with foldSearchSql) and the query side (foldSearchText), so that a
 * word written with any alef form, a taa marbuta or alef maqsura, harakat or
 * tatweel, with or without the article "ال", finds the others. This is the
 * usual light normalisation for Arabic retrieval; FTS5's unicode61 tokenizer
 * (remove_diacritics 2) does case and Latin-diacritic folding on top.
 *
 * Migration 0003 builds its triggers from this table: changing it needs a new
 * migration that rebuilds the triggers and the index.
 */
export const SEARCH_FOLDS: readonly (readonly [string, string])[] = [
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

/** The definite article at the start of a word (after folding). */
const ARTICLE = ' \u0627\u0644';

const FOLD_MAP = new Map(SEARCH_FOLDS);
// One pass is the same as the SQL's chain of replace(): no fold produces a character another fold replaces.
const FOLD_PATTERN = new RegExp(`[${SEARCH_FOLDS.map(([from]) => from).join('')}]`, 'g');

const NEEDS_FOLDING = new RegExp(FOLD_PATTERN.source);
const foldChar = (char: string) => FOLD_MAP.get(char)!;

export function foldSearchText(text: string): string {
  const spaced = ` ${NEEDS_FOLDING.test(text) ? text.replace(FOLD_PATTERN, foldChar) : text}`;
  return spaced.replaceAll(ARTICLE, ' ');
}

/** The same folding as an SQL expression over `expression` (for triggers). */
export function foldSearchSql(expression: string): string {
  let sql = `COALESCE(${expression}, '')`;
  for (const [from, to] of SEARCH_FOLDS) sql = `replace(${sql}, '${from}', '${to}')`;
  return `replace(' ' || ${sql}, '${ARTICLE}', ' ')`;
}

/**
 * A user's search text as an FTS5 query: every word must occur, each as a
 * prefix ("polic" finds "police"). Operators and quotes in the input are
 * words, never syntax. Empty when the text has no words.
 */
export function ftsQuery(text: string): string {
  return searchWords(text)
    .map((word) => `"${word}"*`)
    .join(' ');
}

/**
 * A search word that FTS5's tokenizer (unicode61, remove_diacritics 2) keeps exactly as it is: ASCII letters and
 * digits and the Arabic letters and digits, which it neither folds nor splits. Such a word can be compared with the
 * index's own terms (fts5vocab) by its characters; any other word (accented Latin, Cyrillic, …) is left to FTS5.
 */
export function isIndexTerm(word: string): boolean {
  return INDEX_TERM.test(word);
}
const INDEX_TERM = /^[0-9a-z\u0620-\u064a\u0660-\u0669\u0671-\u06d3]+$/;

/**
 * The same search as ftsQuery(words) with each word's prefix written out as the index terms it stands for (`terms`,
 * at least one), or left a prefix where `terms` is absent: `("border" OR "borders") AND "patrol"`. FTS5 reads the
 * OR of exact terms lazily, from the newest document down, where a prefix first merges the whole doclist of every
 * term it names; the records matched are the same. Terms hold only word characters, so need no escaping.
 */
export function ftsTermsQuery(words: readonly { word: string; terms?: readonly string[] }[]): string {
  return words
    .map(({ word, terms }) => {
      if (!terms) return `"${word}"*`;
      const exact = terms.map((term) => `"${term}"`);
      return exact.length === 1 ? exact[0]! : `(${exact.join(' OR ')})`;
    })
    .join(' AND ');
}

/** The folded words of a text, lower-cased, as the index sees them. */
export function searchWords(text: string): string[] {
  return foldSearchText(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
