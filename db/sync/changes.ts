import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { compareStamps } from '../../shared/hlc';
import type { Change } from './apply';
import { checkValue, describeSyncedTables, TOMBSTONE_COLUMN } from './columns';

/** For each origin post, the highest stamp below which a post holds every change. */
export type Vector = Record<string, string>;

/** How a change travels: a compact tuple, so a bundle of many changes stays small. */
export type WireChange = [table: string, rowId: string, column: string, value: unknown, hlc: string, postId: string, prevHlc: string | null, prevPostId: string | null];

export const HLC_PATTERN = /^\d{15}:\d{6}$/;
/** Row and post ids are UUIDs here; anything id-like and short is accepted from other versions. */
export const ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;

const hlc = z.string().regex(HLC_PATTERN);
const id = z.string().regex(ID_PATTERN);
export const vectorSchema = z.record(id, hlc).refine((value) => Object.keys(value).length <= 10_000);

/** Every change this post holds that the given vector does not cover (all of them for null). */
export function collectChanges(db: Database, since: Vector | null): WireChange[] {
  const rows = db
    .prepare('SELECT table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id FROM field_changes ORDER BY hlc, post_id')
    .raw()
    .iterate() as IterableIterator<[string, string, string, string, string, string, string | null, string | null]>;
  const result: WireChange[] = [];
  for (const [table, rowId, column, value, stamp, postId, prevHlc, prevPostId] of rows) {
    const seen = since?.[postId];
    if (seen !== undefined && stamp <= seen) continue;
    result.push([table, rowId, column, JSON.parse(value) as unknown, stamp, postId, prevHlc, prevPostId]);
  }
  return result;
}

/** What this post holds: every change of each origin up to the highest stamp it has from it. */
export function heldVector(db: Database): Vector {
  const rows = db.prepare('SELECT post_id AS postId, MAX(hlc) AS hlc FROM field_changes GROUP BY post_id').all() as { postId: string; hlc: string }[];
  return Object.fromEntries(rows.map((row) => [row.postId, row.hlc]));
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
  return raw.map((entry, index) => {
    if (!Array.isArray(entry) || entry.length !== 8) throw new ChangeRejected(index, 'malformed change');
    const [table, rowId, column, value, stamp, postId, prevHlc, prevPostId] = entry as unknown[];
    if (typeof table !== 'string' || typeof column !== 'string' || !isId(rowId) || !isId(postId) || !isStamp(stamp)) throw new ChangeRejected(index, 'malformed change');
    if (!(prevHlc === null ? prevPostId === null : isStamp(prevHlc) && isId(prevPostId))) throw new ChangeRejected(index, 'malformed replaced-version stamp');
    const info = tables.get(table); // a Map: no inherited keys like __proto__
    if (!info) throw new ChangeRejected(index, `unknown table "${table.slice(0, 64)}"`);
    if (prevHlc !== null && compareStamps({ hlc: prevHlc as string, postId: prevPostId as string }, { hlc: stamp, postId }) >= 0) throw new ChangeRejected(index, 'replaced version is not older');
    if (column === TOMBSTONE_COLUMN) {
      if (value !== true) throw new ChangeRejected(index, 'a delete must be true');
    } else {
      const declared = info.columns.get(column);
      if (!declared) throw new ChangeRejected(index, `unknown column "${column.slice(0, 64)}" of ${table}`);
      const problem = checkValue(declared, value);
      if (problem) throw new ChangeRejected(index, `${table}.${column}: ${problem}`);
    }
    return { table, rowId, column, value, hlc: stamp, postId, prevHlc: prevHlc as string | null, prevPostId: prevPostId as string | null };
  });
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && ID_PATTERN.test(value);
}

function isStamp(value: unknown): value is string {
  return typeof value === 'string' && value.length === 22 && HLC_PATTERN.test(value);
}
