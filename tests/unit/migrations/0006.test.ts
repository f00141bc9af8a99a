import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';
import { fieldStamp, rowStamps } from '../../../db/sync/stamps';
import { formatHlc } from '../../../shared/hlc';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const at = (wallMs: number, counter = 0) => formatHlc({ wallMs: 1_700_000_000_000 + wallMs, counter });

describe('migration 0006 (field stamps read from the change log)', () => {
  it('drops field_clocks, and every stamp it held is still read the same from field_changes', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(5));
    const log = db.prepare('INSERT INTO field_changes (table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const clock = db.prepare('INSERT INTO field_clocks (table_name, row_id, column_name, hlc, post_id) VALUES (?, ?, ?, ?, ?)');
    // A name edited three times by two posts (the last two concurrently: same wall time, post id breaks the tie), then the record deleted.
    log.run('partners', 'r1', 'name', '"A"', at(0), 'post-a', null, null);
    log.run('partners', 'r1', 'name', '"B"', at(500), 'post-b', at(0), 'post-a');
    log.run('partners', 'r1', 'name', '"C"', at(500), 'post-a', at(0), 'post-a');
    log.run('partners', 'r1', 'notes', '""', at(0, 1), 'post-a', null, null);
    log.run('partners', 'r1', '_deleted', 'true', at(900), 'post-b', null, null);
    clock.run('partners', 'r1', 'name', at(500), 'post-b');
    clock.run('partners', 'r1', 'notes', at(0, 1), 'post-a');
    clock.run('partners', 'r1', '_deleted', at(900), 'post-b');
    const held = db.prepare('SELECT column_name AS "column", hlc, post_id AS postId FROM field_clocks ORDER BY column_name').all() as { column: string; hlc: string; postId: string }[];

    migrate(db, upTo(6));
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'field_clocks'").get()).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM field_changes').get()).toEqual({ n: 5 });
    const stamps = rowStamps(db, 'partners', 'r1');
    expect([...stamps].map(([column, stamp]) => ({ column, ...stamp })).sort((a, b) => a.column.localeCompare(b.column))).toEqual(held);
    for (const { column, hlc, postId } of held) expect(fieldStamp(db, 'partners', 'r1', column)).toEqual({ hlc, postId });
    expect(fieldStamp(db, 'partners', 'r1', 'iso_code')).toBeUndefined();
    expect(rowStamps(db, 'partners', 'nobody').size).toBe(0);
  });
});
