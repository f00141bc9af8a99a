import type { Migration } from './types';

/**
 * A post can replace its encryption key without giving up its identity (issue 16): a suspected leak, an officer
 * leaving, or a routine change. The signing key stays, so other posts take the new encryption key from the post's
 * next key file without a second fingerprint check (it is vouched for by the key they pinned).
 *
 * A file sealed to the old key may already be on its way, so the replaced identity is kept here, for a stated time
 * (main/sync/encryption.ts), to open such files; the officer may instead drop it at once. Nothing existing changes.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'retired_encryption_keys',
  up(db) {
    db.exec(`CREATE TABLE sync_retired_encryption_keys (
  recipient TEXT PRIMARY KEY,
  identity TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT NOT NULL
)`);
  },
};
