import type { Database } from 'better-sqlite3-multiple-ciphers';
import { message, parseIssueMessage, type Message } from '../../shared/i18n/message';
import { fieldLabelKey, typeLabelKey } from '../../shared/records/labels';
import { recordType, recordTypes } from '../../shared/records/registry';
import { columnName, inputSchema, type RecordTypeSpec } from '../../shared/records/spec';
import { AppError } from '../../shared/result';
import { outgoingIds, unitOfLinked } from '../repositories/records/common';
import { parseTypedValue } from '../../shared/results/values';
import { quoteIdentifier as q, statement } from '../statements';
import { snapshotSha256 } from '../repositories/mouSignings';

/**
 * The registry's rules, applied to what an incoming bundle makes of each
 * record it touches: the record as it stands after the whole bundle is merged
 * (the receiver's row plus the bundle's winning fields) must pass the type's
 * input schema (kinds, limits, enums, dates, required fields, cross-field
 * rules), its changed links must resolve (to a record held here, or one this
 * post knows was deleted: a concurrent delete is not an error), its unique
 * fields must stay unique, each status change must be one the registry allows
 * from the value it replaced, and nothing may alter a signed MOU: the draft
 * (but for its allowed status move), its clauses, signatories, saved versions
 * and signing records. Runs inside the import's transaction after the rows
 * are written: a refusal throws and the transaction rolls back whole, so the
 * database (and the clock) are as they were.
 */

export interface TouchedRow {
  table: string;
  rowId: string;
  /** The receiver's stored row before this import (column -> stored value), or null when it did not hold it. */
  before: Record<string, unknown> | null;
  /** Columns this import changed (winning values). */
  changed: ReadonlySet<string>;
  deleted: boolean;
  /** Winning changes of the row's transition column, oldest first: the value and the one it replaced (when known). */
  steps: { value: unknown; replaced: unknown; known: boolean }[];
}

const byTable = new Map<string, RecordTypeSpec>(recordTypes.map((spec) => [spec.table as string, spec]));

/** Refused: one change of a bundle, named by record and field, with the rule's own message. */
export function refusedChange(table: string, rowId: string, field: string, reason: Message, details: Record<string, unknown> = {}): AppError {
  const spec = byTable.get(table);
  const type = spec ? message(typeLabelKey(spec.name, 'one')) : table;
  const fieldName = spec && spec.fields.some((candidate) => candidate.name === field) ? message(fieldLabelKey(spec.name, field)) : field;
  return new AppError('BUNDLE_REJECTED', message('sync.changeRefused', { type, record: rowId, field: fieldName, reason }), { reason: 'change', table, rowId, field, ...details });
}

/** A stored row's fields as the input schema reads them (JSON parsed, 0/1 as booleans, null as absent). */
function domainValues(spec: RecordTypeSpec, row: Record<string, unknown>, rowId: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of spec.fields) {
    let value = row[columnName(field.name)];
    if ((field.kind === 'json' || field.kind === 'refList') && typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        throw refusedChange(spec.table, rowId, field.name, message('validation.invalid'));
      }
    }
    if (field.kind === 'boolean' && value !== null && value !== undefined) {
      if (value !== 0 && value !== 1) throw refusedChange(spec.table, rowId, field.name, message('validation.invalid'));
      value = value === 1;
    }
    if (value !== null && value !== undefined) values[field.name] = value;
  }
  return values;
}

function readRow(db: Database, table: string, rowId: string): Record<string, unknown> | undefined {
  return statement(db, `SELECT * FROM ${q(table)} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
}

/** True when a link's target is held here or was deleted here (its tombstone is logged). */
function targetKnown(db: Database, spec: RecordTypeSpec, id: string): boolean {
  if (statement(db, `SELECT 1 FROM ${q(spec.table)} WHERE id = ?`).get(id) !== undefined) return true;
  return statement(db, "SELECT 1 FROM field_changes WHERE table_name = ? AND row_id = ? AND column_name = '_deleted'").get(spec.table, id) !== undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The MOU draft's status as the receiver held it before this import (touched rows) or holds it (untouched ones). */
function draftStatusBefore(db: Database, touched: Map<string, TouchedRow>, mouId: unknown): { status: string; title: string } | null {
  if (typeof mouId !== 'string' || !mouId) return null;
  const row = touched.get(`mou_drafts\u0000${mouId}`);
  const stored = row ? row.before : (readRow(db, 'mou_drafts', mouId) ?? null);
  return stored ? { status: String(stored.status), title: String(stored.title) } : null;
}

function assertDraftUnlocked(db: Database, touched: Map<string, TouchedRow>, table: string, rowId: string, field: string, mouId: unknown): void {
  const lock = recordType('mouDrafts').lock!;
  const draft = draftStatusBefore(db, touched, mouId);
  if (draft && lock.values.includes(draft.status)) {
    throw refusedChange(table, rowId, field, message(lock.message, { title: draft.title, status: draft.status }), { lockedId: mouId });
  }
}

/** A link an import made that did not resolve yet: a later batch of the same import may bring its target. */
export interface DeferredLink {
  table: string;
  rowId: string;
  field: string;
  to: string;
  id: string;
}

/**
 * With `deferred`, an unresolved link is noted there instead of refused (an import applied batch by batch
 * checks them once, with checkDeferredLinks, after its last batch).
 */
export function checkTouchedRows(db: Database, rows: Iterable<TouchedRow>, deferred?: DeferredLink[]): void {
  const touched = new Map<string, TouchedRow>();
  for (const row of rows) touched.set(`${row.table}\u0000${row.rowId}`, row);
  for (const row of touched.values()) {
    if (row.changed.size === 0 && !row.deleted) continue;
    const spec = byTable.get(row.table);
    if (spec) checkRecord(db, touched, spec, row, deferred);
    else if (row.table === 'mou_versions' || row.table === 'mou_signings') checkSignedParts(db, row);
  }
}

/** The links noted by checkTouchedRows, as the whole import left the database: each must resolve now. */
export function checkDeferredLinks(db: Database, deferred: readonly DeferredLink[]): void {
  for (const link of deferred) {
    if (!readRow(db, link.table, link.rowId)) continue; // the record itself was deleted later in the import
    if (!targetKnown(db, recordType(link.to), link.id)) throw refusedChange(link.table, link.rowId, link.field, message('validation.recordNotFound'), { missing: link.id });
  }
}

function checkRecord(db: Database, touched: Map<string, TouchedRow>, spec: RecordTypeSpec, row: TouchedRow, deferred?: DeferredLink[]): void {
  const { rowId } = row;
  const before = row.before ? domainValues(spec, row.before, rowId) : null;
  if (spec.lockedBy) {
    for (const mouId of new Set([row.before?.[columnName(spec.lockedBy)], readRow(db, spec.table, rowId)?.[columnName(spec.lockedBy)]])) {
      assertDraftUnlocked(db, touched, spec.table, rowId, spec.lockedBy, mouId);
    }
  }
  const locked = spec.lock && before && spec.lock.values.includes(String(before[spec.lock.field])) ? spec.lock : null;
  if (row.deleted) {
    if (locked) throw refusedChange(spec.table, rowId, spec.lock!.field, message(locked.message, { title: String(before![spec.titleField] ?? ''), status: String(before![locked.field]) }));
    return;
  }
  const stored = readRow(db, spec.table, rowId);
  if (!stored) return; // a delete here is final: the edit is logged, not applied
  const values = domainValues(spec, stored, rowId);
  const parsed = inputSchema(spec).safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? spec.titleField);
    throw refusedChange(spec.table, rowId, field, parseIssueMessage(issue.message) ?? message('validation.invalid'));
  }
  const changedFields = spec.fields.filter((field) => row.changed.has(columnName(field.name)));
  const typed = spec.typedBy;
  if (typed && changedFields.some((field) => field.name === typed.ref || field.name === typed.unitField || typed.fields.includes(field.name))) {
    // A measured value reads as its benchmark's unit as this post holds the benchmark after the merge.
    const unit = unitOfLinked(db, spec, values);
    const wrong = typed.fields.find((name) => unit !== undefined && parseTypedValue(unit, values[name] ?? '') === null);
    if (wrong) throw refusedChange(spec.table, rowId, wrong, message(typed.message));
  }
  if (locked) {
    const editable = locked.editable ?? [];
    const altered = changedFields.find((field) => !editable.includes(field.name) && !same(before![field.name], values[field.name]));
    if (altered) throw refusedChange(spec.table, rowId, altered.name, message(locked.message, { title: String(before![spec.titleField] ?? ''), status: String(before![locked.field]) }));
  }
  for (const field of changedFields) {
    if (field.kind === 'text' && field.unique) {
      const clash = statement(db, `SELECT id FROM ${q(spec.table)} WHERE ${q(columnName(field.name))} = ? COLLATE NOCASE AND id IS NOT ?`).get(values[field.name], rowId);
      if (clash) throw refusedChange(spec.table, rowId, field.name, message('validation.duplicateName'));
    }
  }
  const linked = outgoingIds(spec, Object.fromEntries(changedFields.map((field) => [field.name, values[field.name]])));
  for (const { field, to, ids } of linked) {
    for (const id of ids) {
      if (targetKnown(db, recordType(to), id)) continue;
      if (deferred) deferred.push({ table: spec.table, rowId, field: field.name, to, id });
      else throw refusedChange(spec.table, rowId, field.name, message('validation.recordNotFound'), { missing: id });
    }
  }
  if (spec.transitions) {
    const { field, allowed } = spec.transitions;
    let from = before ? String(before[field]) : null;
    for (const step of row.steps) {
      const origin = step.known ? String(step.replaced) : from;
      const to = String(step.value);
      if (origin !== null && origin !== to && !(allowed[origin] ?? []).includes(to)) {
        throw refusedChange(spec.table, rowId, field, message('validation.illegalTransition'), { from: origin, to });
      }
      from = to;
    }
    // Whatever the changes claim they replaced, a status held here moves only as the registry allows.
    const now = String(values[field]);
    if (before && locked && now !== String(before[field]) && !(allowed[String(before[field])] ?? []).includes(now)) {
      throw refusedChange(spec.table, rowId, field, message('validation.illegalTransition'), { from: String(before[field]), to: now });
    }
  }
}

/** Saved versions and signing records: new ones must hang together; ones of a signed draft never change. */
function checkSignedParts(db: Database, row: TouchedRow): void {
  const field = [...row.changed][0] ?? '_deleted';
  // What was saved or signed is history: an existing version or signing record is never rewritten or removed.
  if (row.before) {
    const after = readRow(db, row.table, row.rowId);
    if (row.deleted || !after || [...row.changed].some((column) => !same(row.before![column], after[column]))) {
      throw refusedChange(row.table, row.rowId, field, message('sync.signedPartImmutable'));
    }
  }
  const stored = readRow(db, row.table, row.rowId);
  if (!stored) return;
  if (!targetKnown(db, recordType('mouDrafts'), String(stored.mou_id))) throw refusedChange(row.table, row.rowId, 'mouId', message('validation.recordNotFound'));
  if (row.table === 'mou_signings') {
    const version = readRow(db, 'mou_versions', String(stored.version_id));
    if (!version || version.mou_id !== stored.mou_id || version.number !== stored.version_number) throw refusedChange(row.table, row.rowId, 'versionId', message('validation.recordNotFound'));
    let snapshot: unknown;
    try {
      snapshot = JSON.parse(String(version.snapshot));
    } catch {
      snapshot = null;
    }
    if (snapshotSha256(snapshot) !== stored.version_sha256) throw refusedChange(row.table, row.rowId, 'versionSha256', message('sync.signedHashMismatch'));
  }
}

/** Per table, the SQL column whose moves the registry restricts (its transitions field). */
export const TRANSITION_COLUMNS: ReadonlyMap<string, string> = new Map(
  recordTypes.flatMap((spec): [string, string][] => ('transitions' in spec && spec.transitions ? [[spec.table, columnName(spec.transitions.field)]] : [])),
);
