import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { compareStamps, parseHlc } from '../../shared/hlc';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { uuidv7 } from '../../shared/uuid';
import { adoptRemoteStamp } from '../clock';
import { quoteIdentifier, statement } from '../statements';
import type { Store } from '../store';
import { rowStamps, type Stamp } from './stamps';
import { describeSyncedTables, toStoredValue, TOMBSTONE_COLUMN, type SyncedTableInfo } from './columns';
import { checkTouchedRows, TRANSITION_COLUMNS, type DeferredLink, type TouchedRow } from './rules';

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
  /** The officer who made it, when its post sent one (changes from before officers existed name none). */
  officer?: { id: string; name: string } | null;
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

/**
 * How far ahead of this post's clock a received stamp may be: a change stamped later is refused (the bundle
 * with it), never adopted, so no post's clock can be pulled towards the end of the stamp format's range.
 */
export const FUTURE_CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** Changes merged between progress reports (seen live only when the import runs on the worker thread). */
const PROGRESS_EVERY = 5_000;

/**
 * Merges remote changes into this database: per field, last writer wins on
 * (clock, post id). A change whose replaced version is not what this post
 * holds (and is not in its history) is a concurrent edit: the losing value is
 * kept in sync_conflicts. A delete (tombstone) is final: later edits of a
 * deleted row are recorded but do not bring it back. Every received change is
 * logged in field_changes, winners and losers alike, so this post can relay
 * them. Must run inside a transaction (the caller's): synchronous, no awaits.
 */
/** A field's value (as its JSON text) with the stamp that wrote it. */
interface StampedValue {
  value: string;
  hlc: string;
  postId: string;
}

export function applyChanges(store: Store, changes: readonly Change[], options: { bundleHash: string; nowMs: number; onProgress?: (done: number, total: number) => void; deferredLinks?: DeferredLink[] }): ApplySummary {
  const db = store.db;
  const tables = describeSyncedTables(db);
  const sql = statements(db);
  const summary: ApplySummary = { tables: {}, changes: changes.length, applied: 0, conflicts: 0, maxHlc: null, clockAheadMs: 0 };
  const tableSummary = (name: string): TableSummary => (summary.tables[name] ??= { new: 0, changed: 0, deleted: 0, conflicting: 0, unchanged: 0 });
  // Winning values are gathered per row and written once per row at the end: one INSERT,
  // UPDATE or DELETE per record however many fields changed (and row triggers fire once).
  const rows = new Map<string, PendingRow>();
  // Only worth a query per change when this post has conflicts waiting.
  const openConflicts = sql.anyOpenConflict.get() !== undefined;

  // Oldest first, so a chain of edits to one field replays in the order it was made.
  const ordered = [...changes].sort((a, b) => compareStamps(a, b));
  const latest = ordered.at(-1);
  if (latest && parseHlc(latest.hlc).wallMs > options.nowMs + FUTURE_CLOCK_TOLERANCE_MS) {
    throw new AppError('BUNDLE_REJECTED', message('sync.clockTooFarAhead', { record: latest.rowId, ahead: Math.round((parseHlc(latest.hlc).wallMs - options.nowMs) / 3_600_000), hours: FUTURE_CLOCK_TOLERANCE_MS / 3_600_000 }), {
      reason: 'clock-ahead',
      table: latest.table,
      rowId: latest.rowId,
      hlc: latest.hlc,
    });
  }
  /** Keeps the losing value of a field beside the winning one (once per pair: a bundle imported again adds none). */
  const keepConflict = (counts: TableSummary, change: Change, winner: StampedValue, loser: StampedValue) => {
    const inserted = sql.recordConflict.run(
      uuidv7(options.nowMs), change.table, change.rowId, change.column,
      winner.value, winner.hlc, winner.postId, loser.value, loser.hlc, loser.postId,
      new Date(options.nowMs).toISOString(), options.bundleHash,
    );
    if (inserted.changes > 0) {
      counts.conflicting += 1;
      summary.conflicts += 1;
    }
  };
  let seen = 0;
  for (const change of ordered) {
    if (options.onProgress && ++seen % PROGRESS_EVERY === 0) options.onProgress(seen, ordered.length);
    const counts = tableSummary(change.table);
    if (summary.maxHlc === null || change.hlc > summary.maxHlc) summary.maxHlc = change.hlc;
    const valueText = JSON.stringify(change.value ?? null);
    const key = `${change.table}\u0000${change.rowId}`;
    let row = rows.get(key);
    if (!row) {
      // Every stamp of the record in one query (before this import logs anything for it); kept current in memory as changes win.
      const clocks = rowStamps(db, change.table, change.rowId);
      const before = clocks.size > 0 ? (readRowStatement(db, tables.get(change.table)!).get(change.rowId) as Record<string, unknown> | undefined) : undefined;
      row = {
        table: change.table,
        rowId: change.rowId,
        // Every record this post holds has logged changes (Store and imports both write them), so none means none.
        existed: before !== undefined,
        before: before ?? null,
        steps: [],
        tombstoned: clocks.has(TOMBSTONE_COLUMN),
        deleteNow: false,
        values: new Map(),
        clocks,
        firstHlc: null,
        lastHlc: change.hlc,
        officer: null,
      };
      rows.set(key, row);
    }
    // One change is one (field, stamp): a change this post already holds is ignored here.
    if (sql.logChange.run(change.table, change.rowId, change.column, valueText, change.hlc, change.postId, change.prevHlc, change.prevPostId, change.officer?.id ?? null, change.officer?.name ?? null).changes === 0) {
      // The same stamp with another value (a forged or broken origin): the value held stays, the other is kept as a conflict.
      const held = (sql.readValue.get(change.table, change.rowId, change.column, change.hlc, change.postId) as { value: string }).value;
      if (held !== valueText) keepConflict(counts, change, { value: held, hlc: change.hlc, postId: change.postId }, { value: valueText, hlc: change.hlc, postId: change.postId });
      counts.unchanged += 1;
      continue;
    }
    row.firstHlc ??= change.hlc;
    const current = row.clocks.get(change.column);
    const wins = current === undefined || compareStamps(change, current) > 0;

    // Deletes never conflict (delete wins), and neither do edits of a deleted record.
    if (current !== undefined && !row.tombstoned && change.column !== TOMBSTONE_COLUMN) {
      const [winner, loser] = wins ? [change, current] : [current, change];
      if (!descendsFrom(sql, change.table, change.rowId, change.column, winner, loser)) {
        const currentValue = (sql.readValue.get(change.table, change.rowId, change.column, current.hlc, current.postId) as { value: string }).value;
        const [winnerValue, loserValue] = wins ? [valueText, currentValue] : [currentValue, valueText];
        if (winnerValue !== loserValue) keepConflict(counts, change, { value: winnerValue, hlc: winner.hlc, postId: winner.postId }, { value: loserValue, hlc: loser.hlc, postId: loser.postId });
      }
    }
    if (!wins) {
      counts.unchanged += 1;
      continue;
    }
    row.clocks.set(change.column, { hlc: change.hlc, postId: change.postId });
    summary.applied += 1;
    // Another post kept the losing value of a conflict this post also holds: settled everywhere.
    if (openConflicts && change.prevHlc !== null) {
      sql.settleConflict.run(new Date(options.nowMs).toISOString(), change.table, change.rowId, change.column, change.prevHlc, change.prevPostId, valueText);
    }
    row.lastHlc = change.hlc;
    row.officer = change.officer ?? null;
    if (row.tombstoned) continue; // a delete is final: later edits are kept in the log, not the row
    if (change.column === TOMBSTONE_COLUMN) {
      row.tombstoned = true;
      row.deleteNow = true;
      continue;
    }
    if (TRANSITION_COLUMNS.get(change.table) === change.column) {
      const replaced = change.prevHlc === null ? undefined : (sql.readValue.get(change.table, change.rowId, change.column, change.prevHlc, change.prevPostId) as { value: string } | undefined);
      row.steps.push({ value: change.value, replaced: replaced ? JSON.parse(replaced.value) : null, known: replaced !== undefined });
    }
    row.values.set(change.column, change.value);
  }

  const at = new Date(options.nowMs).toISOString();
  // Row writes are gathered per statement and run a thousand rows at a time (see WRITE_BATCH).
  const batches = new Map<Statement, unknown[]>();
  const queue = (statement: Statement, item: unknown) => {
    let list = batches.get(statement);
    if (!list) batches.set(statement, (list = []));
    list.push(item);
  };
  for (const row of rows.values()) {
    const info = tables.get(row.table)!;
    const counts = tableSummary(row.table);
    let action: 'create' | 'update' | 'delete';
    if (row.deleteNow) {
      if (!row.existed) continue;
      queue(removeStatement(db, info), row.rowId);
      counts.deleted += 1;
      action = 'delete';
    } else if (row.values.size === 0) {
      continue;
    } else if (row.existed) {
      const columns = [...row.values.keys()];
      queue(updateStatement(db, info, columns), [row.rowId, ...columns.map((c) => toStoredValue(info.columns.get(c)!, row.values.get(c))), isoOf(row.lastHlc)]);
      counts.changed += 1;
      action = 'update';
    } else {
      const values = [...info.columns.values()].map((c) => (row.values.has(c.column) ? toStoredValue(c, row.values.get(c.column)) : c.fallback));
      queue(insertStatement(db, info), [row.rowId, ...values, isoOf(row.firstHlc ?? row.lastHlc), isoOf(row.lastHlc)]);
      counts.new += 1;
      action = 'create';
    }
    // One audit entry per record this import touched, naming the bundle it came from.
    const values = Object.fromEntries([...row.values].map(([column, value]) => [info.columns.get(column)!.field, value]));
    // The officer named is the one who made the newest change that won here (another post's officer).
    sql.audit.run(at, store.post.id, action, row.table, row.rowId, JSON.stringify({ importedFromBundle: options.bundleHash, values }), row.officer?.id ?? null, row.officer?.name ?? null);
  }
  // No foreign keys join synced rows, so the order of these writes does not matter.
  for (const [statement, list] of batches) {
    for (let start = 0; start < list.length; start += WRITE_BATCH) statement.run(JSON.stringify(list.slice(start, start + WRITE_BATCH)));
  }

  // The registry's rules on every record as the whole bundle left it; a refusal rolls the transaction back.
  checkTouchedRows(db, [...rows.values()].map((row): TouchedRow => ({
    table: row.table,
    rowId: row.rowId,
    before: row.before,
    changed: new Set(row.values.keys()),
    deleted: row.deleteNow && row.existed,
    steps: row.steps,
  })), options.deferredLinks);

  // Later local edits must sort after everything received.
  if (summary.maxHlc !== null) {
    summary.clockAheadMs = Math.max(0, parseHlc(summary.maxHlc).wallMs - options.nowMs);
    adoptRemoteStamp(db, summary.maxHlc, options.nowMs);
  }
  return summary;
}

interface PendingRow {
  table: string;
  rowId: string;
  existed: boolean;
  /** The row as stored before this import (null when this post did not hold it). */
  before: Record<string, unknown> | null;
  /** Winning changes of the table's transition column, in order (see rules.ts). */
  steps: TouchedRow['steps'];
  tombstoned: boolean;
  deleteNow: boolean;
  /** Column -> winning value to write. */
  values: Map<string, unknown>;
  /** Column -> the stamp of the value it holds now. */
  clocks: Map<string, Stamp>;
  /** The first change this import logged for the record (its creation time when the record is new here). */
  firstHlc: string | null;
  lastHlc: string;
  /** The officer of the newest change that won (what the audit entry names). */
  officer: { id: string; name: string } | null;
}

/**
 * Records are written many to one statement, each taking a JSON array of rows (JSON keeps each value's
 * type: text, integer, real, null). SQLite gives every statement that fires triggers its own savepoint,
 * and FTS5 writes its pending index data out at each savepoint: one statement per record made the search
 * triggers flush a tiny index segment per record (and merge them), most of an import's time.
 */
const WRITE_BATCH = 1_000;

/*
 * Per table (keyed by its shape, so a migrated connection never reuses an old column list): rows go in as
 * JSON arrays [id, ...every column, created_at, updated_at], updates as [id, ...the changed columns,
 * updated_at] (one statement per set of changed columns), deletes as ids.
 */
function insertStatement(db: Database, info: SyncedTableInfo): Statement {
  return statement(db, `apply.insert\u0000${info.key}`, () => {
    const columns = [...info.columns.keys()].map(quoteIdentifier);
    const values = ['id', ...columns, 'created_at', 'updated_at'].map((_, index) => `value ->> ${index}`);
    return `INSERT INTO ${quoteIdentifier(info.table.name)} (id, ${columns.join(', ')}, created_at, updated_at) SELECT ${values.join(', ')} FROM json_each(?)`;
  });
}

function updateStatement(db: Database, info: SyncedTableInfo, columns: string[]): Statement {
  return statement(db, `apply.update\u0000${info.key}\u0001${columns.join('\u0000')}`, () => {
    const name = quoteIdentifier(info.table.name);
    const assignments = [...columns.map(quoteIdentifier), 'updated_at'].map((column, index) => `${column} = j.value ->> ${index + 1}`);
    return `UPDATE ${name} SET ${assignments.join(', ')} FROM json_each(?) AS j WHERE ${name}.id = j.value ->> 0`;
  });
}

function removeStatement(db: Database, info: SyncedTableInfo): Statement {
  return statement(db, `apply.remove\u0000${info.key}`, () => `DELETE FROM ${quoteIdentifier(info.table.name)} WHERE id IN (SELECT value FROM json_each(?))`);
}

function readRowStatement(db: Database, info: SyncedTableInfo): Statement {
  return statement(db, `apply.row\u0000${info.key}`, () => `SELECT * FROM ${quoteIdentifier(info.table.name)} WHERE id = ?`);
}

type Statements = ReturnType<typeof statements>;

function statements(db: Database) {
  return {
    readValue: statement(db, 'SELECT value FROM field_changes WHERE table_name = ? AND row_id = ? AND column_name = ? AND hlc = ? AND post_id = ?'),
    readPrev: statement(db, 'SELECT prev_hlc AS hlc, prev_post_id AS postId FROM field_changes WHERE table_name = ? AND row_id = ? AND column_name = ? AND hlc = ? AND post_id = ?'),
    logChange: statement(db, 'INSERT OR IGNORE INTO field_changes (table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id, officer_id, officer_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    recordConflict: statement(
      db,
      'INSERT OR IGNORE INTO sync_conflicts (id, table_name, row_id, column_name, winner_value, winner_hlc, winner_post_id, loser_value, loser_hlc, loser_post_id, detected_at, bundle_hash) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    anyOpenConflict: statement(db, "SELECT 1 FROM sync_conflicts WHERE status = 'open' LIMIT 1"),
    settleConflict: statement(
      db,
      "UPDATE sync_conflicts SET status = 'kept_loser', resolved_at = ? WHERE status = 'open' AND table_name = ? AND row_id = ? AND column_name = ? AND winner_hlc = ? AND winner_post_id = ? AND loser_value = ?",
    ),
    audit: statement(db, 'INSERT INTO audit_log (at, post_id, action, table_name, row_id, changes, officer_id, officer_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  };
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

/** The wall time of a stamp as ISO text (stamps were validated: 15 digits of ms lead). Many rows share a millisecond. */
function isoOf(hlc: string): string {
  const wall = hlc.slice(0, 15);
  let iso = isoByWall.get(wall);
  if (iso === undefined) {
    if (isoByWall.size > 4096) isoByWall.clear();
    iso = new Date(Math.min(Number(wall), 8.64e15)).toISOString();
    isoByWall.set(wall, iso);
  }
  return iso;
}
const isoByWall = new Map<string, string>();
