import type { RecordRow } from '../../../shared/api/records';
import { message, type Message, type MessageKey } from '../../../shared/i18n/message';
import { fieldLabelKey, optionLabelKey, typeLabelKey } from '../../../shared/records/labels';
import { recordType, recordTypes } from '../../../shared/records/registry';
import { parseTypedValue } from '../../../shared/results/values';
import { columnName, type RecordTypeSpec } from '../../../shared/records/spec';
import { AppError } from '../../../shared/result';
import type { FieldValues, Store } from '../../store';
import { fieldRefusal, info, outgoingIds, toStored, typeName, unitOfLinked, type TypeInfo } from './common';
import { quoteIdentifier as q, statement as prepare } from '../../statements';
import { getRecord } from './read';

/**
 * Writing records: everything the schema cannot see (links to records that
 * exist, unique names, allowed transitions, the locks the registry declares,
 * what still points at a record being deleted), then the write through Store.
 */

function exists(store: Store, type: string, id: string): boolean {
  return prepare(store.db, `SELECT 1 FROM ${q(recordType(type).table)} WHERE id = ?`).get(id) !== undefined;
}

/** An enum field's value as a message (the value itself when the field is not an enum). */
function optionName(spec: RecordTypeSpec, fieldName: string, value: string): Message | string {
  const field = spec.fields.find((candidate) => candidate.name === fieldName);
  return field?.kind === 'enum' && field.options.includes(value) ? message(optionLabelKey(spec.name, field, value)) : value;
}

const fieldName = (type: string, field: string) => message(fieldLabelKey(type, field));

/** Checks a write and returns the values to store (typed values in their canonical form). */
function checkWrite(store: Store, type: TypeInfo, values: Record<string, unknown>, before?: RecordRow): Record<string, unknown> {
  const { spec } = type;
  for (const field of spec.fields) {
    if (field.kind === 'text' && field.unique) {
      const clash = prepare(store.db, `SELECT id FROM ${q(spec.table)} WHERE ${q(columnName(field.name))} = ? COLLATE NOCASE AND id IS NOT ?`).get(values[field.name], before?.id ?? null);
      if (clash) {
        throw fieldRefusal('VALIDATION', field.name, 'validation.duplicateName', undefined, {}, {
          key: 'records.duplicate',
          params: { type: typeName(spec.name), field: fieldName(spec.name, field.name), value: String(values[field.name]) },
        });
      }
    }
  }
  for (const { field, to, ids } of outgoingIds(spec, values)) {
    for (const id of ids) {
      if (!exists(store, to, id)) {
        const key: MessageKey = field.kind === 'ref' && field.notFoundMessage ? field.notFoundMessage : 'validation.recordNotFound';
        throw fieldRefusal('VALIDATION', field.name, key, undefined, {}, { key: 'records.linkMissing', params: { field: fieldName(spec.name, field.name), type: typeName(to), id } });
      }
    }
  }
  if (spec.transitions && before) {
    const { field, allowed } = spec.transitions;
    const from = String(before[field]);
    const to = String(values[field]);
    if (from !== to && !(allowed[from] ?? []).includes(to)) {
      throw fieldRefusal('CONFLICT', field, 'validation.illegalTransition', undefined, { from, to }, {
        key: 'records.illegalTransition',
        params: { type: typeName(spec.name), field: fieldName(spec.name, field), from: optionName(spec, field, from), to: optionName(spec, field, to) },
      });
    }
  }
  if (spec.lockedBy) {
    const parent = parentType(spec);
    for (const parentId of new Set([before?.[spec.lockedBy], values[spec.lockedBy]])) assertUnlocked(store, parent, parentId, spec.lockedBy);
  }
  if (spec.lock && before && spec.lock.values.includes(String(before[spec.lock.field]))) {
    const editable = spec.lock.editable ?? [];
    const changed = spec.fields.find((field) => !editable.includes(field.name) && JSON.stringify(before[field.name] ?? null) !== JSON.stringify(values[field.name] ?? null));
    if (changed) assertUnlocked(store, spec.name, before.id, changed.name);
  }
  return typedValues(store, spec, values, before);
}

/**
 * Values typed by a unit (registry typedBy): each must read as its unit and is stored in the unit's canonical form
 * (returned), and a benchmark's unit cannot change while values recorded against it would no longer read as the new one.
 */
function typedValues(store: Store, spec: RecordTypeSpec, values: Record<string, unknown>, before?: RecordRow): Record<string, unknown> {
  let result = values;
  if (spec.typedBy) {
    const unit = unitOfLinked(store.db, spec, values);
    for (const name of spec.typedBy.fields) {
      if (unit === undefined) continue;
      const canonical = parseTypedValue(unit, values[name] ?? '');
      if (canonical === null) throw fieldRefusal('VALIDATION', name, spec.typedBy.message);
      if (canonical !== values[name]) result = { ...result, [name]: canonical };
    }
  }
  for (const dependent of recordTypes as readonly RecordTypeSpec[]) {
    const typed = dependent.typedBy;
    const ref = typed?.ref ? dependent.fields.find((field) => field.name === typed.ref) : undefined;
    if (!typed?.ref || ref?.kind !== 'ref' || ref.to !== spec.name || !before || before[typed.unitField] === values[typed.unitField]) continue;
    const rows = prepare(store.db, `SELECT ${typed.fields.map((name) => q(columnName(name))).join(', ')} FROM ${q(dependent.table)} WHERE ${q(columnName(typed.ref))} = ?`).all(before.id) as Record<string, unknown>[];
    if (rows.some((row) => typed.fields.some((name) => parseTypedValue(values[typed.unitField], row[columnName(name)] ?? '') === null))) {
      throw fieldRefusal('VALIDATION', typed.unitField, 'validation.unitInUse', { type: typeName(dependent.name, 'many') });
    }
  }
  return result;
}

/** The type a lockedBy field points at. */
function parentType(spec: RecordTypeSpec): string {
  const field = spec.fields.find((candidate) => candidate.name === spec.lockedBy);
  if (field?.kind !== 'ref') throw new Error(`${spec.name}.lockedBy must name a ref field`);
  return field.to;
}

/**
 * Refuses a change while the record of `type` with this id is locked (its registry `lock`): a signed MOU's text,
 * clauses and signatories are what was signed. `issueField` is the input field the refusal is shown at.
 */
export function assertUnlocked(store: Store, type: string, id: unknown, issueField: string): void {
  const { lock, titleField, table } = recordType(type);
  if (!lock || typeof id !== 'string' || !id) return;
  const row = prepare(store.db, `SELECT ${q(columnName(titleField))} AS title, ${q(columnName(lock.field))} AS state FROM ${q(table)} WHERE id = ?`).get(id) as { title: string; state: string } | undefined;
  if (row && lock.values.includes(row.state)) {
    throw fieldRefusal('CONFLICT', issueField, 'validation.recordLocked', undefined, { [`${lock.field}`]: row.state, lockedId: id }, { key: lock.message, params: { title: row.title, status: row.state } });
  }
}

export function createRecord(store: Store, type: string, values: Record<string, unknown>): RecordRow {
  return store.transaction(() => getRecord(store, type, insertRecord(store, type, values)));
}

/** Checks and inserts without reading the record back (the bulk path of seed and import). */
export function insertRecord(store: Store, type: string, values: Record<string, unknown>, options: { id?: string } = {}): string {
  const typeInfo = info(type);
  return store.transaction(() => {
    const stored = checkWrite(store, typeInfo, values);
    return store.insert(typeInfo.table, toStored(typeInfo, stored), options);
  });
}

/**
 * The bulk path of a spreadsheet import: checks a new record as insertRecord does (the same refusals), writing
 * nothing, and returns the values to store, for Store.insertMany to write with the others.
 */
export function checkNewRecord(store: Store, type: string, values: Record<string, unknown>): FieldValues {
  const typeInfo = info(type);
  return toStored(typeInfo, checkWrite(store, typeInfo, values));
}

/**
 * Whether new records of a type can all be checked before any is written: no check of one reads what another
 * writes (no unique field, no link to its own type). Otherwise each is checked and inserted in turn.
 */
export function checksIndependent(type: string): boolean {
  return !recordType(type).fields.some(
    (field) => (field.kind === 'text' && field.unique) || ((field.kind === 'ref' || field.kind === 'refList') && field.to === type) || (field.kind === 'json' && field.itemRefs?.some((ref) => ref.to === type)),
  );
}

export function updateRecord(store: Store, type: string, id: string, values: Record<string, unknown>): RecordRow {
  const typeInfo = info(type);
  return store.transaction(() => {
    const before = getRecord(store, type, id);
    const stored = checkWrite(store, typeInfo, values, before);
    store.update(typeInfo.table, id, toStored(typeInfo, before), toStored(typeInfo, stored));
    return getRecord(store, type, id);
  });
}

/** Deletes a record unless it is locked or records the registry names (restrictDeleteBy) still point at it. */
export function deleteRecord(store: Store, type: string, id: string): { id: string } {
  const typeInfo = info(type);
  const { spec } = typeInfo;
  return store.transaction(() => {
    const before = getRecord(store, type, id);
    if (spec.lockedBy) assertUnlocked(store, parentType(spec), before[spec.lockedBy], spec.lockedBy);
    const counts: Record<string, number> = {};
    const phrases: Message[] = [];
    for (const { type: sourceType, field: sourceField } of spec.restrictDeleteBy ?? []) {
      const source = recordType(sourceType);
      const field = source.fields.find((candidate) => candidate.name === sourceField)!;
      const { n } = (
        field.kind === 'refList'
          ? prepare(store.db, 'SELECT COUNT(DISTINCT source_id) AS n FROM record_links WHERE target_id = ? AND source_type = ? AND field = ?').get(id, sourceType, sourceField)
          : prepare(store.db, `SELECT COUNT(*) AS n FROM ${q(source.table)} WHERE ${q(columnName(sourceField))} = ?`).get(id)
      ) as { n: number };
      if (n > 0) {
        counts[sourceType] = (counts[sourceType] ?? 0) + n;
        phrases.push(message(typeLabelKey(sourceType, 'count'), { n }));
      }
    }
    if (phrases.length) {
      // "1 MOU draft, 2 projects": each count inside its own phrase, joined pairwise.
      const links = phrases.reduceRight((rest, first) => message('records.listPair', { first, rest }));
      throw new AppError('CONFLICT', message('records.inUse', { title: before.title, links }), { counts });
    }
    store.delete(typeInfo.table, id, toStored(typeInfo, before));
    return { id };
  });
}
