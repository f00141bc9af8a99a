import type { Migration } from './types';

/**
 * Sync between posts: this post's signing key, the posts it trusts, every
 * bundle it has seen, what each peer has acknowledged (for delta exports), the
 * conflicts waiting for a person, and the bundle sequence counter. All of it is
 * local bookkeeping: none of these tables travels in a bundle.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        public_key TEXT NOT NULL,          -- raw Ed25519 public key, base64
        fingerprint TEXT NOT NULL,
        protection TEXT NOT NULL,          -- 'passphrase' (scrypt + AES-256-GCM) or 'safeStorage'
        private_key BLOB NOT NULL,         -- the protected PKCS#8 private key
        created_at TEXT NOT NULL
      );
      CREATE TABLE sync_trusted_posts (
        post_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        trusted_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE sync_bundle_log (
        hash TEXT PRIMARY KEY,             -- SHA-256 of the whole file
        sender_post_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        result TEXT NOT NULL,              -- JSON summary of what the import did
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out'))
      );
      CREATE INDEX sync_bundle_log_by_sender ON sync_bundle_log(sender_post_id, sequence);
      -- What each peer is known to hold: for every origin post, the highest clock stamp
      -- below which the peer has every change. Learned only from the peer's own bundles.
      CREATE TABLE sync_peer_seen (
        peer_post_id TEXT NOT NULL,
        origin_post_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (peer_post_id, origin_post_id)
      ) WITHOUT ROWID;
      CREATE TABLE sync_conflicts (
        id TEXT PRIMARY KEY,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        column_name TEXT NOT NULL,
        winner_value TEXT NOT NULL,        -- JSON
        winner_hlc TEXT NOT NULL,
        winner_post_id TEXT NOT NULL,
        loser_value TEXT NOT NULL,         -- JSON
        loser_hlc TEXT NOT NULL,
        loser_post_id TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        bundle_hash TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept_winner', 'kept_loser')),
        resolved_at TEXT
      );
      CREATE UNIQUE INDEX sync_conflicts_once ON sync_conflicts(table_name, row_id, column_name, winner_hlc, winner_post_id, loser_hlc, loser_post_id);
      CREATE TABLE sync_sequence (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last INTEGER NOT NULL
      );
      -- One change is one (field, stamp): importing it again is ignored by this index. It also
      -- answers every by-row lookup, so the narrower index of 0001 only slowed writes down.
      CREATE UNIQUE INDEX field_changes_by_stamp ON field_changes(table_name, row_id, column_name, hlc, post_id);
      DROP INDEX field_changes_by_row;
    `);
  },
};
