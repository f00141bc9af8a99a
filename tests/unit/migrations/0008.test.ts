import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';
import { fieldStamp } from '../../../db/sync/stamps';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const COLUMNS = 'table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id';

describe('migration 0008 (change log keyed by field and stamp)', () => {
  it('keeps every logged change, and one change is still held once', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(7));
    const log = db.prepare(`INSERT INTO field_changes (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    log.run('partners', 'r1', 'name', '"A"', '001700000000000:000000', 'post-a', null, null);
    log.run('partners', 'r1', 'name', '"B"', '001700000000500:000000', 'post-b', '001700000000000:000000', 'post-a');
    log.run('partners', 'r1', 'notes', '"long text"', '001700000000000:000001', 'post-a', null, null);
    const before = db.prepare(`SELECT ${COLUMNS} FROM field_changes ORDER BY hlc, post_id`).all();

    migrate(db, upTo(8));
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare(`SELECT ${COLUMNS} FROM field_changes ORDER BY hlc, post_id`).all()).toEqual(before);
    expect(fieldStamp(db, 'partners', 'r1', 'name')).toEqual({ hlc: '001700000000500:000000', postId: 'post-b' });
    const again = db.prepare(`INSERT OR IGNORE INTO field_changes (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    expect(again.run('partners', 'r1', 'name', '"B"', '001700000000500:000000', 'post-b', null, null).changes).toBe(0);
    expect(again.run('partners', 'r1', 'name', '"B"', '001700000000500:000000', 'post-c', null, null).changes).toBe(1);
  });
});
