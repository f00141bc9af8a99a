import type { RecordTypeName } from '../../../shared/records/registry';
import { recordType } from '../../../shared/records/registry';
import { foldSearchText, searchWords } from '../../../shared/records/searchText';
import { columnName, type FieldSpec } from '../../../shared/records/spec';
import type { Store } from '../../store';
import { quoteIdentifier as q, statement as prepare } from '../../statements';
import { searchMatch } from './searchTerms';

/** Global search over every record type: the FTS index, then each hit's title and a snippet of its own text. */

const projections = new Map<string, { sql: string; textFields: FieldSpec[] }>();
/** A search result needs only the title and the searchable text: no JSON to decode. */
function resultProjection(type: string): { sql: string; textFields: FieldSpec[] } {
  let projection = projections.get(type);
  if (!projection) {
    const spec = recordType(type);
    const textFields = spec.fields.filter((field) => field.searchable && field.name !== spec.titleField);
    const columns = ['id', `${q(columnName(spec.titleField))} AS title`, ...textFields.map((field) => `${q(columnName(field.name))} AS ${q(field.name)}`)];
    projection = { sql: `SELECT ${columns.join(', ')} FROM ${q(spec.table)} WHERE id IN (SELECT value FROM json_each(?))`, textFields };
    projections.set(type, projection);
  }
  return projection;
}

/**
 * How many of a query's matches are ranked. Ranking (bm25) reads each match's column sizes, so a common word in a
 * post that gathers several others ranked every record it names (7,600 for "border patrol" at 4x the large seed)
 * to show fifty. The best matches are chosen among the newest RANKED_MATCHES of them (FTS5 walks its doclists from
 * the newest document and stops there): among all of them whenever a query matches fewer, which is most queries.
 */
export const RANKED_MATCHES = 1_000;

/**
 * The hits of a search, best first (ties oldest first): the newest RANKED_MATCHES matches, ranked as FTS5 walks them
 * from the newest document down (one pass: finding the oldest of them first and ranking from there searched the
 * index twice), and only the `limit` best joined to their records.
 */
export function searchHitsSql(limit: number): string {
  const newest = `SELECT rowid AS doc, bm25(search_index, 4.0, 1.0) AS score FROM search_index WHERE search_index MATCH @match ORDER BY rowid DESC LIMIT ${RANKED_MATCHES}`;
  const ranked = `SELECT doc, score FROM (${newest}) ORDER BY score, doc LIMIT ${Math.trunc(limit)}`;
  return `SELECT d.type, d.row_id AS id FROM (${ranked}) h JOIN search_docs d ON d.doc = h.doc ORDER BY h.score, h.doc`;
}

/** Global search over every record type (FTS5, Arabic folded), best matches first. */
export function searchAll(store: Store, text: string, limit: number): { type: RecordTypeName; id: string; title: string; titleAr?: string; snippet: string }[] {
  // Its words as the exact terms they start (searchTerms.ts): the newest matches are then found without reading the
  // doclists of every term a prefix names.
  const match = searchMatch(store, text);
  if (!match) return [];
  // A literal LIMIT, as in listRecords.
  const hits = prepare(store.db, `search.hits.${Math.trunc(limit)}`, () => searchHitsSql(limit)).all({ match }) as { type: RecordTypeName; id: string }[];
  const words = searchWords(text);
  // One read per record type for all of its hits, not one per hit.
  const rows = new Map<string, Record<string, unknown>>();
  for (const type of new Set(hits.map((hit) => hit.type))) {
    const ids = hits.filter((hit) => hit.type === type).map((hit) => hit.id);
    for (const row of prepare(store.db, resultProjection(type).sql).all(JSON.stringify(ids)) as Record<string, unknown>[]) rows.set(String(row.id), row);
  }
  return hits.flatMap((hit) => {
    const row = rows.get(hit.id);
    if (!row) return [];
    // The Arabic twin of the title is searchable, so the projection already holds it where the type has one.
    const titleAr = String(row[`${recordType(hit.type).titleField}Ar`] ?? '').trim();
    return [{ type: hit.type, id: hit.id, title: String(row.title ?? ''), ...(titleAr ? { titleAr } : {}), snippet: snippetOf(resultProjection(hit.type).textFields, row, words) }];
  });
}

/** A few words around the first match in a searchable field, in the record's own text (not the folded index). */
function snippetOf(fields: readonly FieldSpec[], record: Record<string, unknown>, words: string[]): string {
  for (const field of fields) {
    const text = String(record[field.name] ?? '');
    const folded = foldSearchText(text).toLowerCase();
    if (!words.some((word) => folded.includes(word))) continue;
    // Folding keeps every whitespace character where it was (it only drops marks and the article inside words), so the
    // text and its folded form split on single whitespace into the same words: fold once, not once per word.
    const tokens = text.split(/\s/);
    const foldedTokens = folded.slice(1).split(/\s/);
    const at = foldedTokens.findIndex((token) => words.some((word) => token.includes(word)));
    if (at < 0 || tokens.length !== foldedTokens.length) continue;
    const before = tokens.slice(0, at).filter(Boolean);
    const after = tokens.slice(at).filter(Boolean);
    const start = Math.max(0, before.length - 8);
    const end = Math.min(after.length, 12);
    return `${start > 0 ? '… ' : ''}${[...before.slice(start), ...after.slice(0, end)].join(' ')}${end < after.length ? ' …' : ''}`;
  }
  const first = fields.map((field) => String(record[field.name] ?? '')).find(Boolean) ?? '';
  return first.length > 160 ? `${first.slice(0, 160)} …` : first;
}

