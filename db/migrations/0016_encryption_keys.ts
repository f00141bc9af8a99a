import type { Migration } from './types';

/**
 * Files encrypted to posts (issue 16). Each post gains an X25519 encryption key (an age identity) beside
 * its Ed25519 signing key:
 * - sync_encryption_key holds this post's identity and recipient, and the signing key's signature over the
 *   recipient (so a key file's encryption key is vouched for by the fingerprint a person already checks).
 *   The identity lives in the database, which is itself encrypted at rest: a post that can open its
 *   database can read what was sent to it, and imports need no second passphrase.
 * - sync_trusted_posts.encryption_key is the recipient a trusted post published (NULL until its key file
 *   with one is imported).
 * No existing row changes: posts made before get their encryption key on the next unlock of their signing key.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'encryption_keys',
  up(db) {
    db.exec(`CREATE TABLE sync_encryption_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  identity TEXT NOT NULL,
  recipient TEXT NOT NULL,
  signature BLOB NOT NULL,
  created_at TEXT NOT NULL
)`);
    db.exec('ALTER TABLE sync_trusted_posts ADD COLUMN encryption_key TEXT');
  },
};
