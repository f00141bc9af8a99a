import type { Message } from '../../shared/i18n/message';
import { message } from '../../shared/i18n/message';
import { recordType } from '../../shared/records/registry';
import { columnName, inputSchema, type FieldSpec } from '../../shared/records/spec';
import { normalizeLabel, readCell, type Cell, type CellContext } from '../../shared/sheets/cells';
import { keyOf, keyString, linkKeys } from '../../shared/sheets/keys';
import { toFieldIssues } from '../../shared/validation';
import { AppError } from '../../shared/result';
import { info, toRecord } from '../repositories/records/common';
import { checkNewRecord, checksIndependent, insertRecord, updateRecord } from '../repositories/records/write';
import { quoteIdentifier as q, statement } from '../statements';
import type { FieldValues, Store } from '../store';

/**
 * A spreadsheet's rows into records of one type. One pass serves preview and apply: each row is read cell by
 * cell (shared/sheets/cells.ts), matched to an existing record by its id or its natural key, validated by the
 * type's schema, and written through the records repository (so links, unique names and locks are checked as
 * for any edit) inside a savepoint of one transaction. A preview rolls the whole transaction back; apply keeps
 * it when every row is valid, or (validRowsOnly) keeps the valid rows and returns the others.
 */

/** The column -> field choice: a header name -> a field name of the type, 'id', or '' (not imported). */
export type Mapping = Record<string, string>;

export interface SheetRows {
  headers: string[];
  rows: { row: number; cells: Cell[] }[];
}

export interface RowIssue {
  row: number;
  /** The header of the column the problem is in ('' for the row as a whole). */
  column: string;
  message: Message;
}

export type RowOutcome =
  | { row: number; status: 'new'; id?: string }
  | { row: number; status: 'updated'; id: string; changed: string[]; cells: ChangedCell[] }
  | { row: number; status: 'unchanged'; id: string }
  | { row: number; status: 'error'; issues: RowIssue[] };

/** One cell an update changes: its column in the file, its field, the value the record holds and the one the file gives. */
export interface ChangedCell {
  column: string;
  field: string;
  before: unknown;
  after: unknown;
  /** The record's currency, for an amount (minor units). */
  currency?: string;
}

export interface ImportResult {
  rows: RowOutcome[];
  counts: { new: number; updated: number; unchanged: number; error: number };
  applied: boolean;
}

export interface ImportOptions {
  type: string;
  mapping: Mapping;
  dateOrder?: 'dmy' | 'mdy';
  /** preview: nothing is written; all: every row or none; validRows: the valid rows, the others returned. */
  mode: 'preview' | 'all' | 'validRows';
  source: { file: string; sha256: string };
  onProgress?: (done: number, total: number) => void;
}

class Rollback extends Error {}

/** New rows written per Store.insertMany call (two statements of 512 rows for most types). */
const NEW_ROWS_PER_WRITE = 1024;

/** Link answers kept per import: distinct texts are few in real files, and this bounds the memory when they are not. */
const MAX_KEPT_LINK_ANSWERS = 20_000;

interface LinkIndex {
  byText: Map<string, { id: string; partnerId: string | null }[]>;
}

/** Finds linked records by id, title or single-field key, each type indexed once per import. */
function linkFinder(store: Store): CellContext['findLinks'] {
  const indexes = new Map<string, LinkIndex>();
  const indexOf = (to: string): LinkIndex => {
    let index = indexes.get(to);
    if (index) return index;
    const spec = recordType(to);
    const hasPartner = spec.fields.some((field) => field.name === 'partnerId');
    const names = [spec.titleField, ...linkKeys(to)];
    const columns = [...new Set(names)].map((name) => `${q(columnName(name))} AS ${q(name)}`);
    const rows = statement(store.db, `SELECT id, ${hasPartner ? 'partner_id' : 'NULL'} AS partnerId, ${columns.join(', ')} FROM ${q(spec.table)}`).all() as Record<string, unknown>[];
    index = { byText: new Map() };
    const add = (text: string, entry: { id: string; partnerId: string | null }) => {
      const list = index!.byText.get(text) ?? [];
      if (!list.some((item) => item.id === entry.id)) list.push(entry);
      index!.byText.set(text, list);
    };
    for (const row of rows) {
      const entry = { id: String(row.id), partnerId: (row.partnerId as string | null) ?? null };
      add(String(row.id), entry);
      for (const name of names) if (row[name] !== '' && row[name] !== null && row[name] !== undefined) add(normalizeLabel(String(row[name])), entry);
    }
    indexes.set(to, index);
    return index;
  };
  // A file names the same few linked records on row after row ("Border training" 50,000 times): each answer is kept.
  const answers = new Map<string, string[]>();
  return (to, text, partnerId) => {
    const question = `${to}\u0000${partnerId ?? ''}\u0000${text}`;
    const known = answers.get(question);
    if (known) return known;
    const index = indexOf(to);
    const found = index.byText.get(text) ?? index.byText.get(normalizeLabel(text)) ?? [];
    const scoped = found.length > 1 && partnerId ? found.filter((entry) => entry.partnerId === partnerId) : [];
    const ids = (scoped.length > 0 ? scoped : found).map((entry) => entry.id);
    if (answers.size < MAX_KEPT_LINK_ANSWERS) answers.set(question, ids);
    return ids;
  };
}

/** An empty cell and an empty value are the same: '' and [] match the NULL an older row holds for a field a later migration added. */
const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown) => a === b || (isEmpty(a) && isEmpty(b)) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function holdsAlready(record: Record<string, unknown>, values: Record<string, unknown>): boolean {
  for (const field in values) if (!same(record[field], values[field])) return false;
  return true;
}

export function runImport(store: Store, sheet: SheetRows, options: ImportOptions): ImportResult {
  const spec = recordType(options.type);
  const typeInfo = info(options.type);
  const schema = inputSchema(spec);
  const fieldsByName = new Map(spec.fields.map((field) => [field.name, field]));
  const columns: { index: number; header: string; field: FieldSpec | 'id' }[] = [];
  for (const [index, header] of sheet.headers.entries()) {
    const target = options.mapping[header];
    if (!target) continue;
    if (target === 'id') columns.push({ index, header, field: 'id' });
    else {
      const field = fieldsByName.get(target);
      if (!field) throw new AppError('VALIDATION', message('sheets.mapping.unknownField', { header, field: target }));
      columns.push({ index, header, field });
    }
  }
  const mappedFields = new Set(columns.flatMap((column) => (column.field === 'id' ? [] : [column.field.name])));
  if (mappedFields.size === 0) throw new AppError('VALIDATION', message('sheets.mapping.empty'));
  const headerOf = (field: string) => columns.find((column) => column.field !== 'id' && column.field.name === field)?.header ?? '';
  // Read first: the row's currency (amounts) and partner (links scoped to it).
  const order = (column: (typeof columns)[number]) => (column.field !== 'id' && (column.field.name === 'currency' || column.field.name === 'partnerId') ? 0 : 1);
  const readOrder = [...columns].sort((a, b) => order(a) - order(b));

  const existing = new Map<string, Record<string, unknown>>();
  for (const row of statement(store.db, typeInfo.select).all() as Record<string, unknown>[]) existing.set(String(row.id), toRecord(typeInfo, row));
  const byKey = new Map<string, string>();
  for (const [id, record] of existing) {
    const key = keyOf(options.type, record);
    if (key) byKey.set(keyString([key.fields.join(), ...key.values]), id);
  }
  const findLinks = linkFinder(store);
  const fileKeys = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  const errorAt = new Map<number, RowIssue[]>();
  const addIssue = (row: number, issue: RowIssue) => {
    const list = errorAt.get(row) ?? [];
    list.push(issue);
    errorAt.set(row, list);
  };

  // New rows are checked one by one as they come and, where no check of one reads what another writes, inserted
  // together: a statement per record would cost the search index a flush per record (Store.insertMany). Every other
  // write (an update, a new row of a type that is checked against the rows before it) first writes what is pending.
  const together = checksIndependent(options.type);
  const pending: { at: number; row: number; values: FieldValues }[] = [];
  const writePending = () => {
    if (pending.length === 0) return;
    const ids = store.insertMany(typeInfo.table, pending.map((entry) => ({ values: entry.values })));
    for (const [index, entry] of pending.entries()) outcomes[entry.at] = { row: entry.row, status: 'new', id: ids[index]! };
    pending.length = 0;
  };

  const work = () => {
    for (const [position, line] of sheet.rows.entries()) {
      options.onProgress?.(position, sheet.rows.length);
      const values: Record<string, unknown> = {};
      let id: string | null = null;
      const context: CellContext = { findLinks, dateOrder: options.dateOrder };
      for (const column of readOrder) {
        const cell = line.cells[column.index] ?? null;
        if (column.field === 'id') {
          const text = cell === null ? '' : String(cell).trim().toLowerCase();
          if (text && !existing.has(text)) addIssue(line.row, { row: line.row, column: column.header, message: message('sheets.row.idNotFound', { id: text }) });
          else if (text) id = text;
          continue;
        }
        const result = readCell(options.type, column.field, cell, context);
        if (!result.ok) {
          addIssue(line.row, { row: line.row, column: column.header, message: result.message });
          continue;
        }
        if (result.value !== undefined) values[column.field.name] = result.value;
        if (column.field.name === 'currency') context.currency = String(result.value).toUpperCase();
        if (column.field.name === 'partnerId') context.partnerId = (result.value as string | null) ?? null;
      }
      if (!id) {
        const key = keyOf(options.type, values);
        if (key) {
          const text = keyString([key.fields.join(), ...key.values]);
          const earlier = fileKeys.get(text);
          if (earlier !== undefined) {
            const issue = (row: number) => ({ row, column: headerOf(key.fields[0]!), message: message('sheets.row.duplicateKey', { other: row === line.row ? earlier : line.row }) });
            addIssue(earlier, issue(earlier));
            addIssue(line.row, issue(line.row));
          } else fileKeys.set(text, line.row);
          id = byKey.get(text) ?? null;
        }
      } else {
        const text = `id:${id}`;
        const earlier = fileKeys.get(text);
        if (earlier !== undefined) {
          addIssue(earlier, { row: earlier, column: '', message: message('sheets.row.duplicateKey', { other: line.row }) });
          addIssue(line.row, { row: line.row, column: '', message: message('sheets.row.duplicateKey', { other: earlier }) });
        } else fileKeys.set(text, line.row);
      }
      if (errorAt.has(line.row)) {
        outcomes.push({ row: line.row, status: 'error', issues: [] });
        continue;
      }
      const before = id ? existing.get(id)! : null;
      // Every cell as the record already holds it: nothing to check or write. The stored record passed the schema
      // when it was written, so checking it again would only repeat that (a re-imported file is mostly such rows).
      if (before && holdsAlready(before, values)) {
        outcomes.push({ row: line.row, status: 'unchanged', id: id! });
        continue;
      }
      const merged: Record<string, unknown> = {};
      for (const field of spec.fields) {
        if (field.name in values) merged[field.name] = values[field.name];
        // A choice a later migration added is NULL on older rows: its default applies, as on any edit.
        else if (before && !(field.kind === 'enum' && (before[field.name] === null || before[field.name] === undefined))) merged[field.name] = before[field.name];
      }
      const parsed = schema.safeParse(merged);
      if (!parsed.success) {
        for (const issue of toFieldIssues(parsed.error)) {
          addIssue(line.row, { row: line.row, column: headerOf(String(issue.path[0] ?? '')), message: issue.key ? message(issue.key, issue.params) : message('validation.invalid') });
        }
        outcomes.push({ row: line.row, status: 'error', issues: [] });
        continue;
      }
      const record = parsed.data as Record<string, unknown>;
      if (before) {
        // Cells the file gives (an empty choice keeps the record's own) that differ from the record.
        const changed = spec.fields.filter((field) => field.name in values && !same(before[field.name], record[field.name])).map((field) => field.name);
        if (changed.length === 0) {
          outcomes.push({ row: line.row, status: 'unchanged', id: id! });
          continue;
        }
        const currency = typeof record.currency === 'string' ? { currency: record.currency } : {};
        writePending();
        const cells = changed.map((field) => ({ column: headerOf(field), field, before: before[field] ?? null, after: record[field] ?? null, ...(fieldsByName.get(field)?.kind === 'money' ? currency : {}) }));
        if (tryWrite(line.row, () => updateRecord(store, options.type, id!, record))) outcomes.push({ row: line.row, status: 'updated', id: id!, changed, cells });
        else outcomes.push({ row: line.row, status: 'error', issues: [] });
      } else if (together) {
        // The checks write nothing, so a refused row needs no savepoint.
        let values: FieldValues = {};
        if (tryWrite(line.row, () => (values = checkNewRecord(store, options.type, record)), false)) {
          pending.push({ at: outcomes.length, row: line.row, values });
          outcomes.push({ row: line.row, status: 'new' });
          if (pending.length >= NEW_ROWS_PER_WRITE) writePending();
        } else outcomes.push({ row: line.row, status: 'error', issues: [] });
      } else {
        let newId = '';
        if (tryWrite(line.row, () => (newId = insertRecord(store, options.type, record)))) outcomes.push({ row: line.row, status: 'new', id: newId });
        else outcomes.push({ row: line.row, status: 'error', issues: [] });
      }
    }
    writePending();
    options.onProgress?.(sheet.rows.length, sheet.rows.length);
    // A duplicate found at a later row makes the earlier one an error too.
    for (const [index, outcome] of outcomes.entries()) {
      const issues = errorAt.get(outcome.row);
      if (issues) outcomes[index] = { row: outcome.row, status: 'error', issues };
    }
    const hasErrors = outcomes.some((outcome) => outcome.status === 'error');
    if (options.mode === 'preview' || (options.mode === 'all' && hasErrors)) throw new Rollback();
  };

  /** One row's write in a savepoint (a write that refuses before it writes needs none): a refusal (a missing link, a duplicate name, a lock) becomes the row's issues. */
  function tryWrite(row: number, write: () => unknown, savepoint = true): boolean {
    try {
      if (savepoint) store.transaction(write);
      else write();
      return true;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const issues = error.details?.issues ?? [];
      if (issues.length === 0) addIssue(row, { row, column: '', message: error.key ? message(error.key, error.params) : message('validation.invalid') });
      for (const issue of issues) addIssue(row, { row, column: headerOf(String(issue.path[0] ?? '')), message: issue.key ? message(issue.key, issue.params) : message('validation.invalid') });
      return false;
    }
  }

  let applied = false;
  try {
    store.withAuditSource(options.source, () => store.transaction(work));
    applied = options.mode !== 'preview';
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const counts = { new: 0, updated: 0, unchanged: 0, error: 0 };
  for (const outcome of outcomes) counts[outcome.status]++;
  if (!applied) for (const outcome of outcomes) if (outcome.status === 'new') delete outcome.id;
  return { rows: outcomes, counts, applied };
}
