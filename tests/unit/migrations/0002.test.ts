import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

describe('migration 0002 (sync)', () => {
  it('keeps every row of a version-1 database and adds the sync tables', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.filter((m) => m.version <= 1));
    db.prepare("INSERT INTO post_identity (id, name, created_at) VALUES ('p1', 'Embassy Tunis, ODC', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO partners (id, name, iso_code, notes, created_at, updated_at) VALUES ('r1', 'Tunisia', 'TN', '', 'x', 'x')").run();
    db.prepare("INSERT INTO field_changes (table_name, row_id, column_name, value, hlc, post_id) VALUES ('partners', 'r1', 'name', '\"Tunisia\"', '000000000000001:000000', 'p1')").run();
    migrate(db, migrations.filter((m) => m.version <= 2));
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT name FROM partners').all()).toEqual([{ name: 'Tunisia' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM field_changes').get()).toEqual({ n: 1 });
    for (const table of ['sync_key', 'sync_trusted_posts', 'sync_bundle_log', 'sync_peer_seen', 'sync_conflicts', 'sync_sequence']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    // A change is one (field, stamp): the same stamp twice is refused.
    expect(() =>
      db.prepare("INSERT INTO field_changes (table_name, row_id, column_name, value, hlc, post_id) VALUES ('partners', 'r1', 'name', '\"X\"', '000000000000001:000000', 'p1')").run(),
    ).toThrow(/UNIQUE/);
  });
});
