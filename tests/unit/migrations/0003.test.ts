import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';
import { RETIRED_COLUMNS } from '../../../db/syncedTables';
import { describeSyncedTables } from '../../../db/sync/columns';
import { recordTypes } from '../../../shared/records/registry';
import { ftsQuery } from '../../../shared/records/searchText';
import { columnName } from '../../../shared/records/spec';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const search = (db: Database.Database, text: string) =>
  db.prepare('SELECT d.type, d.row_id AS id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH ? ORDER BY d.row_id').all(ftsQuery(text));

describe('migration 0003 (planning)', () => {
  it('keeps the foundation rows of a version-2 database and makes them searchable', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(2));
    db.prepare("INSERT INTO partners (id, name, iso_code, notes, created_at, updated_at) VALUES ('p1', 'Tunisia', 'TN', 'North Africa', 't', 't')").run();
    db.prepare(
      "INSERT INTO mou_drafts (id, title, partner_id, sector, status, parties, summary, created_at, updated_at) VALUES ('m1', 'Border MOU', 'p1', 'border_security', 'draft', '[\"MoI\"]', 'تدريب حرس الحدود', 't', 't')",
    ).run();
    db.prepare("INSERT INTO field_changes (table_name, row_id, column_name, value, hlc, post_id) VALUES ('partners', 'p1', 'name', '\"Tunisia\"', '000000000000001:000000', 'x')").run();
    migrate(db, upTo(3));
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT id, name, iso_code, notes, updated_at FROM partners').all()).toEqual([{ id: 'p1', name: 'Tunisia', iso_code: 'TN', notes: 'North Africa', updated_at: 't' }]);
    expect(db.prepare('SELECT title, parties, summary FROM mou_drafts').all()).toEqual([{ title: 'Border MOU', parties: '["MoI"]', summary: 'تدريب حرس الحدود' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM field_changes').get()).toEqual({ n: 1 }); // indexing old rows is not a change
    expect(search(db, 'tunis')).toEqual([{ type: 'partners', id: 'p1' }]);
    expect(search(db, 'الحدود')).toEqual([{ type: 'mouDrafts', id: 'm1' }]);
  });

  it('has a column for every field of the registry, and sync can describe every declared table', () => {
    const db = new Database(':memory:');
    migrate(db);
    for (const spec of recordTypes) {
      const columns = (db.prepare(`PRAGMA table_info("${spec.table}")`).all() as { name: string }[]).map((column) => column.name);
      const retired = [...(RETIRED_COLUMNS.get(spec.table) ?? [])];
      expect(columns.sort()).toEqual(['id', 'created_at', 'updated_at', ...spec.fields.map((field) => columnName(field.name)), ...retired].sort());
    }
    expect(() => describeSyncedTables(db)).not.toThrow();
  });

  it('keeps the search index and link index current for any writer, not only Store', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO check_ins (id, title, project_id, due_date, benchmark_ids, created_at, updated_at) VALUES ('c1', 'Joint review', 'x', '2026-01-01', '[\"b1\",\"b2\"]', 't', 't')").run();
    expect(db.prepare("SELECT target_id FROM record_links WHERE source_id = 'c1' ORDER BY 1").all()).toEqual([{ target_id: 'b1' }, { target_id: 'b2' }]);
    db.prepare("UPDATE check_ins SET title = 'Annual review', benchmark_ids = 'not json' WHERE id = 'c1'").run();
    expect(search(db, 'joint')).toEqual([]);
    expect(search(db, 'annual')).toEqual([{ type: 'checkIns', id: 'c1' }]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM record_links WHERE source_id = 'c1'").get()).toEqual({ n: 0 });
    db.prepare("DELETE FROM check_ins WHERE id = 'c1'").run();
    expect(search(db, 'annual')).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM search_docs').get()).toEqual({ n: 0 });
  });
});
