import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0013 (signed batches)', () => {
  it('keeps version-10 change logs, adds the batch tables and finds an origin\'s changes by index', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(12));
    const log = db.prepare('INSERT INTO field_changes (table_name, row_id, column_name, hlc, post_id, value, prev_hlc, prev_post_id) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)');
    log.run('partners', 'p1', 'name', '001764000000000:000000', 'post-a', '"Jordan"');
    log.run('partners', 'p1', 'notes', '001764000000001:000000', 'post-b', '"x"');
    migrate(db, upTo(13));
    expect(schemaVersion(db)).toBe(13);
    expect(db.prepare('SELECT COUNT(*) FROM field_changes').pluck().get()).toBe(2);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT hlc FROM field_changes WHERE post_id = 'post-a' AND hlc > '0' ORDER BY hlc").all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('field_changes_by_origin');
    const batch = db.prepare(
      "INSERT INTO sync_batches (origin_post_id, seq, origin_key, first_hlc, last_hlc, change_count, prev_hash, hash, statement, signature, tables, body, received_at) VALUES ('post-a', ?, x'00', 'h', 'h', 1, NULL, x'00', x'00', x'00', '{}', x'00', 't')",
    );
    batch.run(1);
    expect(() => batch.run(1)).toThrow(); // one batch per (origin, number)
    db.prepare("INSERT INTO sync_peer_batches (peer_post_id, origin_post_id, seq) VALUES ('post-b', 'post-a', 1)").run();
    expect(db.prepare('SELECT seq FROM sync_peer_batches').pluck().get()).toBe(1);
  });
});
