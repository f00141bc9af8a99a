import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';
import { ftsQuery } from '../../../shared/records/searchText';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const searchHits = (db: Database.Database, word: string) =>
  (db.prepare('SELECT d.row_id AS id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid WHERE search_index MATCH ? ORDER BY d.row_id').all(ftsQuery(word)) as { id: string }[]).map((row) => row.id);
const linksOf = (db: Database.Database, id: string) => db.prepare('SELECT target_id FROM record_links WHERE source_id = ? ORDER BY target_id').pluck().all(id);

describe('migration 0021 (Arabic title and decisions of meetings, Arabic description of action items)', () => {
  it('keeps version-20 rows, their search and their links, and indexes the Arabic text written afterwards', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(20));
    db.prepare(`INSERT INTO meetings (id, title, partner_id, date, attendees, agenda, decisions, created_at, updated_at) VALUES ('m1', 'Quarterly review', 'x', '2027-01-10', '[{"personId":"u1","role":"chair"}]', 'budget items', 'extend the course', 't', 't')`).run();
    db.prepare("INSERT INTO action_items (id, description, meeting_id, created_at, updated_at) VALUES ('a1', 'Send the curriculum', 'm1', 't', 't')").run();

    migrate(db, upTo(21));
    expect(schemaVersion(db)).toBe(21);
    expect(db.prepare("SELECT title_ar || decisions_ar FROM meetings WHERE id = 'm1'").pluck().get()).toBe('');
    expect(db.prepare("SELECT description_ar FROM action_items WHERE id = 'a1'").pluck().get()).toBe('');
    expect(searchHits(db, 'Quarterly')).toEqual(['m1']);
    expect(searchHits(db, 'budget')).toEqual(['m1']);
    expect(searchHits(db, 'extend')).toEqual(['m1']);
    expect(searchHits(db, 'curriculum')).toEqual(['a1']);
    expect(linksOf(db, 'm1')).toEqual(['u1']);

    // Arabic text written later is found (folded like every Arabic word), and the English text still is.
    db.prepare("UPDATE meetings SET title_ar = 'المراجعة الفصلية', decisions_ar = 'تمديد الدورة التدريبية' WHERE id = 'm1'").run();
    db.prepare("UPDATE action_items SET description_ar = 'إرسال المنهج' WHERE id = 'a1'").run();
    expect(searchHits(db, 'الفصلية')).toEqual(['m1']);
    expect(searchHits(db, 'تمديد')).toEqual(['m1']);
    expect(searchHits(db, 'ارسال')).toEqual(['a1']);
    expect(searchHits(db, 'extend')).toEqual(['m1']);
    expect(searchHits(db, 'curriculum')).toEqual(['a1']);
    expect(linksOf(db, 'm1')).toEqual(['u1']);

    // A new row is indexed by its Arabic text; a delete leaves nothing behind.
    db.prepare("INSERT INTO action_items (id, description, description_ar, meeting_id, created_at, updated_at) VALUES ('a2', 'Book the hall', 'حجز القاعة', 'm1', 't', 't')").run();
    expect(searchHits(db, 'القاعة')).toEqual(['a2']);
    db.prepare("DELETE FROM action_items WHERE id = 'a2'").run();
    expect(searchHits(db, 'القاعة')).toEqual([]);
  });

  it('stops the upgrade, changing nothing, when a trigger does not read as the earlier migrations left it', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(20));
    db.exec('DROP TRIGGER "action_items_derived_update"');
    db.exec('CREATE TRIGGER "action_items_derived_update" AFTER UPDATE OF "status" ON "action_items" BEGIN SELECT 1; END');
    expect(() => migrate(db, upTo(21))).toThrow(/action_items_derived_update/);
    expect(schemaVersion(db)).toBe(20);
    const columns = (db.prepare('PRAGMA table_info("meetings")').all() as { name: string }[]).map((column) => column.name);
    expect(columns).not.toContain('title_ar');
  });
});
