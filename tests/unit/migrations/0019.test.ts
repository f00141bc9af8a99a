import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0019 (retired encryption keys)', () => {
  it("keeps the post's encryption key and adds an empty place for the keys it replaces, one row per recipient", () => {
    const db = new Database(':memory:');
    migrate(db, upTo(18));
    db.prepare("INSERT INTO sync_encryption_key (id, identity, recipient, signature, created_at) VALUES (1, 'AGE-SECRET-KEY-PQ-1X', 'age1pq1x', x'00', '2026-01-01T00:00:00Z')").run();
    migrate(db, upTo(19));
    expect(schemaVersion(db)).toBe(19);
    expect(db.prepare('SELECT recipient FROM sync_encryption_key').all()).toEqual([{ recipient: 'age1pq1x' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sync_retired_encryption_keys').get()).toEqual({ n: 0 });
    const insert = db.prepare("INSERT INTO sync_retired_encryption_keys (recipient, identity, created_at, retired_at) VALUES ('age1pq1x', 'AGE-SECRET-KEY-PQ-1X', 't', 't')");
    insert.run();
    expect(() => insert.run()).toThrow(); // a recipient is retired once
  });
});
