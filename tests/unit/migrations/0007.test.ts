import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0007 (integer ids for the local audit log)', () => {
  it('keeps every entry, in order, under integer ids, still found by record', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(6));
    const audit = db.prepare('INSERT INTO audit_log (id, at, post_id, action, table_name, row_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?)');
    // Written out of order on purpose: the order is (at, id), not insertion.
    audit.run('0190-b', '2026-01-02T00:00:00.000Z', 'post-a', 'update', 'partners', 'r1', '{"name":["A","B"]}');
    audit.run('0190-a', '2026-01-01T00:00:00.000Z', 'post-a', 'create', 'partners', 'r1', '{"name":[null,"A"]}');
    audit.run('0190-c', '2026-01-02T00:00:00.000Z', 'post-b', 'delete', 'partners', 'r1', '{"name":["B",null]}');
    audit.run('0190-d', '2026-01-01T12:00:00.000Z', 'post-a', 'create', 'projects', 'r2', '{}');
    const before = db.prepare('SELECT at, post_id, action, table_name, row_id, changes FROM audit_log ORDER BY at, id').all();

    migrate(db, upTo(7));
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT at, post_id, action, table_name, row_id, changes FROM audit_log ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT typeof(id) AS kind FROM audit_log GROUP BY 1').all()).toEqual([{ kind: 'integer' }]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE table_name = 'partners' AND row_id = 'r1'").all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('audit_log_by_row');
    // The action check survives the rebuild.
    expect(() => db.prepare("INSERT INTO audit_log (at, post_id, action, table_name, row_id, changes) VALUES ('t', 'p', 'rename', 'partners', 'r1', '{}')").run()).toThrow(/CHECK/);
  });
});
