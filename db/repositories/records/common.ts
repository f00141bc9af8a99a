import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RecordRow } from '../../../shared/api/records';
import { message, type MessageKey, type MessageParams } from '../../../shared/i18n/message';
import { recordType } from '../../../shared/records/registry';
import { typeLabelKey } from '../../../shared/records/labels';
import { columnName, type FieldSpec, type RecordTypeSpec } from '../../../shared/records/spec';
import { AppError, fieldIssue, type ErrorCode } from '../../../shared/result';
import type { FieldValues } from '../../store';
import { quoteIdentifier as q, statement } from '../../statements';
import { syncedTables, type SyncedTable } from '../../syncedTables';

/**
 * What every part of the records repository shares: a record type's SQL (built
 * from its declaration only: identifiers never come from input), the
 * one statement cache (db/statements.ts), and the conversions between stored rows and API records.
 */


export interface TypeInfo {
  spec: RecordTypeSpec;
  table: SyncedTable;
  fields: Map<string, FieldSpec>;
  /** SELECT of every field under its domain name, from alias t. */
  select: string;
  /** Fields whose stored value needs decoding (JSON text, 0/1). */
  decode: { name: string; kind: 'json' | 'boolean' }[];
}

const infos = new Map<string, TypeInfo>();
export function info(type: string): TypeInfo {
  let found = infos.get(type);
  if (!found) {
    const spec = recordType(type);
    const table = (syncedTables as Record<string, SyncedTable>)[spec.name]!;
    const columns = spec.fields.map((field) => `t.${q(columnName(field.name))} AS ${q(field.name)}`);
    found = {
      spec,
      table,
      fields: new Map(spec.fields.map((field) => [field.name, field])),
      select: `SELECT t.id, t.created_at AS createdAt, t.updated_at AS updatedAt, ${columns.join(', ')} FROM ${q(spec.table)} t`,
      decode: spec.fields.flatMap((field): TypeInfo['decode'] =>
        field.kind === 'json' || field.kind === 'refList' ? [{ name: field.name, kind: 'json' }] : field.kind === 'boolean' ? [{ name: field.name, kind: 'boolean' }] : [],
      ),
    };
    infos.set(type, found);
  }
  return found;
}

export function parseJson(text: unknown): unknown {
  if (text === '[]') return []; // most link lists: skip the parser
  try {
    return JSON.parse(String(text));
  } catch {
    return null; // a reader tolerates what another writer left behind
  }
}

/** A stored row as the API returns it. */
export function toRecord(type: TypeInfo, row: Record<string, unknown>): RecordRow {
  for (const { name, kind } of type.decode) row[name] = kind === 'json' ? parseJson(row[name]) : row[name] === 1;
  row.title = String(row[type.spec.titleField] ?? '');
  return row as RecordRow;
}

/** Field values as Store writes and compares them: booleans as 0/1 (what the INTEGER column and a synced change hold). */
export function toStored(type: TypeInfo, values: Record<string, unknown>): FieldValues {
  const stored: FieldValues = {};
  for (const field of type.spec.fields) {
    const value = values[field.name];
    stored[field.name] = field.kind === 'boolean' ? (value ? 1 : 0) : value;
  }
  return stored;
}

/** Ids a record links to, per field: its ref and refList fields and the links inside its JSON items. */
export function outgoingIds(spec: RecordTypeSpec, values: Record<string, unknown>): { field: FieldSpec; to: string; ids: string[] }[] {
  const result: { field: FieldSpec; to: string; ids: string[] }[] = [];
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind === 'ref' && typeof value === 'string' && value) result.push({ field, to: field.to, ids: [value] });
    if (field.kind === 'refList' && Array.isArray(value)) result.push({ field, to: field.to, ids: value.filter((id): id is string => typeof id === 'string') });
    if (field.kind === 'json' && field.itemRefs && Array.isArray(value)) {
      for (const { key, to } of field.itemRefs) {
        const ids = value.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined)).filter((id): id is string => typeof id === 'string' && id !== '');
        result.push({ field, to, ids: [...new Set(ids)] });
      }
    }
  }
  return result;
}

/** A record type's label as a message argument. */
export const typeName = (type: string, number: 'one' | 'many' = 'one') => message(typeLabelKey(type, number));

/** A refusal about one field: the error and its field issue carry the same catalog message (the issue's text encoded as forms read it). */
export function fieldRefusal(code: ErrorCode, field: string, key: MessageKey, params?: MessageParams, details: Record<string, unknown> = {}, text: { key: MessageKey; params?: MessageParams } = { key, params }): AppError {
  return new AppError(code, message(text.key, text.params), {
    ...details,
    issues: [fieldIssue(field, message(key, params))],
  });
}

/** The unit a typedBy declaration types `values` by: the record's own, or that of the record its ref points at now (undefined when that is not here). */
export function unitOfLinked(db: Database, spec: RecordTypeSpec, values: Record<string, unknown>): unknown {
  const typed = spec.typedBy!;
  if (!typed.ref) return values[typed.unitField];
  const field = spec.fields.find((candidate) => candidate.name === typed.ref);
  const id = values[typed.ref];
  if (field?.kind !== 'ref' || typeof id !== 'string' || !id) return undefined;
  const row = statement(db, `SELECT ${q(columnName(typed.unitField))} AS unit FROM ${q(recordType(field.to).table)} WHERE id = ?`).get(id) as { unit: unknown } | undefined;
  return row?.unit;
}
