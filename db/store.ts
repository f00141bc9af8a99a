import type { Database } from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from '../shared/uuid';
import { tickClock } from './clock';
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
    const id = options.id ?? uuidv7(this.now());
    const at = new Date(this.now()).toISOString();
    const fields = Object.keys(table.columns);
    values = withColumnDefaults(this.db, table, values);
    const columns = fields.map((field) => quoteIdentifier(table.columns[field]!));
    statement(this.db, `INSERT INTO ${quoteIdentifier(table.name)} (id, ${columns.join(', ')}, created_at, updated_at) VALUES (?, ${columns.map(() => '?').join(', ')}, ?, ?)`)
      .run(id, ...fields.map((field) => toColumnValue(table, field, values[field])), at, at);
    const changed = Object.fromEntries(fields.map((field) => [field, [null, values[field]] as const]));
    this.capture(table, id, 'create', changed, at);
    return id;
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

  private capture(table: SyncedTable, rowId: string, action: 'create' | 'update' | 'delete', changed: Record<string, readonly [unknown, unknown]>, at: string): void {
    const logChange = statement(
      this.db,
      'INSERT INTO field_changes (table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id, officer_id, officer_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const officer = this.actingOfficer();
    const entries: [string, unknown][] =
      action === 'delete' ? [['_deleted', true]] : Object.entries(changed).map(([field, [, next]]) => [table.columns[field as keyof typeof table.columns]!, next]);
    for (const [column, value] of entries) {
      const hlc = tickClock(this.db, this.now());
      // The version this change replaces travels with it, so a concurrent edit elsewhere is detected.
      const previous = fieldStamp(this.db, table.name, rowId, column);
      logChange.run(table.name, rowId, column, JSON.stringify(value ?? null), hlc, this.post.id, previous?.hlc ?? null, previous?.postId ?? null, officer?.id ?? null, officer?.name ?? null);
    }
    statement(this.db, 'INSERT INTO audit_log (at, post_id, action, table_name, row_id, changes, officer_id, officer_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(at, this.post.id, action, table.name, rowId, JSON.stringify(this.auditSource ? { ...changed, $source: this.auditSource } : changed), officer?.id ?? null, officer?.name ?? null);
  }
}

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
