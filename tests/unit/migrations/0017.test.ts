import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const plan = (db: Database.Database) =>
  (db.prepare("EXPLAIN QUERY PLAN SELECT id FROM partners WHERE name = ? COLLATE NOCASE AND id IS NOT ?").all('jordan', 'x') as { detail: string }[]).map((row) => row.detail).join(' ');

describe('migration 0017 (partner name index)', () => {
  it('keeps version-16 partners and answers "is this name taken?" by index, not by reading every partner', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(16));
    db.prepare("INSERT INTO partners (id, name, created_at, updated_at) VALUES ('p1', 'Jordan', 't', 't')").run();
    expect(plan(db)).toMatch(/SCAN partners/);
    migrate(db, upTo(17));
    expect(schemaVersion(db)).toBe(17);
    expect(plan(db)).toContain('partners_by_name_nocase');
    expect(db.prepare('SELECT id FROM partners WHERE name = ? COLLATE NOCASE').get('JORDAN')).toEqual({ id: 'p1' });
  });
});
