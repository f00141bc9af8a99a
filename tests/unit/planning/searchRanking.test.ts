import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import { RANKED_MATCHES } from '../../../db/repositories/records/search';
import { searchMatch } from '../../../db/repositories/records/searchTerms';
import { syncedTables } from '../../../db/syncedTables';
import { callOk, useFreshApp } from '../../helpers';

/**
 * Global search ranks at most the newest RANKED_MATCHES matches of a query (db/repositories/records/search.ts), so
 * its cost stops growing with the post once a word is that common. Below that it is the full ranking, unchanged.
 */

let app: AccordApp;
useFreshApp((opened) => (app = opened));

type Hit = { type: string; id: string; title: string };
const search = (query: string, limit = 50) => callOk<Hit[]>(app, 'search.global', { query, limit });
const addPartners = (names: { name: string; notes: string }[]) =>
  app.context.store.transaction(() => app.context.store.insertMany(syncedTables.partners, names.map((values) => ({ values: { ...values, nameAr: '', isoCode: 'TN' } }))));

/** Every match of the query search runs ranked, as search did before it was bounded: the ids best first, ties oldest first. */
function fullRanking(query: string, limit: number): string[] {
  const rows = app.context.store.db
    .prepare('SELECT d.row_id AS id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH ? ORDER BY bm25(search_index, 4.0, 1.0), s.rowid LIMIT ?')
    .all(searchMatch(app.context.store, query), limit) as { id: string }[];
  return rows.map((row) => row.id);
}

describe('global search ranking', () => {
  it('is the full ranking while a query matches fewer records than it ranks', async () => {
    // Titles and notes that mention the word more or less often, so the ranking has something to order.
    addPartners(Array.from({ length: 120 }, (_, i) => ({ name: `${'Harbor '.repeat(1 + (i % 4))}authority ${i}`, notes: i % 3 === 0 ? 'harbor patrol boats and harbor cranes' : 'customs' })));
    for (const [query, limit] of [['harbor', 50], ['harbor patrol', 50], ['harb', 200], ['authority 7', 10]] as const) {
      expect((await search(query, limit)).map((hit) => hit.id), query).toEqual(fullRanking(query, limit));
    }
  });

  it('ranks only the newest matches of a word more common than that', async () => {
    const [strongest] = addPartners([{ name: 'Harbor harbor harbor lighthouse', notes: 'harbor harbor' }]);
    addPartners(Array.from({ length: RANKED_MATCHES + 200 }, (_, i) => ({ name: `Port authority ${i}`, notes: `the harbor of town ${i}` })));
    const newest = addPartners([{ name: 'Harbor police', notes: '' }]);
    expect(fullRanking('harbor', 1)).toEqual([strongest]);
    const hits = await search('harbor');
    expect(hits).toHaveLength(50);
    // The oldest match is past the newest RANKED_MATCHES; among those the title match ranks first.
    expect(hits.map((hit) => hit.id)).not.toContain(strongest);
    expect(hits[0]!.id).toBe(newest[0]);
    // A query it is among the newest matches of still finds it.
    expect((await search('harbor lighthouse')).map((hit) => hit.id)).toEqual([strongest]);
  });
});
