import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';
import { ftsQuery } from '../../../shared/records/searchText';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const searchHits = (db: Database.Database, word: string) =>
  (db.prepare('SELECT d.row_id AS id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid WHERE search_index MATCH ? ORDER BY d.row_id').all(ftsQuery(word)) as { id: string }[]).map((row) => row.id);

describe('migration 0018 (Arabic names searchable)', () => {
  it('indexes the Arabic names of version-17 partners and signatories, and keeps them indexed through edits and deletes', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(17));
    db.prepare("INSERT INTO partners (id, name, name_ar, notes, created_at, updated_at) VALUES ('p1', 'Jordan', 'الأردن', 'Hashemite Kingdom', 't', 't')").run();
    db.prepare("INSERT INTO mou_signatories (id, mou_id, name, name_ar, side, signing_order, created_at, updated_at) VALUES ('s1', 'm1', 'Ahmad Saleh', 'أحمد صالح', 'partner', 1, 't', 't')").run();
    // Before: the Arabic names are not in the index.
    expect(searchHits(db, 'الأردن')).toEqual([]);
    expect(searchHits(db, 'أحمد')).toEqual([]);

    migrate(db, upTo(18));
    expect(schemaVersion(db)).toBe(18);
    // The rows already there are found by their Arabic names (folded: the article and hamza as the search folds them),
    // and still by their English names and notes.
    expect(searchHits(db, 'الأردن')).toEqual(['p1']);
    expect(searchHits(db, 'اردن')).toEqual(['p1']);
    expect(searchHits(db, 'Jordan')).toEqual(['p1']);
    expect(searchHits(db, 'Hashemite')).toEqual(['p1']);
    expect(searchHits(db, 'احمد')).toEqual(['s1']);

    // An edit of the Arabic name indexes it again; a new row is indexed; a delete leaves nothing behind.
    db.prepare("UPDATE partners SET name_ar = 'المملكة الأردنية' WHERE id = 'p1'").run();
    expect(searchHits(db, 'المملكة')).toEqual(['p1']);
    expect(searchHits(db, 'Jordan')).toEqual(['p1']);
    db.prepare("INSERT INTO partners (id, name, name_ar, notes, created_at, updated_at) VALUES ('p2', 'Morocco', 'المغرب', '', 't', 't')").run();
    expect(searchHits(db, 'المغرب')).toEqual(['p2']);
    db.prepare("DELETE FROM partners WHERE id = 'p2'").run();
    expect(searchHits(db, 'المغرب')).toEqual([]);
    expect(db.prepare("SELECT COUNT(*) FROM search_docs WHERE row_id = 'p2'").pluck().get()).toBe(0);
  });
});
