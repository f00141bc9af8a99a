import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0016 (encryption keys)', () => {
  it("keeps version-15 trusted posts (with no encryption key yet) and holds one encryption key per post", () => {
    const db = new Database(':memory:');
    migrate(db, upTo(15));
    db.prepare("INSERT INTO sync_trusted_posts (post_id, name, public_key, fingerprint, trusted_at, revoked_at) VALUES ('post-rabat', 'Embassy Rabat', 'a2V5', 'F1', '2026-01-01T00:00:00Z', NULL)").run();
    migrate(db, upTo(16));
    expect(schemaVersion(db)).toBe(16);
    expect(db.prepare('SELECT name, encryption_key AS encryptionKey FROM sync_trusted_posts').get()).toEqual({ name: 'Embassy Rabat', encryptionKey: null });
    const insert = db.prepare("INSERT INTO sync_encryption_key (id, identity, recipient, signature, created_at) VALUES (?, 'AGE-SECRET-KEY-PQ-1X', 'age1pq1x', x'00', 't')");
    insert.run(1);
    expect(() => insert.run(1)).toThrow(); // one key for this post
    expect(() => insert.run(2)).toThrow(); // and only row 1
  });
});
