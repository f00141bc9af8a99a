import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import { PREFIX_TERMS, searchMatch, termsStarting } from '../../../db/repositories/records/searchTerms';
import { syncedTables } from '../../../db/syncedTables';
import { ftsQuery, ftsTermsQuery, isIndexTerm } from '../../../shared/records/searchText';
import { callOk, useFreshApp } from '../../helpers';

/**
 * Global search writes each word out as the index terms it is a prefix of (db/repositories/records/searchTerms.ts),
 * so FTS5 reads them lazily. It must match exactly the records the plain prefix query matches.
 */

let app: AccordApp;
useFreshApp((opened) => (app = opened));

type Hit = { type: string; id: string };
const search = (query: string, limit = 200) => callOk<Hit[]>(app, 'search.global', { query, limit });
const addPartners = (rows: { name: string; notes?: string }[]) =>
  app.context.store.transaction(() =>
    app.context.store.insertMany(syncedTables.partners, rows.map(({ name, notes = '' }) => ({ values: { name, notes, nameAr: '', isoCode: 'TN' } }))),
  );

/** The records a query matches as FTS5 itself reads it, sorted. */
const matching = (match: string) =>
  (app.context.store.db.prepare('SELECT d.row_id AS id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH ?').pluck().all(match) as string[]).sort();

/** Many words sharing prefixes, in English and in Arabic (with the article, alef forms and taa marbuta folding). */
function addWordFamilies() {
  addPartners([
    { name: 'Harbor authority', notes: 'harbors and harboring' },
    { name: 'Harbormaster office', notes: 'the harbour police' },
    { name: 'Harbinger project' },
    { name: 'Port police', notes: 'policing the ports; policy review' },
    { name: 'Café des ports', notes: 'caféine' },
    { name: 'الأمن البحري', notes: 'خفر السواحل في البحرين' },
    { name: 'البحرية الملكية', notes: 'بحار وبحارة' },
    { name: 'أمن الحدود', notes: 'الأمانة العامة' },
    { name: 'مركز التدريب ٢٠٢٦', notes: 'تدريبات ومدربين' },
    ...Array.from({ length: PREFIX_TERMS + 8 }, (_, i) => ({ name: `Station ${i}`, notes: `code st${i}x and 7${i}` })),
  ]);
}

describe('search by the terms a word starts', () => {
  it('writes a word out as its terms, in order, and gives up past the cap', () => {
    addWordFamilies();
    const store = app.context.store;
    expect(termsStarting(store, 'harb')).toEqual(['harbinger', 'harbor', 'harboring', 'harbormaster', 'harbors', 'harbour']);
    expect(termsStarting(store, 'harbor')).toEqual(['harbor', 'harboring', 'harbormaster', 'harbors']);
    expect(termsStarting(store, 'بحر')).toEqual(['بحري', 'بحرين', 'بحريه']);
    expect(termsStarting(store, 'zzz')).toEqual([]);
    // "st" starts station, st0x … st39x: more than the cap.
    expect(termsStarting(store, 'st')).toBeUndefined();
    expect(searchMatch(store, 'harbor st')).toBe('("harbor" OR "harboring" OR "harbormaster" OR "harbors") AND "st"*');
    expect(searchMatch(store, 'zzz harbor')).toBeUndefined();
    expect(searchMatch(store, '  ')).toBe('');
  });

  it('matches exactly the records the prefix query matches, English and Arabic, short and long prefixes', async () => {
    addWordFamilies();
    const queries = [
      'harb', 'harbor', 'HARBOR auth', 'harbour', 'pol', 'police port', 'port', 'st', 's', '7', '71', 'station 3', 'café', 'caf', 'des',
      'الأمن', 'امن', 'إمن', 'البحرية', 'بحر', 'البحر', 'بحري', 'البحرين', 'الشرطة', 'تدريب', 'مدرب', '٢٠٢', 'أمن بحر', 'zzz', 'harbor zzz',
    ];
    for (const query of queries) {
      const prefix = matching(ftsQuery(query));
      const match = searchMatch(app.context.store, query);
      expect(match === undefined ? [] : matching(match), query).toEqual(prefix);
      expect((await search(query)).map((hit) => hit.id).sort(), query).toEqual(prefix);
    }
    // The families are really there: several terms each, so the OR is what was compared.
    expect(matching(ftsQuery('harb'))).toHaveLength(3);
    expect(matching(ftsQuery('بحر'))).toHaveLength(2);
  });

  it('ranks as the prefix query does where each word stands for one term, and by each term where it stands for several', async () => {
    addWordFamilies();
    addPartners(Array.from({ length: 60 }, (_, i) => ({ name: `${'Harbinger '.repeat(1 + (i % 3))}station ${i}`, notes: i % 2 ? 'harbinger harbormaster' : 'harbors' })));
    const ranked = (match: string) =>
      app.context.store.db
        .prepare('SELECT d.row_id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH ? ORDER BY bm25(search_index, 4.0, 1.0), s.rowid LIMIT 50')
        .pluck()
        .all(match);
    for (const query of ['harbi', 'harbinger station', 'stat harbi', 'امن']) {
      expect(searchMatch(app.context.store, query), query).not.toContain(' OR ');
      expect((await search(query, 50)).map((hit) => hit.id), query).toEqual(ranked(ftsQuery(query)));
    }
    // "harb" stands for six terms, each ranked as a phrase of its own (bm25 gives each its own rarity): the same
    // records, in the order of the written-out query.
    expect((await search('harb', 50)).map((hit) => hit.id)).toEqual(ranked(searchMatch(app.context.store, 'harb')!));
  });

  it('leaves to FTS5 the words its tokenizer would fold or split, and the words of an open write transaction', () => {
    addWordFamilies();
    const store = app.context.store;
    expect(['border', 'a1', 'امن', 'بحرين', '٢٠٢٦'].every(isIndexTerm)).toBe(true);
    expect(['café', 'straße', 'полиция', 'ﻻ'].some(isIndexTerm)).toBe(false);
    expect(searchMatch(store, 'café des')).toBe('"café"* AND "des"');
    // Terms written in this transaction are still in FTS5's memory: a vocabulary scan would miss some of them.
    store.transaction(() => {
      addPartners([{ name: 'Harborside' }]);
      expect(searchMatch(store, 'harbor')).toBe(ftsQuery('harbor'));
      expect(matching(searchMatch(store, 'harborside')!)).toHaveLength(1);
    });
    expect(termsStarting(store, 'harbor')).toContain('harborside');
  });

  it('is what FTS5 tokenizes each index character to', () => {
    const db = app.context.store.db;
    db.exec("CREATE VIRTUAL TABLE temp.probe USING fts5(x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE temp.probe_terms USING fts5vocab(temp, 'probe', 'row')");
    const characters = Array.from({ length: 0x700 }, (_, code) => String.fromCodePoint(code)).filter((character) => isIndexTerm(character));
    const insert = db.prepare('INSERT INTO temp.probe (x) VALUES (?)');
    for (const character of characters) insert.run(`q${character}q`);
    const terms = new Set(db.prepare('SELECT term FROM temp.probe_terms').pluck().all() as string[]);
    expect(characters.filter((character) => !terms.has(`q${character}q`))).toEqual([]);
    expect(characters.length).toBeGreaterThan(100);
  });

  it('writes a query FTS5 reads', () => {
    expect(ftsTermsQuery([{ word: 'bord', terms: ['border', 'borders'] }, { word: 'patrol', terms: ['patrol'] }, { word: 'caf' }])).toBe('("border" OR "borders") AND "patrol" AND "caf"*');
    expect(ftsTermsQuery([])).toBe('');
  });
});
