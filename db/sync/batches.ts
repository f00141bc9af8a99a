import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../statements';

/**
 * Signed batches (migration 0011): every origin's changes as that origin cut and signed them, kept byte for byte
 * so this post can forward them intact. Per origin the chain held here is contiguous (1..n): a batch is stored
 * only after the one before it. All reads go by the (origin, seq) key or the change log's (post, stamp) index,
 * so their cost follows what they return, not the size of the database.
 */
export interface StoredBatch {
  originPostId: string;
  seq: number;
  originKey: Buffer;
  firstHlc: string;
  lastHlc: string;
  changeCount: number;
  prevHash: Buffer | null;
  hash: Buffer;
  statement: Buffer;
  signature: Buffer;
  tables: Record<string, number>;
  body: Buffer;
}

const COLUMNS =
  'origin_post_id AS originPostId, seq, origin_key AS originKey, first_hlc AS firstHlc, last_hlc AS lastHlc, change_count AS changeCount, prev_hash AS prevHash, hash, statement, signature, tables, body';

type Row = Omit<StoredBatch, 'tables'> & { tables: string };
const fromRow = (row: Row): StoredBatch => ({ ...row, tables: JSON.parse(row.tables) as Record<string, number> });

/** For each origin, the highest batch held (the chain below it is whole). */
export function heldBatches(db: Database): Record<string, number> {
  const rows = statement(db, 'SELECT origin_post_id AS origin, MAX(seq) AS seq FROM sync_batches GROUP BY origin_post_id').all() as { origin: string; seq: number }[];
  return Object.fromEntries(rows.map((row) => [row.origin, row.seq]));
}

export interface BatchTip {
  seq: number;
  hash: Buffer;
  lastHlc: string;
}

/** The last batch held of one origin. */
export function lastBatch(db: Database, origin: string): BatchTip | undefined {
  return statement(db, 'SELECT seq, hash, last_hlc AS lastHlc FROM sync_batches WHERE origin_post_id = ? ORDER BY seq DESC LIMIT 1').get(origin) as BatchTip | undefined;
}

export function batchHash(db: Database, origin: string, seq: number): Buffer | undefined {
  return statement(db, 'batches.hash', () => 'SELECT hash FROM sync_batches WHERE origin_post_id = ? AND seq = ?').pluck().get(origin, seq) as Buffer | undefined;
}

/** One batch by its key (read one at a time, so an export never holds more than one in memory). */
export function readBatch(db: Database, origin: string, seq: number): StoredBatch | undefined {
  const row = statement(db, `SELECT ${COLUMNS} FROM sync_batches WHERE origin_post_id = ? AND seq = ?`).get(origin, seq) as Row | undefined;
  return row && fromRow(row);
}

export function hasBatches(db: Database, origin: string): boolean {
  return statement(db, 'SELECT 1 FROM sync_batches WHERE origin_post_id = ? LIMIT 1').get(origin) !== undefined;
}

export function insertBatch(db: Database, batch: StoredBatch, receivedAt: string): void {
  statement(
    db,
    'INSERT INTO sync_batches (origin_post_id, seq, origin_key, first_hlc, last_hlc, change_count, prev_hash, hash, statement, signature, tables, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    batch.originPostId, batch.seq, batch.originKey, batch.firstHlc, batch.lastHlc, batch.changeCount, batch.prevHash,
    batch.hash, batch.statement, batch.signature, JSON.stringify(batch.tables), batch.body, receivedAt,
  );
}

export type LoggedChange = [table: string, rowId: string, column: string, valueJson: string, hlc: string, postId: string, prevHlc: string | null, prevPostId: string | null, officerId: string | null, officerName: string | null];

/**
 * A page of one origin's logged changes after a position (stamp, then table, row, column), in stamp order,
 * by the index field_changes_by_origin: the caller pages with the last row it got.
 */
export function originChangesAfter(db: Database, origin: string, after: { hlc: string; table: string; rowId: string; column: string } | null, limit: number): LoggedChange[] {
  const select = 'SELECT table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id, officer_id, officer_name FROM field_changes INDEXED BY field_changes_by_origin WHERE post_id = ?';
  const order = 'ORDER BY hlc, table_name, row_id, column_name LIMIT ?';
  if (after === null) return statement(db, 'batches.originFirst', () => `${select} ${order}`).raw().all(origin, limit) as LoggedChange[];
  return statement(db, 'batches.originAfter', () => `${select} AND (hlc, table_name, row_id, column_name) > (?, ?, ?, ?) ${order}`).raw().all(origin, after.hlc, after.table, after.rowId, after.column, limit) as LoggedChange[];
}

/** What a peer has shown it holds, in batch numbers per origin (learned from its own bundles). */
export function peerBatches(db: Database, peer: string): Record<string, number> {
  const rows = statement(db, 'SELECT origin_post_id AS origin, seq FROM sync_peer_batches WHERE peer_post_id = ?').all(peer) as { origin: string; seq: number }[];
  return Object.fromEntries(rows.map((row) => [row.origin, row.seq]));
}

/** Only ever grows. */
export function recordPeerBatches(db: Database, peer: string, held: Record<string, number>): void {
  const upsert = statement(db, 'INSERT INTO sync_peer_batches (peer_post_id, origin_post_id, seq) VALUES (?, ?, ?) ON CONFLICT (peer_post_id, origin_post_id) DO UPDATE SET seq = MAX(seq, excluded.seq)');
  for (const [origin, seq] of Object.entries(held)) upsert.run(peer, origin, seq);
}
