import type { Database } from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from '../shared/canonicalJson';
import { quoteIdentifier } from './statements';
import { describeSyncedTables, fromStoredValue } from './sync/columns';

/**
 * Every record of every synced table as one canonical JSON document (tables by
 * name, rows by id, keys sorted), one row per line: two databases hold the same data exactly
 * when their dumps are equal, so `diff` compares posts. Local bookkeeping
 * (created_at/updated_at, clocks, change log, audit, sync state) is left out.
 */
export function dumpSyncedTables(db: Database): string {
  const sections: string[] = [];
  const tables = [...describeSyncedTables(db).values()].sort((a, b) => (a.table.name < b.table.name ? -1 : 1));
  for (const { table, columns } of tables) {
    const select = ['id', ...columns.keys()].map(quoteIdentifier).join(', ');
    const rows = db.prepare(`SELECT ${select} FROM ${quoteIdentifier(table.name)} ORDER BY id`).all() as Record<string, unknown>[];
    const records = rows.map((row) => {
      const record: Record<string, unknown> = { id: row.id };
      for (const column of columns.values()) record[column.field] = fromStoredValue(column, row[column.column]);
      return canonicalJson(record);
    });
    sections.push(`${JSON.stringify(table.name)}: [${records.length ? `\n${records.join(',\n')}\n` : ''}]`);
  }
  return `{\n${sections.join(',\n')}\n}\n`;
}
