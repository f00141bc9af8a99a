import type { Database } from 'better-sqlite3-multiple-ciphers';
import { quoteIdentifier } from '../statements';
import { syncedTables, type SyncedTable } from '../syncedTables';

/** The pseudo-column a delete writes (see Store.delete). */
export const TOMBSTONE_COLUMN = '_deleted';

export interface SyncedColumn {
  field: string;
  column: string;
  /** SQLite declared type affinity: what a value must be to be accepted. */
  kind: 'text' | 'integer' | 'real' | 'json' | 'any';
  nullable: boolean;
  /** What a row gets for this column when a change creates it before its other fields arrive. */
  fallback: unknown;
}

export interface SyncedTableInfo {
  table: SyncedTable;
  columns: Map<string, SyncedColumn>;
  /** Names this table's shape (name and columns) in statement keys (see db/statements.ts). */
  key: string;
}

/**
 * Everything sync knows about a table comes from its declaration in
 * syncedTables.ts plus the live schema (PRAGMA table_info), so a new synced
 * table needs no sync code. Identifiers used in SQL only ever come from here.
 */
export function describeSyncedTables(db: Database): Map<string, SyncedTableInfo> {
  // Cached per connection and schema version: imports call this for every bundle.
  const version = db.pragma('user_version', { simple: true }) as number;
  const cached = descriptions.get(db);
  if (cached?.version === version) return cached.tables;
  const tables = readDescriptions(db);
  descriptions.set(db, { version, tables });
  return tables;
}

const descriptions = new WeakMap<Database, { version: number; tables: Map<string, SyncedTableInfo> }>();

function readDescriptions(db: Database): Map<string, SyncedTableInfo> {
  const result = new Map<string, SyncedTableInfo>();
  for (const table of Object.values(syncedTables) as SyncedTable[]) {
    const pragma = db.prepare(`PRAGMA table_info(${quoteIdentifier(table.name)})`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
    }[];
    // A declaration whose migration has not run on this database (only while a table is being added) cannot sync yet.
    if (pragma.length === 0) continue;
    const byName = new Map(pragma.map((column) => [column.name, column]));
    const columns = new Map<string, SyncedColumn>();
    for (const [field, column] of Object.entries(table.columns)) {
      const info = byName.get(column);
      if (!info) throw new Error(`Synced table ${table.name} declares column ${column}, which the schema lacks.`);
      const json = table.jsonFields?.includes(field) ?? false;
      const kind = json ? 'json' : affinity(info.type);
      columns.set(column, { field, column, kind, nullable: info.notnull === 0, fallback: fallbackValue(kind, info.notnull === 0, info.dflt_value) });
    }
    result.set(table.name, { table, columns, key: [table.name, ...columns.keys()].join('\u0000') });
  }
  return result;
}

function affinity(declared: string): SyncedColumn['kind'] {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'integer';
  if (type.includes('CHAR') || type.includes('TEXT') || type.includes('CLOB')) return 'text';
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 'real';
  return 'any';
}

function fallbackValue(kind: SyncedColumn['kind'], nullable: boolean, sqlDefault: string | null): unknown {
  if (sqlDefault !== null) {
    if (/^'.*'$/s.test(sqlDefault)) return sqlDefault.slice(1, -1).replace(/''/g, "'");
    if (/^-?\d+(\.\d+)?$/.test(sqlDefault)) return Number(sqlDefault);
  }
  if (nullable) return null;
  if (kind === 'integer' || kind === 'real') return 0;
  if (kind === 'json') return 'null';
  return '';
}

/** The value a synced column accepts, or an explanation of why not. */
export function checkValue(column: SyncedColumn, value: unknown): string | null {
  if (value === null) return column.nullable || column.kind === 'json' ? null : 'null in a required column';
  switch (column.kind) {
    case 'text':
      return typeof value === 'string' ? null : `expected text, got ${typeof value}`;
    case 'integer':
      return Number.isSafeInteger(value) ? null : 'expected a whole number';
    case 'real':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a number';
    case 'json':
      return null;
    case 'any':
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? null : 'expected text or a number';
  }
}

/** A domain value as its column stores it (JSON fields are text). */
export function toStoredValue(column: SyncedColumn, value: unknown): unknown {
  return column.kind === 'json' ? JSON.stringify(value ?? null) : value;
}

/** A stored column value back as its domain value. */
export function fromStoredValue(column: SyncedColumn, stored: unknown): unknown {
  if (column.kind !== 'json') return stored;
  try {
    return JSON.parse(String(stored));
  } catch {
    return stored;
  }
}
