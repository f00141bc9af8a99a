import type { Database, Statement } from 'better-sqlite3';
import { compareStamps, parseHlc, receiveHlc, type HlcState } from '../../shared/hlc';
import { uuidv7 } from '../../shared/uuid';
import type { Store } from '../store';
import { describeSyncedTables, quoteIdentifier, toStoredValue, TOMBSTONE_COLUMN, type SyncedTableInfo } from './columns';

/** One field change as it travels between posts: the new value, its stamp, and the stamp it replaced. */
export interface Change {
  table: string;
  rowId: string;
  column: string;
  value: unknown;
  hlc: string;
  postId: string;
  prevHlc: string | null;
  prevPostId: string | null;
}

export interface TableSummary {
  new: number;
  changed: number;
  deleted: number;
  conflicting: number;
  /** Changes this post already had (or that an already-held newer value supersedes without conflict). */
  unchanged: number;
}

export interface ApplySummary {
  tables: Record<string, TableSummary>;
  changes: number;
  applied: number;
  conflicts: number;
  /** Highest remote clock stamp seen, and whether it is far ahead of this machine's clock. */
  maxHlc: string | null;
  clockAheadMs: number;
}

/** How far ahead a remote clock may be before the import reports it (it is still accepted). */
export const FUTURE_CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;

interface Stamp {
  hlc: string;
  postId: string;
}

/**
 * Merges remote changes into this database: per field, last writer wins on
 * (clock, post id). A change whose replaced version is not what this post
 * holds (and is not in its history) is a concurrent edit: the losing value is
 * kept in sync_conflicts. A delete (tombstone) is final: later edits of a
 * deleted row are recorded but do not bring it back. Every received change is
 * logged in field_changes, winners and losers alike, so this post can relay
 * them. Must run inside a transaction (the caller's): synchronous, no awaits.
 */
export function applyChanges(store: Store, changes: readonly Change[], options: { bundleHash: string; nowMs: number }): ApplySummary {
  const db = store.db;
  const tables = describeSyncedTables(db);
  const sql = statements(db);
  const summary: ApplySummary = { tables: {}, changes: changes.length, applied: 0, conflicts: 0, maxHlc: null, clockAheadMs: 0 };
  const rowEffects = new Map<string, { table: string; kind: 'new' | 'changed' | 'deleted'; values: Record<string, unknown> }>();
  const tableSummary = (name: string): TableSummary => (summary.tables[name] ??= { new: 0, changed: 0, deleted: 0, conflicting: 0, unchanged: 0 });
  const rowStatements = new Map<string, { update: Map<string, Statement>; insert: Statement; remove: Statement }>();

  // Oldest first, so a chain of edits to one field replays in the order it was made.
  const ordered = [...changes].sort((a, b) => compareStamps(a, b));
  for (const change of ordered) {
    const info = tables.get(change.table)!;
    const counts = tableSummary(change.table);
    if (summary.maxHlc === null || change.hlc > summary.maxHlc) summary.maxHlc = change.hlc;
    if (sql.findChange.get(change.table, change.rowId, change.column, change.hlc, change.postId)) {
      counts.unchanged += 1;
      continue;
    }
    const valueText = JSON.stringify(change.value ?? null);
    sql.logChange.run(change.table, change.rowId, change.column, valueText, change.hlc, change.postId, change.prevHlc, change.prevPostId);
    const current = sql.readClock.get(change.table, change.rowId, change.column) as Stamp | undefined;
    const tombstoned = change.column !== TOMBSTONE_COLUMN && sql.readClock.get(change.table, change.rowId, TOMBSTONE_COLUMN) !== undefined;
    const wins = current === undefined || compareStamps(change, current) > 0;

    if (change.column !== TOMBSTONE_COLUMN && !tombstoned && current !== undefined) {
      const [winner, loser] = wins ? [change, current] : [current, change];
      if (!descendsFrom(sql, change.table, change.rowId, change.column, winner, loser)) {
        const winnerValue = wins ? valueText : (sql.readValue.get(change.table, change.rowId, change.column, current.hlc, current.postId) as { value: string }).value;
        const loserValue = wins ? (sql.readValue.get(change.table, change.rowId, change.column, current.hlc, current.postId) as { value: string }).value : valueText;
        if (winnerValue !== loserValue) {
          const inserted = sql.recordConflict.run(
            uuidv7(options.nowMs), change.table, change.rowId, change.column,
            winnerValue, winner.hlc, winner.postId, loserValue, loser.hlc, loser.postId,
            new Date(options.nowMs).toISOString(), options.bundleHash,
          );
          if (inserted.changes > 0) {
            counts.conflicting += 1;
            summary.conflicts += 1;
          }
        }
      }
    }
    if (!wins) {
      counts.unchanged += 1;
      continue;
    }
    sql.writeClock.run(change.table, change.rowId, change.column, change.hlc, change.postId);
    summary.applied += 1;
    if (tombstoned) continue;
    const rowSql = rowStatementsFor(db, rowStatements, info);
    const key = `${change.table}\u0000${change.rowId}`;
    const at = isoOf(change.hlc);
    if (change.column === TOMBSTONE_COLUMN) {
      if (rowSql.remove.run(change.rowId).changes > 0) {
        const earlier = rowEffects.get(key)?.kind;
        if (earlier === 'new') counts.new -= 1; // created and deleted within this bundle: no net row
        else {
          if (earlier === 'changed') counts.changed -= 1;
          counts.deleted += 1;
        }
        if (earlier === 'new') rowEffects.delete(key);
        else rowEffects.set(key, { table: change.table, kind: 'deleted', values: {} });
      }
      continue;
    }
    const column = info.columns.get(change.column)!;
    let update = rowSql.update.get(change.column);
    if (!update) {
      update = db.prepare(`UPDATE ${quoteIdentifier(info.table.name)} SET ${quoteIdentifier(change.column)} = ?, updated_at = ? WHERE id = ?`);
      rowSql.update.set(change.column, update);
    }
    let effect = rowEffects.get(key);
    if (update.run(toStoredValue(column, change.value), at, change.rowId).changes === 0) {
      const values = [...info.columns.values()].map((c) => (c.column === change.column ? toStoredValue(c, change.value) : c.fallback));
      rowSql.insert.run(change.rowId, ...values, at, at);
      effect = { table: change.table, kind: 'new', values: {} };
      rowEffects.set(key, effect);
      counts.new += 1;
    } else if (!effect) {
      effect = { table: change.table, kind: 'changed', values: {} };
      rowEffects.set(key, effect);
      counts.changed += 1;
    }
    effect.values[column.field] = change.value;
  }

  // One audit entry per row this import touched, naming the bundle it came from.
  const at = new Date(options.nowMs).toISOString();
  for (const [key, effect] of rowEffects) {
    const rowId = key.slice(key.indexOf('\u0000') + 1);
    const action = effect.kind === 'new' ? 'create' : effect.kind === 'changed' ? 'update' : 'delete';
    sql.audit.run(uuidv7(options.nowMs), at, store.post.id, action, effect.table, rowId, JSON.stringify({ importedFromBundle: options.bundleHash, values: effect.values }));
  }

  // Later local edits must sort after everything received.
  if (summary.maxHlc !== null) {
    const remote = parseHlc(summary.maxHlc);
    summary.clockAheadMs = Math.max(0, remote.wallMs - options.nowMs);
    const last = (db.prepare('SELECT wall_ms AS wallMs, counter FROM clock WHERE id = 1').get() as HlcState | undefined) ?? { wallMs: 0, counter: 0 };
    const next = receiveHlc(last, remote, options.nowMs);
    db.prepare('INSERT INTO clock (id, wall_ms, counter) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET wall_ms = excluded.wall_ms, counter = excluded.counter').run(next.wallMs, next.counter);
  }
  return summary;
}

type Statements = ReturnType<typeof statements>;

function statements(db: Database) {
  return {
    findChange: db.prepare('SELECT 1 FROM field_changes WHERE table_name = ? AND row_id = ? AND column_name = ? AND hlc = ? AND post_id = ?').pluck(),
    readValue: db.prepare('SELECT value FROM field_changes WHERE table_name = ? AND row_id = ? AND column_name = ? AND hlc = ? AND post_id = ?'),
    readPrev: db.prepare('SELECT prev_hlc AS hlc, prev_post_id AS postId FROM field_changes WHERE table_name = ? AND row_id = ? AND column_name = ? AND hlc = ? AND post_id = ?'),
    logChange: db.prepare('INSERT INTO field_changes (table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    readClock: db.prepare('SELECT hlc, post_id AS postId FROM field_clocks WHERE table_name = ? AND row_id = ? AND column_name = ?'),
    writeClock: db.prepare(
      'INSERT INTO field_clocks (table_name, row_id, column_name, hlc, post_id) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (table_name, row_id, column_name) DO UPDATE SET hlc = excluded.hlc, post_id = excluded.post_id',
    ),
    recordConflict: db.prepare(
      'INSERT OR IGNORE INTO sync_conflicts (id, table_name, row_id, column_name, winner_value, winner_hlc, winner_post_id, loser_value, loser_hlc, loser_post_id, detected_at, bundle_hash) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    audit: db.prepare('INSERT INTO audit_log (id, at, post_id, action, table_name, row_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
}

function rowStatementsFor(db: Database, cache: Map<string, { update: Map<string, Statement>; insert: Statement; remove: Statement }>, info: SyncedTableInfo) {
  let entry = cache.get(info.table.name);
  if (!entry) {
    const name = quoteIdentifier(info.table.name);
    const columns = [...info.columns.keys()].map(quoteIdentifier);
    entry = {
      update: new Map(),
      insert: db.prepare(`INSERT INTO ${name} (id, ${columns.join(', ')}, created_at, updated_at) VALUES (?, ${columns.map(() => '?').join(', ')}, ?, ?)`),
      remove: db.prepare(`DELETE FROM ${name} WHERE id = ?`),
    };
    cache.set(info.table.name, entry);
  }
  return entry;
}

/**
 * True when `later` was made by a post that already held `earlier` (or a value
 * that replaced it): walks the chain of replaced versions back from `later`.
 */
function descendsFrom(sql: Statements, table: string, rowId: string, column: string, later: Stamp, earlier: Stamp): boolean {
  let cursor: { hlc: string | null; postId: string | null } | undefined = later;
  for (let steps = 0; cursor && cursor.hlc !== null && cursor.postId !== null && steps < 10_000; steps += 1) {
    const order = compareStamps({ hlc: cursor.hlc, postId: cursor.postId }, earlier);
    if (order === 0) return true;
    if (order < 0) return false;
    cursor = sql.readPrev.get(table, rowId, column, cursor.hlc, cursor.postId) as { hlc: string | null; postId: string | null } | undefined;
  }
  return false;
}

function isoOf(hlc: string): string {
  return new Date(Math.min(parseHlc(hlc).wallMs, 8.64e15)).toISOString();
}
