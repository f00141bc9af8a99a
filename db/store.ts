import type { Database } from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from '../shared/uuid';
import { withTicks } from './clock';
import { quoteIdentifier, statement } from './statements';
import { describeSyncedTables } from './sync/columns';
import { fieldStamp } from './sync/stamps';
import type { SyncedTable } from './syncedTables';

export interface PostIdentity {
  id: string;
  name: string;
}

export type FieldValues = Record<string, unknown>;

/** The officer a write is made by (recorded beside the post in the change log and audit log). */
export interface ActingOfficer {
  id: string;
  name: string;
}

/**
 * The write path for synced tables. Every create, update and delete goes
 * through here, inside one synchronous transaction, and leaves behind: the row,
 * a stamped change per field (a tombstone for deletes; the newest stamp of a
 * field is its current one), and an audit entry naming the post and the values
 * that changed.
 */
export class Store {
  readonly db: Database;
  readonly post: PostIdentity;
  /** The clock every stamp and timestamp comes from (tests pass a fixed one). */
  readonly now: () => number;

  /**
   * Who is making the writes under way: the gate sets it to the signed-in officer of the call it carries
   * (main/app.ts); undefined for writes no officer makes (a migration, a test writing through Store directly).
   */
  actingOfficer: () => ActingOfficer | undefined;

  constructor(db: Database, options: { now?: () => number; defaultPostName?: string; actingOfficer?: () => ActingOfficer | undefined } = {}) {
    this.db = db;
    this.now = options.now ?? Date.now;
    this.actingOfficer = options.actingOfficer ?? (() => undefined);
    this.post = ensurePostIdentity(db, options.defaultPostName ?? 'Unnamed post', this.now());
  }

  /** Where the writes under way came from, written into each audit entry (a spreadsheet import: its file name and SHA-256). */
  private auditSource: Record<string, unknown> | null = null;

  /** Runs `fn` with `source` recorded in the audit entry of each write it makes. */
  withAuditSource<T>(source: Record<string, unknown>, fn: () => T): T {
    const outer = this.auditSource;
    this.auditSource = source;
    try {
      return fn();
    } finally {
      this.auditSource = outer;
    }
  }

  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** `options.id`: a caller-chosen UUID (a seeded dataset); otherwise a new UUIDv7. */
  insert(table: SyncedTable, values: FieldValues, options: { id?: string } = {}): string {
    return this.insertMany(table, [{ values, id: options.id }])[0]!;
  }

  /**
   * Inserts records of one table exactly as that many `insert` calls would (the same ids, stamps, change log and
   * audit entries, in the same order), many rows to a statement: SQLite gives each statement that fires the search
   * triggers a savepoint, and FTS5 flushes its pending index at each one (db/sync/apply.ts), so a statement per
   * record costs a flush per record. Callers check every record first: no check may depend on an earlier record
   * of the same call being in the table.
   */
  insertMany(table: SyncedTable, entries: readonly { values: FieldValues; id?: string }[]): string[] {
    const fields = Object.keys(table.columns);
    const officer = this.actingOfficer();
    const rows: unknown[][] = [];
    const changes: unknown[][] = [];
    const audits: unknown[][] = [];
    const ids = withTicks(this.db, (tick) =>
      entries.map((entry) => {
        const id = entry.id ?? uuidv7(this.now());
        const at = new Date(this.now()).toISOString();
        const values = withColumnDefaults(this.db, table, entry.values);
        rows.push([id, ...fields.map((field) => toColumnValue(table, field, values[field])), at, at]);
        const changed = Object.fromEntries(fields.map((field) => [field, [null, values[field]] as const]));
        // A new UUIDv7 names a row no post has written yet: only a caller-chosen id can have stamps to replace.
        changes.push(...this.logRows(table, id, 'create', changed, tick, entry.id === undefined));
        audits.push(this.auditRow(table, id, 'create', changed, at, officer));
        return id;
      }),
    );
    const columns = fields.map((field) => quoteIdentifier(table.columns[field]!));
    runMany(this.db, `store.insert.${table.name}`, `INSERT INTO ${quoteIdentifier(table.name)} (id, ${columns.join(', ')}, created_at, updated_at) VALUES`, rows);
    runMany(this.db, 'store.log', LOG_CHANGES, changes);
    runMany(this.db, 'store.audit', AUDIT, audits);
    return ids;
  }

  /** Writes only the fields whose values differ; returns false when nothing changed. */
  update(table: SyncedTable, id: string, before: FieldValues, values: FieldValues): boolean {
    const changedFields = Object.keys(table.columns).filter(
      (field) => field in values && !sameValue(before[field], values[field]),
    );
    if (changedFields.length === 0) return false;
    const at = new Date(this.now()).toISOString();
    statement(this.db, `UPDATE ${quoteIdentifier(table.name)} SET ${changedFields.map((f) => `${quoteIdentifier(table.columns[f]!)} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...changedFields.map((field) => toColumnValue(table, field, values[field])), at, id);
    const changed = Object.fromEntries(changedFields.map((field) => [field, [before[field], values[field]] as const]));
    this.capture(table, id, 'update', changed, at);
    return true;
  }

  delete(table: SyncedTable, id: string, before: FieldValues): void {
    const at = new Date(this.now()).toISOString();
    statement(this.db, `DELETE FROM ${quoteIdentifier(table.name)} WHERE id = ?`).run(id);
    const changed = Object.fromEntries(Object.keys(table.columns).map((field) => [field, [before[field], null] as const]));
    this.capture(table, id, 'delete', changed, at);
  }

  private capture(table: SyncedTable, rowId: string, action: 'update' | 'delete', changed: Record<string, readonly [unknown, unknown]>, at: string): void {
    const officer = this.actingOfficer();
    runMany(this.db, 'store.log', LOG_CHANGES, withTicks(this.db, (tick) => this.logRows(table, rowId, action, changed, tick, false)));
    runMany(this.db, 'store.audit', AUDIT, [this.auditRow(table, rowId, action, changed, at, officer)]);
  }

  /** A write's rows of the change log: a stamped change per field (a tombstone for a delete). `fresh`: no field of the row was ever stamped. */
  private logRows(table: SyncedTable, rowId: string, action: 'create' | 'update' | 'delete', changed: Record<string, readonly [unknown, unknown]>, tick: (nowMs: number) => string, fresh: boolean): unknown[][] {
    const officer = this.actingOfficer();
    const entries: [string, unknown][] =
      action === 'delete' ? [['_deleted', true]] : Object.entries(changed).map(([field, [, next]]) => [table.columns[field as keyof typeof table.columns]!, next]);
    return entries.map(([column, value]) => {
      const hlc = tick(this.now());
      // The version this change replaces travels with it, so a concurrent edit elsewhere is detected.
      const previous = fresh ? undefined : fieldStamp(this.db, table.name, rowId, column);
      return [table.name, rowId, column, JSON.stringify(value ?? null), hlc, this.post.id, previous?.hlc ?? null, previous?.postId ?? null, officer?.id ?? null, officer?.name ?? null];
    });
  }

  /** A write's audit entry: the post, the officer, the values before and after (and where they came from). */
  private auditRow(table: SyncedTable, rowId: string, action: 'create' | 'update' | 'delete', changed: Record<string, readonly [unknown, unknown]>, at: string, officer: ActingOfficer | undefined): unknown[] {
    return [at, this.post.id, action, table.name, rowId, JSON.stringify(this.auditSource ? { ...changed, $source: this.auditSource } : changed), officer?.id ?? null, officer?.name ?? null];
  }
}

const LOG_CHANGES = 'INSERT INTO field_changes (table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id, officer_id, officer_name) VALUES';
const AUDIT = 'INSERT INTO audit_log (at, post_id, action, table_name, row_id, changes, officer_id, officer_name) VALUES';

/**
 * Runs `head` ("INSERT INTO t (columns) VALUES") over rows of equal width, as few statements as the bound-value
 * limit allows. Chunks are powers of two, so a table needs at most a handful of cached statements whatever the counts.
 */
function runMany(db: Database, key: string, head: string, rows: readonly unknown[][]): void {
  if (rows.length === 0) return;
  const width = rows[0]!.length;
  const largest = 2 ** Math.floor(Math.log2(Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_BOUND_VALUES / width)))));
  for (let start = 0; start < rows.length; ) {
    let size = largest;
    while (size > rows.length - start) size /= 2;
    const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
    statement(db, `${key}.${width}.${size}`, () => `${head} ${Array.from({ length: size }, () => tuple).join(', ')}`).run(...rows.slice(start, start + size).flat());
    start += size;
  }
}

/** SQLite's default bound on the values of one statement is 32,766: stay well inside it. */
const MAX_BOUND_VALUES = 16_000;
const MAX_ROWS_PER_STATEMENT = 512;

function ensurePostIdentity(db: Database, defaultName: string, nowMs: number): PostIdentity {
  const existing = db.prepare('SELECT id, name FROM post_identity LIMIT 1').get() as PostIdentity | undefined;
  if (existing) return existing;
  const identity = { id: uuidv7(nowMs), name: defaultName };
  db.prepare('INSERT INTO post_identity (id, name, created_at) VALUES (?, ?, ?)').run(identity.id, identity.name, new Date(nowMs).toISOString());
  return identity;
}

/**
 * A field the caller left out gets its column's default (a column added by a later migration), so the row
 * and the change log that other posts receive hold the same value, never a NULL the column refuses.
 */
function withColumnDefaults(db: Database, table: SyncedTable, values: FieldValues): FieldValues {
  const missing = Object.keys(table.columns).filter((field) => values[field] === undefined);
  if (missing.length === 0) return values;
  const described = describeSyncedTables(db).get(table.name);
  const filled: FieldValues = { ...values };
  for (const field of missing) {
    const column = described?.columns.get(table.columns[field]!);
    if (!column) continue;
    filled[field] = table.jsonFields?.includes(field) && typeof column.fallback === 'string' ? JSON.parse(column.fallback) : column.fallback;
  }
  return filled;
}

function toColumnValue(table: SyncedTable, field: string, value: unknown): unknown {
  return table.jsonFields?.includes(field) ? JSON.stringify(value ?? null) : value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
