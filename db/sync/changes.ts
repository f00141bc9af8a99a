import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { compareStamps } from '../../shared/hlc';
import type { Change } from './apply';
import { recordTypes } from '../../shared/records/registry';
import { columnName } from '../../shared/records/spec';
import { message } from '../../shared/i18n/message';
import { checkValue, describeSyncedTables, TOMBSTONE_COLUMN } from './columns';
import { refusedChange } from './rules';
import { RETIRED_COLUMNS } from '../syncedTables';

/** Per table, the registry's character limit of each text column. */
const textLimits = new Map<string, Map<string, { field: string; max: number }>>(
  recordTypes.map((spec) => [
    spec.table as string,
    new Map(spec.fields.flatMap((field): [string, { field: string; max: number }][] => (field.kind === 'text' || field.kind === 'longText' ? [[columnName(field.name), { field: field.name, max: field.max }]] : []))),
  ]),
);

/** For each origin post, the highest stamp below which a post holds every change. */
export type Vector = Record<string, string>;

/**
 * How a change travels: a compact tuple, so a bundle of many changes stays small. The ninth element, the
 * officer who made the change, is optional: it is sent only when the change names one, so a change made
 * before officers existed (and every change in an older bundle) travels as the same eight elements it always did.
 */
export type WireChange = [table: string, rowId: string, column: string, value: unknown, hlc: string, postId: string, prevHlc: string | null, prevPostId: string | null, officer?: WireOfficer];
export interface WireOfficer {
  id: string;
  name: string;
}
/** The longest officer name a change may carry (the officers page allows 100). */
export const MAX_OFFICER_NAME = 200;

export const HLC_PATTERN = /^\d{15}:\d{6}$/;
/** Row and post ids are UUIDs here; anything id-like and short is accepted from other versions. */
export const ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;

const hlc = z.string().regex(HLC_PATTERN);
const id = z.string().regex(ID_PATTERN);
export const vectorSchema = z.record(id, hlc).refine((value) => Object.keys(value).length <= 10_000);

/** Every change this post holds that the given vector does not cover (all of them for null). Reads the whole log: for tests and tools; exports select signed batches by key (db/sync/batches.ts). */
export function collectChanges(db: Database, since: Vector | null): WireChange[] {
  const rows = db
    .prepare('SELECT table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id, officer_id, officer_name FROM field_changes ORDER BY hlc, post_id')
    .raw()
    .iterate() as IterableIterator<[string, string, string, string, string, string, string | null, string | null, string | null, string | null]>;
  const result: WireChange[] = [];
  for (const [table, rowId, column, value, stamp, postId, prevHlc, prevPostId, officerId, officerName] of rows) {
    const seen = since?.[postId];
    if (seen !== undefined && stamp <= seen) continue;
    const change: WireChange = [table, rowId, column, JSON.parse(value) as unknown, stamp, postId, prevHlc, prevPostId];
    if (officerId !== null && officerName !== null) change.push({ id: officerId, name: officerName });
    result.push(change);
  }
  return result;
}

/** What this post holds: every change of each origin up to the highest stamp it has from it. */
export function heldVector(db: Database): Vector {
  const rows = db.prepare('SELECT post_id AS postId, MAX(hlc) AS hlc FROM field_changes GROUP BY post_id').all() as { postId: string; hlc: string }[];
  return Object.fromEntries(rows.map((row) => [row.postId, row.hlc]));
}

/** The deepest a change's value may nest (the registry's deepest JSON field is an array of objects: 3). */
export const MAX_VALUE_DEPTH = 32;
/** The most characters (strings and keys together) one change's value may hold: a saved MOU version's snapshot is the largest. */
export const MAX_VALUE_CHARS = 4 * 1024 * 1024;
/** In a Unicode regex a surrogate pair is one code point: only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A value's shape within the limits, walked without recursion (10,000 levels cannot exhaust the stack), and
 * every string well-formed Unicode (no lone surrogates, which JSON escapes can carry). Null when it holds.
 */
export function valueShapeProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  let chars = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item === 'string') {
      chars += item.length;
      if (LONE_SURROGATE.test(item)) return 'text that is not well-formed Unicode';
    } else if (item !== null && typeof item === 'object') {
      if (depth >= MAX_VALUE_DEPTH) return `a value nested deeper than ${MAX_VALUE_DEPTH} levels`;
      if (Array.isArray(item)) {
        for (const element of item) stack.push([element, depth + 1]);
      } else {
        for (const [key, element] of Object.entries(item)) {
          chars += key.length;
          if (LONE_SURROGATE.test(key)) return 'text that is not well-formed Unicode';
          stack.push([element, depth + 1]);
        }
      }
    }
    if (chars > MAX_VALUE_CHARS) return `a value over ${MAX_VALUE_CHARS} characters`;
  }
  return null;
}

export class ChangeRejected extends Error {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(`Change ${index + 1} is not acceptable: ${reason}.`);
  }
}

/**
 * Checks untrusted changes against the synced-table declarations: the table and
 * column must be declared (so no identifier from a bundle ever reaches SQL),
 * ids and stamps well-formed, and each value of the column's type.
 */
export function validateChanges(db: Database, raw: unknown[]): Change[] {
  const tables = describeSyncedTables(db);
  // Hand-written rather than a zod tuple: this runs once per change of every bundle.
  return raw.map((entry, index): Change | null => {
    // Eight fields; a ninth, when present, is an object of extras: the officer who made the change (id and name), and
    // whatever a later version adds (kept in the signed batch, read by none yet).
    if (!Array.isArray(entry) || (entry.length !== 8 && !(entry.length === 9 && isExtras(entry[8])))) throw new ChangeRejected(index, 'malformed change');
    const [table, rowId, column, value, stamp, postId, prevHlc, prevPostId, extras] = entry as unknown[];
    const officer = entry.length === 9 ? officerOf(extras as Record<string, unknown>) : undefined;
    if (officer === false) throw new ChangeRejected(index, 'malformed officer');
    if (typeof table !== 'string' || typeof column !== 'string' || !isId(rowId) || !isId(postId) || !isStamp(stamp)) throw new ChangeRejected(index, 'malformed change');
    if (!(prevHlc === null ? prevPostId === null : isStamp(prevHlc) && isId(prevPostId))) throw new ChangeRejected(index, 'malformed replaced-version stamp');
    const info = tables.get(table); // a Map: no inherited keys like __proto__
    if (!info) throw new ChangeRejected(index, `unknown table "${table.slice(0, 64)}"`);
    if (RETIRED_COLUMNS.get(table)?.has(column)) return null;
    if (prevHlc !== null && compareStamps({ hlc: prevHlc as string, postId: prevPostId as string }, { hlc: stamp, postId }) >= 0) throw new ChangeRejected(index, 'replaced version is not older');
    if (column === TOMBSTONE_COLUMN) {
      if (value !== true) throw new ChangeRejected(index, 'a delete must be true');
    } else {
      const declared = info.columns.get(column);
      if (!declared) throw new ChangeRejected(index, `unknown column "${column.slice(0, 64)}" of ${table}`);
      const kindProblem = checkValue(declared, value);
      if (kindProblem) throw new ChangeRejected(index, `${table}.${column}: ${kindProblem}`);
      // A text past its registry limit is refused here, before any record is built from it.
      const limit = textLimits.get(table)?.get(column);
      if (limit !== undefined && typeof value === 'string' && value.length > limit.max && value.trim().length > limit.max) {
        throw refusedChange(table, rowId, limit.field, message('validation.tooLong', { max: limit.max }), { index, length: value.length });
      }
      const problem = valueShapeProblem(value);
      if (problem) throw new ChangeRejected(index, `${table}.${column}: ${problem}`);
    }
    const change: Change = { table, rowId, column, value, hlc: stamp, postId, prevHlc: prevHlc as string | null, prevPostId: prevPostId as string | null };
    if (officer) change.officer = officer;
    return change;
  }).filter((change): change is Change => change !== null);
}

/** The officer the extras name: undefined when they name none, false when the id or name is malformed. */
function officerOf(extras: Record<string, unknown>): WireOfficer | undefined | false {
  if (!('id' in extras) && !('name' in extras)) return undefined;
  const { id, name } = extras;
  return isId(id) && typeof name === 'string' && name.trim() !== '' && name.length <= MAX_OFFICER_NAME && !LONE_SURROGATE.test(name) && !/\p{Cc}/u.test(name) ? { id, name } : false;
}

function isExtras(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && valueShapeProblem(value) === null;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && ID_PATTERN.test(value);
}

function isStamp(value: unknown): value is string {
  return typeof value === 'string' && value.length === 22 && HLC_PATTERN.test(value);
}
