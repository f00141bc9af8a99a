import type { Migration } from './types';

/**
 * Origins sign their own changes (bundle format 2, main/sync/bundle.ts). Each post cuts its own changes into
 * batches, numbered 1, 2, 3... per origin, each naming the hash of the one before, and signs each with its key;
 * every batch it receives is kept here exactly as it arrived (the compressed body and the origin's signature), so
 * that it can be forwarded intact: a relay passes on bytes it could not have made. The receiver's chain per
 * origin is contiguous (seq 1..n), so "what do I hold of O" is one number, and a delta is a range scan of the key.
 * What each peer has shown it holds, in those numbers, is kept beside (learned from the peer's own bundles).
 * The change log gets an index by origin and stamp: a post's own changes not yet in a batch are found by it,
 * not by reading the whole log.
 *
 * Self-contained on purpose: the SQL is written out here.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'signed_batches',
  up(db) {
    db.exec(`
      CREATE TABLE sync_batches (
        origin_post_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        origin_key BLOB NOT NULL,          -- the origin's raw Ed25519 public key (32 bytes)
        first_hlc TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        change_count INTEGER NOT NULL,
        prev_hash BLOB,                    -- hash of batch seq - 1 of the same origin (NULL for seq 1)
        hash BLOB NOT NULL,                -- SHA-256 of the signed statement
        statement BLOB NOT NULL,           -- the signed statement, byte for byte
        signature BLOB NOT NULL,           -- the origin's signature over the statement
        tables TEXT NOT NULL,              -- JSON: changes per table (for previews and counts)
        body BLOB NOT NULL,                -- gzip of the changes as JSON, byte for byte as signed
        received_at TEXT NOT NULL,
        UNIQUE (origin_post_id, seq)
      );
      CREATE TABLE sync_peer_batches (
        peer_post_id TEXT NOT NULL,
        origin_post_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (peer_post_id, origin_post_id)
      ) WITHOUT ROWID;
      CREATE INDEX field_changes_by_origin ON field_changes (post_id, hlc);
    `);
  },
};
