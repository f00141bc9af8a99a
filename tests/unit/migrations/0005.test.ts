import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';
import { ftsQuery } from '../../../shared/records/searchText';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const searchHits = (db: Database.Database, word: string) =>
  db.prepare('SELECT d.row_id AS id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid WHERE search_index MATCH ?').all(ftsQuery(word));

describe('migration 0005 (Arabic title of MOU drafts)', () => {
  it('keeps a version-4 draft, gives it an empty Arabic title, and indexes Arabic titles for search', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(4));
    db.prepare("INSERT INTO mou_drafts (id, title, partner_id, sector, status, parties, summary, created_at, updated_at) VALUES ('m1', 'Border MOU', 'p1', 'border_security', 'draft', '[]', 'Joint patrols', 't', 't')").run();
    migrate(db, upTo(5));
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT id, title, title_ar AS titleAr, summary FROM mou_drafts').all()).toEqual([{ id: 'm1', title: 'Border MOU', titleAr: '', summary: 'Joint patrols' }]);
    expect(searchHits(db, 'patrols')).toEqual([{ id: 'm1' }]);

    db.prepare("UPDATE mou_drafts SET title_ar = 'مذكرة أمن الحدود' WHERE id = 'm1'").run();
    expect(searchHits(db, 'الحدود')).toEqual([{ id: 'm1' }]);
    expect(searchHits(db, 'patrols')).toEqual([{ id: 'm1' }]);
    db.prepare("DELETE FROM mou_drafts WHERE id = 'm1'").run();
    expect(searchHits(db, 'الحدود')).toEqual([]);
  });
});
