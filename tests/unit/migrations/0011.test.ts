import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0011 (list order)', () => {
  it('keeps version-10 rows and lets a page of a long list walk an index in title order', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(10));
    const insert = db.prepare("INSERT INTO check_ins (id, title, project_id, due_date, created_at, updated_at) VALUES (?, ?, 'p1', ?, 't', 't')");
    insert.run('c2', 'beta', '2027-01-02');
    insert.run('c1', 'Alpha', '2027-01-03');
    insert.run('c3', 'alpha', '2027-01-01');
    migrate(db, upTo(11));
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare('SELECT id FROM check_ins ORDER BY title COLLATE NOCASE, id').all()).toEqual([{ id: 'c1' }, { id: 'c3' }, { id: 'c2' }]);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' ');
    const byTitle = plan('SELECT rowid FROM check_ins t ORDER BY t.title COLLATE NOCASE DESC, t.id DESC LIMIT 200 OFFSET 400');
    expect(byTitle).toContain('check_ins_list_order');
    expect(byTitle).not.toContain('TEMP B-TREE');
    expect(plan('SELECT rowid FROM check_ins t ORDER BY t.due_date, t.id LIMIT 200 OFFSET 400')).not.toContain('TEMP B-TREE');
    for (const index of ['benchmarks_list_order', 'projects_list_order', 'mou_clauses_list_order', 'action_items_list_order', 'meetings_list_order', 'people_list_order', 'stakeholders_list_order']) {
      expect(db.prepare('SELECT name FROM sqlite_master WHERE name = ?').get(index), index).toEqual({ name: index });
    }
  });
});
