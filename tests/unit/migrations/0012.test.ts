import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0012 (officers; who made each change)', () => {
  it('keeps the change log and audit log as they were, with no officer for what was written before officers existed', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(11));
    db.prepare("INSERT INTO partners (id, name, iso_code, notes, created_at, updated_at) VALUES ('p1', 'Republic of Tunisia', 'TN', '', 't', 't')").run();
    db.prepare("INSERT INTO field_changes (table_name, row_id, column_name, value, hlc, post_id) VALUES ('partners', 'p1', 'name', '\"Republic of Tunisia\"', '001764633600000:000000', 'post-a')").run();
    db.prepare("INSERT INTO audit_log (at, post_id, action, table_name, row_id, changes) VALUES ('2026-12-02T00:00:00.000Z', 'post-a', 'create', 'partners', 'p1', '{}')").run();

    migrate(db, upTo(12));
    expect(schemaVersion(db)).toBe(12);
    expect(db.prepare('SELECT row_id, column_name, post_id, officer_id, officer_name FROM field_changes').all()).toEqual([
      { row_id: 'p1', column_name: 'name', post_id: 'post-a', officer_id: null, officer_name: null },
    ]);
    expect(db.prepare('SELECT row_id, action, post_id, officer_id, officer_name FROM audit_log').all()).toEqual([{ row_id: 'p1', action: 'create', post_id: 'post-a', officer_id: null, officer_name: null }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM officers').get()).toEqual({ n: 0 });
  });

  it('refuses a role it does not know and a second officer of the same name (whatever its case)', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(12));
    const insert = db.prepare("INSERT INTO officers (id, name, role, passphrase_salt, passphrase_hash, passphrase_cost, created_at, updated_at) VALUES (?, ?, ?, x'00', x'00', 'N=16384,r=8,p=1', 't', 't')");
    insert.run('o1', 'Dana Reyes', 'editor');
    expect(() => insert.run('o2', 'Sam Cole', 'admin')).toThrow(/CHECK/);
    expect(() => insert.run('o3', 'dana reyes', 'read-only')).toThrow(/UNIQUE/);
  });
});
