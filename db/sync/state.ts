import type { Database } from 'better-sqlite3-multiple-ciphers';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import type { Store } from '../store';
import { syncedTables, type SyncedTable } from '../syncedTables';
import type { Vector } from './changes';
import { quoteIdentifier } from '../statements';
import { describeSyncedTables, fromStoredValue } from './columns';

/** Sync bookkeeping that stays on this post: key, trusted posts, bundle log, peer vectors, conflicts. */

export interface StoredKey {
  publicKey: string;
  fingerprint: string;
  protection: string;
  privateKey: Buffer;
  createdAt: string;
}

export function readKey(db: Database): StoredKey | undefined {
  return db.prepare('SELECT public_key AS publicKey, fingerprint, protection, private_key AS privateKey, created_at AS createdAt FROM sync_key WHERE id = 1').get() as StoredKey | undefined;
}

export function writeKey(db: Database, key: StoredKey): void {
  db.prepare('INSERT INTO sync_key (id, public_key, fingerprint, protection, private_key, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
    key.publicKey, key.fingerprint, key.protection, key.privateKey, key.createdAt,
  );
}

/** This post's encryption key (an age identity) and the signing key's signature over its recipient. */
export interface StoredEncryptionKey {
  identity: string;
  recipient: string;
  signature: Buffer;
  createdAt: string;
}

export function readEncryptionKey(db: Database): StoredEncryptionKey | undefined {
  return db.prepare('SELECT identity, recipient, signature, created_at AS createdAt FROM sync_encryption_key WHERE id = 1').get() as StoredEncryptionKey | undefined;
}

export function writeEncryptionKey(db: Database, key: StoredEncryptionKey): void {
  db.prepare('INSERT INTO sync_encryption_key (id, identity, recipient, signature, created_at) VALUES (1, ?, ?, ?, ?)').run(key.identity, key.recipient, key.signature, key.createdAt);
}

/** An encryption key this post replaced, kept a while to open files sealed to it before the change (migration 0019). */
export function retireEncryptionKey(db: Database, nowIso: string): void {
  db.prepare('INSERT INTO sync_retired_encryption_keys (recipient, identity, created_at, retired_at) SELECT recipient, identity, created_at, ? FROM sync_encryption_key WHERE id = 1').run(nowIso);
  db.prepare('DELETE FROM sync_encryption_key WHERE id = 1').run();
}

/** The identities of keys retired at or after `sinceIso`, newest first. */
export function readRetiredIdentities(db: Database, sinceIso: string): string[] {
  return (db.prepare('SELECT identity FROM sync_retired_encryption_keys WHERE retired_at >= ? ORDER BY retired_at DESC').all(sinceIso) as { identity: string }[]).map((row) => row.identity);
}

/**
 * Drops retired keys (those retired before `beforeIso`, or all): files sealed to them no longer open here. Written
 * over, not only unlinked, so the identity does not linger in the file's free pages.
 */
export function forgetRetiredEncryptionKeys(db: Database, beforeIso: string | null): number {
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return beforeIso === null ? db.prepare('DELETE FROM sync_retired_encryption_keys').run().changes : db.prepare('DELETE FROM sync_retired_encryption_keys WHERE retired_at < ?').run(beforeIso).changes;
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
}

export function countRetiredEncryptionKeys(db: Database, sinceIso: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM sync_retired_encryption_keys WHERE retired_at >= ?').get(sinceIso) as { n: number }).n;
}

export interface TrustedPost {
  postId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  /** The age recipient this post published (vouched for by its signing key), or null before its key file said one. */
  encryptionKey: string | null;
  trustedAt: string;
  revokedAt: string | null;
}

const SELECT_TRUSTED = 'SELECT post_id AS postId, name, public_key AS publicKey, fingerprint, encryption_key AS encryptionKey, trusted_at AS trustedAt, revoked_at AS revokedAt FROM sync_trusted_posts';

export function listTrustedPosts(db: Database): TrustedPost[] {
  return db.prepare(`${SELECT_TRUSTED} ORDER BY name, post_id`).all() as TrustedPost[];
}

export function findTrustedPost(db: Database, postId: string): TrustedPost | undefined {
  return db.prepare(`${SELECT_TRUSTED} WHERE post_id = ?`).get(postId) as TrustedPost | undefined;
}

/**
 * Trusting a post pins its key: a different key for the same post is refused, never silently replaced.
 * An encryption key (already checked against the signing key by the caller) is learned or updated on an
 * existing trust: it is vouched for by the key this post already pinned.
 */
export function trustPost(db: Database, post: Omit<TrustedPost, 'trustedAt' | 'revokedAt' | 'encryptionKey'> & { encryptionKey?: string | null }, nowIso: string): TrustedPost {
  const existing = findTrustedPost(db, post.postId);
  // A new key for a known post is accepted only after its old key was revoked (a deliberate rotation).
  if (existing && existing.publicKey !== post.publicKey && existing.revokedAt === null) {
    throw new AppError('CONFLICT', message('sync.trust.alreadyTrustedOtherKey', { name: existing.name, fingerprint: existing.fingerprint }), { reason: 'key-changed' });
  }
  if (existing && existing.revokedAt === null) {
    if (post.encryptionKey && post.encryptionKey !== existing.encryptionKey) {
      db.prepare('UPDATE sync_trusted_posts SET encryption_key = ? WHERE post_id = ?').run(post.encryptionKey, post.postId);
      return findTrustedPost(db, post.postId)!;
    }
    return existing;
  }
  db.prepare(
    'INSERT INTO sync_trusted_posts (post_id, name, public_key, fingerprint, encryption_key, trusted_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL) ' +
      'ON CONFLICT (post_id) DO UPDATE SET name = excluded.name, public_key = excluded.public_key, fingerprint = excluded.fingerprint, ' +
      'encryption_key = excluded.encryption_key, trusted_at = excluded.trusted_at, revoked_at = NULL',
  ).run(post.postId, post.name, post.publicKey, post.fingerprint, post.encryptionKey ?? null, nowIso);
  return findTrustedPost(db, post.postId)!;
}

export function revokePost(db: Database, postId: string, nowIso: string): TrustedPost {
  const existing = findTrustedPost(db, postId);
  if (!existing) throw new AppError('NOT_FOUND', message('sync.trust.unknownPost', { postId }), { postId });
  db.prepare('UPDATE sync_trusted_posts SET revoked_at = ? WHERE post_id = ? AND revoked_at IS NULL').run(nowIso, postId);
  return findTrustedPost(db, postId)!;
}

export function nextSequence(db: Database): number {
  const last = (db.prepare('SELECT last FROM sync_sequence WHERE id = 1').pluck().get() as number | undefined) ?? 0;
  db.prepare('INSERT INTO sync_sequence (id, last) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET last = excluded.last').run(last + 1);
  return last + 1;
}

export function findBundle(db: Database, hash: string): { hash: string; result: string } | undefined {
  return db.prepare('SELECT hash, result FROM sync_bundle_log WHERE hash = ?').get(hash) as { hash: string; result: string } | undefined;
}

export function highestSequenceFrom(db: Database, senderPostId: string): number {
  return (db.prepare("SELECT MAX(sequence) FROM sync_bundle_log WHERE sender_post_id = ? AND direction = 'in'").pluck().get(senderPostId) as number | null) ?? 0;
}

export function logBundle(db: Database, entry: { hash: string; senderPostId: string; sequence: number; createdAt: string; receivedAt: string; result: unknown; direction: 'in' | 'out' }): void {
  db.prepare('INSERT OR IGNORE INTO sync_bundle_log (hash, sender_post_id, sequence, created_at, received_at, result, direction) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    entry.hash, entry.senderPostId, entry.sequence, entry.createdAt, entry.receivedAt, JSON.stringify(entry.result), entry.direction,
  );
}

export function peerSeen(db: Database, peerPostId: string): Vector {
  const rows = db.prepare('SELECT origin_post_id AS origin, hlc FROM sync_peer_seen WHERE peer_post_id = ?').all(peerPostId) as { origin: string; hlc: string }[];
  return Object.fromEntries(rows.map((row) => [row.origin, row.hlc]));
}

/** Learned from a peer's own bundle: it holds everything up to its vector. Only ever grows. */
export function recordPeerSeen(db: Database, peerPostId: string, vector: Vector): void {
  const upsert = db.prepare(
    'INSERT INTO sync_peer_seen (peer_post_id, origin_post_id, hlc) VALUES (?, ?, ?) ' +
      'ON CONFLICT (peer_post_id, origin_post_id) DO UPDATE SET hlc = MAX(hlc, excluded.hlc)',
  );
  for (const [origin, stamp] of Object.entries(vector)) upsert.run(peerPostId, origin, stamp);
}

export interface ConflictRecord {
  id: string;
  table: string;
  rowId: string;
  field: string;
  column: string;
  winnerValue: unknown;
  winnerPostId: string;
  winnerHlc: string;
  loserValue: unknown;
  loserPostId: string;
  loserHlc: string;
  detectedAt: string;
  status: 'open' | 'kept_winner' | 'kept_loser';
  rowExists: boolean;
  /** The record's name or title, when it still exists. */
  label: string | null;
}

export function listConflicts(db: Database, status: 'open' | 'all' = 'open'): ConflictRecord[] {
  const tables = describeSyncedTables(db);
  const rows = db
    .prepare(
      `SELECT id, table_name AS tableName, row_id AS rowId, column_name AS columnName, winner_value AS winnerValue, winner_hlc AS winnerHlc, winner_post_id AS winnerPostId,
              loser_value AS loserValue, loser_hlc AS loserHlc, loser_post_id AS loserPostId, detected_at AS detectedAt, status
       FROM sync_conflicts ${status === 'open' ? "WHERE status = 'open'" : ''} ORDER BY detected_at, id`,
    )
    .all() as { id: string; tableName: string; rowId: string; columnName: string; winnerValue: string; winnerHlc: string; winnerPostId: string; loserValue: string; loserHlc: string; loserPostId: string; detectedAt: string; status: ConflictRecord['status'] }[];
  return rows.map((row) => {
    const info = tables.get(row.tableName);
    // The record's first text field (its name or title) tells a person which record this is.
    const labelColumn = info && [...info.columns.values()].find((c) => c.kind === 'text');
    const found = info
      ? (db.prepare(`SELECT id${labelColumn ? `, ${quoteIdentifier(labelColumn.column)} AS label` : ''} FROM ${quoteIdentifier(info.table.name)} WHERE id = ?`).get(row.rowId) as { label?: unknown } | undefined)
      : undefined;
    const exists = found !== undefined;
    return {
      id: row.id,
      table: row.tableName,
      rowId: row.rowId,
      column: row.columnName,
      field: info?.columns.get(row.columnName)?.field ?? row.columnName,
      winnerValue: JSON.parse(row.winnerValue) as unknown,
      winnerHlc: row.winnerHlc,
      winnerPostId: row.winnerPostId,
      loserValue: JSON.parse(row.loserValue) as unknown,
      loserHlc: row.loserHlc,
      loserPostId: row.loserPostId,
      detectedAt: row.detectedAt,
      status: row.status,
      rowExists: exists,
      label: typeof found?.label === 'string' ? found.label : null,
    };
  });
}

/**
 * Settles a conflict. Keeping the losing value is an ordinary local edit made
 * through Store (new stamp, audited), so it reaches every post like any edit;
 * keeping the winner changes nothing, since every post already converges on it.
 */
export function resolveConflict(store: Store, conflictId: string, keep: 'winner' | 'loser'): ConflictRecord {
  return store.transaction(() => {
    const conflict = listConflicts(store.db, 'all').find((c) => c.id === conflictId);
    if (!conflict) throw new AppError('NOT_FOUND', message('sync.conflict.notFound', { id: conflictId }), { id: conflictId });
    if (conflict.status !== 'open') throw new AppError('CONFLICT', message('sync.conflict.settled'), { status: conflict.status });
    if (keep === 'loser') {
      const table = (Object.values(syncedTables) as SyncedTable[]).find((t) => t.name === conflict.table);
      const info = describeSyncedTables(store.db).get(conflict.table);
      if (!table || !info || !conflict.rowExists) throw new AppError('CONFLICT', message('sync.conflict.recordDeleted'));
      const select = [...info.columns.values()];
      const stored = store.db.prepare(`SELECT ${select.map((c) => quoteIdentifier(c.column)).join(', ')} FROM ${quoteIdentifier(table.name)} WHERE id = ?`).get(conflict.rowId) as Record<string, unknown>;
      const before = Object.fromEntries(select.map((c) => [c.field, fromStoredValue(c, stored[c.column])]));
      store.update(table, conflict.rowId, before, { [conflict.field]: conflict.loserValue });
    }
    store.db.prepare('UPDATE sync_conflicts SET status = ?, resolved_at = ? WHERE id = ?').run(keep === 'winner' ? 'kept_winner' : 'kept_loser', new Date().toISOString(), conflictId);
    return listConflicts(store.db, 'all').find((c) => c.id === conflictId)!;
  });
}

