import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ftsQuery, ftsTermsQuery, isIndexTerm, searchWords } from '../../../shared/records/searchText';
import type { Store } from '../../store';
import { statement as prepare } from '../../statements';

/**
 * A search's words as the index terms they are prefixes of (issue 17). FTS5 answers a prefix ("border"*) by merging
 * the whole doclist of every term it names before it returns the first match, so a search cost what the database
 * held, however few results it showed. The same words written as an OR of their exact terms are read lazily, newest
 * first, and a LIMIT stops them: the same records match.
 *
 * The terms come from an fts5vocab table of type 'instance', one step per term: `term >= ? LIMIT 1` seeks to the next
 * term and reads one of its positions. (Its 'row' and 'col' types count each term's documents as they go, reading
 * every doclist in the range: as dear as the prefix itself.)
 */

/**
 * The most terms one word is written out as. A shorter prefix names more ("a", "2"): such a word stays a prefix query,
 * whose cost then does not come from the words' rarity but from their number.
 */
export const PREFIX_TERMS = 32;

const vocabularies = new WeakSet<Database>();

/** The index's vocabulary, a temp table of this connection (a virtual table over search_index, holding nothing). */
function vocabulary(db: Database): void {
  if (vocabularies.has(db)) return;
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, 'search_index', 'instance')");
  vocabularies.add(db);
}

/**
 * Each step seeks to the term after the one before (terms hold no control characters, so none sorts between a term
 * and itself followed by U+0001), up to one past the cap. One statement: the vocabulary table prepares a statement
 * of its own each time it is opened, which cost more than the steps.
 */
const TERMS_STARTING = `WITH RECURSIVE step(term, n) AS (
    SELECT (SELECT term FROM temp.search_terms WHERE term >= @prefix LIMIT 1), 1
    UNION ALL
    SELECT (SELECT term FROM temp.search_terms WHERE term >= step.term || char(1) LIMIT 1), n + 1 FROM step
    WHERE substr(step.term, 1, length(@prefix)) = @prefix AND n <= ${PREFIX_TERMS}
  )
  SELECT term FROM step WHERE substr(term, 1, length(@prefix)) = @prefix`;

/** The index terms that start with `prefix`, in order; undefined when there are more than PREFIX_TERMS. */
export function termsStarting(store: Store, prefix: string): string[] | undefined {
  vocabulary(store.db);
  const terms = prepare(store.db, 'search.termsStarting', () => TERMS_STARTING).pluck().all({ prefix }) as string[];
  return terms.length > PREFIX_TERMS ? undefined : terms;
}

/**
 * A user's search text as an FTS5 query that finds what ftsQuery(text) finds: '' when the text has no words, undefined
 * when one of its words starts no term of the index (nothing can match).
 *
 * Inside a write transaction the words stay prefixes: FTS5 may hold that transaction's new terms in memory, and a
 * vocabulary scan of that memory finds only the terms under the prefix it starts from, not the term after another.
 */
export function searchMatch(store: Store, text: string): string | undefined {
  if (store.db.inTransaction) return ftsQuery(text);
  const words = [];
  for (const word of searchWords(text)) {
    if (!isIndexTerm(word)) {
      words.push({ word });
      continue;
    }
    const terms = termsStarting(store, word);
    if (terms?.length === 0) return undefined;
    words.push({ word, terms });
  }
  return ftsTermsQuery(words);
}
