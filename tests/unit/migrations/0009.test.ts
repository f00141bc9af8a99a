import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0009 (spreadsheet keys)', () => {
  it('keeps version-8 benchmarks with an empty code, indexes the natural keys and adds the saved mappings', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(8));
    db.prepare("INSERT INTO partners (id, name, iso_code, notes, created_at, updated_at) VALUES ('p1', 'Jordan', 'JO', '', 't', 't')").run();
    db.prepare("INSERT INTO benchmarks (id, title, project_id, created_at, updated_at) VALUES ('b1', 'Officers trained', 'x1', 't', 't')").run();
    migrate(db, upTo(9));
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT id, title, code, project_id AS projectId FROM benchmarks').all()).toEqual([{ id: 'b1', title: 'Officers trained', code: '', projectId: 'x1' }]);
    db.prepare("UPDATE benchmarks SET code = 'B-1' WHERE id = 'b1'").run();
    expect(db.prepare("SELECT id FROM benchmarks WHERE code = 'B-1'").all()).toEqual([{ id: 'b1' }]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM benchmarks WHERE code = 'B-1' AND code <> ''").all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('benchmarks_by_code');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('objectives_by_code', 'people_by_email', 'partners_by_iso_code') ORDER BY name").all()).toEqual([
      { name: 'objectives_by_code' },
      { name: 'partners_by_iso_code' },
      { name: 'people_by_email' },
    ]);
    db.prepare("INSERT INTO sheet_mappings (record_type, headers_key, mapping, saved_at) VALUES ('people', 'k', '{}', 't')").run();
    expect(() => db.prepare("INSERT INTO sheet_mappings (record_type, headers_key, mapping, saved_at) VALUES ('people', 'k', '{}', 't')").run()).toThrow();
    expect(db.prepare("SELECT id, name, iso_code AS isoCode FROM partners").all()).toEqual([{ id: 'p1', name: 'Jordan', isoCode: 'JO' }]);
  });
});
