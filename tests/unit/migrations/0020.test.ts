import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';
import { ftsQuery } from '../../../shared/records/searchText';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const searchHits = (db: Database.Database, word: string) =>
  (db.prepare('SELECT d.row_id AS id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid WHERE search_index MATCH ? ORDER BY d.row_id').all(ftsQuery(word)) as { id: string }[]).map((row) => row.id);
const linksOf = (db: Database.Database, id: string) => db.prepare('SELECT target_id FROM record_links WHERE source_id = ? ORDER BY target_id').pluck().all(id);

describe('migration 0020 (Arabic titles of projects, benchmarks, check-in points, objectives and budget deadlines)', () => {
  it('keeps version-19 rows, their search and their links, and indexes the Arabic titles written afterwards', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(19));
    db.prepare("INSERT INTO projects (id, title, partner_id, partner_lead, objective_ids, created_at, updated_at) VALUES ('p1', 'Forensics lab', 'x', 'Col. Haddad', '[\"o1\"]', 't', 't')").run();
    db.prepare("INSERT INTO check_ins (id, title, project_id, due_date, benchmark_ids, evidence_notes, created_at, updated_at) VALUES ('c1', 'Joint review', 'p1', '2027-01-01', '[\"b1\",\"b2\"]', 'site visit', 't', 't')").run();
    db.prepare("INSERT INTO budget_deadlines (id, name, date, fiscal_year, notes, created_at, updated_at) VALUES ('d1', 'Mission Resource Request', '2027-03-01', 2028, 'annual', 't', 't')").run();
    db.prepare("INSERT INTO benchmarks (id, title, project_id, definition, objective_ids, created_at, updated_at) VALUES ('b1', 'Officers trained', 'p1', 'certified course', '[\"o1\"]', 't', 't')").run();
    db.prepare("INSERT INTO objectives (id, code, title, description, created_at, updated_at) VALUES ('o1', 'MO1.1', 'Accountable police', 'first goal', 't', 't')").run();

    migrate(db, upTo(20));
    expect(schemaVersion(db)).toBe(20);
    // The old rows have an empty Arabic title, and are still found and linked as before.
    expect(db.prepare("SELECT title_ar FROM projects WHERE id = 'p1'").pluck().get()).toBe('');
    expect(db.prepare("SELECT name_ar FROM budget_deadlines WHERE id = 'd1'").pluck().get()).toBe('');
    expect(searchHits(db, 'Forensics')).toEqual(['p1']);
    expect(searchHits(db, 'Haddad')).toEqual(['p1']);
    expect(searchHits(db, 'visit')).toEqual(['c1']);
    expect(searchHits(db, 'annual')).toEqual(['d1']);
    expect(linksOf(db, 'c1')).toEqual(['b1', 'b2']);
    expect(linksOf(db, 'p1')).toEqual(['o1']);
    expect(linksOf(db, 'b1')).toEqual(['o1']);
    expect(searchHits(db, 'certified')).toEqual(['b1']);
    expect(searchHits(db, 'MO1')).toEqual(['o1']);

    // An Arabic title written later is found (folded like every Arabic word), and the English text still is.
    db.prepare("UPDATE projects SET title_ar = 'مختبر الأدلة الجنائية' WHERE id = 'p1'").run();
    db.prepare("UPDATE check_ins SET title_ar = 'المراجعة المشتركة' WHERE id = 'c1'").run();
    db.prepare("UPDATE budget_deadlines SET name_ar = 'طلب موارد البعثة' WHERE id = 'd1'").run();
    db.prepare("UPDATE benchmarks SET title_ar = 'الأفراد المدربون' WHERE id = 'b1'").run();
    db.prepare("UPDATE objectives SET title_ar = 'شرطة خاضعة للمساءلة' WHERE id = 'o1'").run();
    expect(searchHits(db, 'المدربون')).toEqual(['b1']);
    expect(searchHits(db, 'للمساءلة')).toEqual(['o1']);
    expect(searchHits(db, 'MO1')).toEqual(['o1']);
    expect(linksOf(db, 'b1')).toEqual(['o1']);
    expect(searchHits(db, 'الادلة')).toEqual(['p1']);
    expect(searchHits(db, 'مراجعة')).toEqual(['c1']);
    expect(searchHits(db, 'موارد')).toEqual(['d1']);
    expect(searchHits(db, 'Haddad')).toEqual(['p1']);
    expect(linksOf(db, 'c1')).toEqual(['b1', 'b2']);

    // A new row is indexed by its Arabic title; a delete leaves nothing behind.
    db.prepare("INSERT INTO check_ins (id, title, title_ar, project_id, due_date, benchmark_ids, created_at, updated_at) VALUES ('c2', 'Mid-year', 'منتصف العام', 'p1', '2027-06-01', '[\"b3\"]', 't', 't')").run();
    expect(searchHits(db, 'منتصف')).toEqual(['c2']);
    expect(linksOf(db, 'c2')).toEqual(['b3']);
    db.prepare("DELETE FROM check_ins WHERE id = 'c2'").run();
    expect(searchHits(db, 'منتصف')).toEqual([]);
    expect(linksOf(db, 'c2')).toEqual([]);
  });

  it('stops the upgrade, changing nothing, when a trigger does not read as the earlier migrations left it', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(19));
    db.exec('DROP TRIGGER "check_ins_derived_update"');
    db.exec('CREATE TRIGGER "check_ins_derived_update" AFTER UPDATE OF "due_date" ON "check_ins" BEGIN SELECT 1; END');
    expect(() => migrate(db, upTo(20))).toThrow(/check_ins_derived_update/);
    expect(schemaVersion(db)).toBe(19);
    const columns = (db.prepare('PRAGMA table_info("projects")').all() as { name: string }[]).map((column) => column.name);
    expect(columns).not.toContain('title_ar');
  });
});
