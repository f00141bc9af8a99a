import { statement } from '../statements';
import type { Store } from '../store';

/** Column mappings this post saved, per record type and set of headers (local: they do not travel). */
export function savedMapping(store: Store, type: string, headersKey: string): Record<string, string> | null {
  const row = statement(store.db, 'SELECT mapping FROM sheet_mappings WHERE record_type = ? AND headers_key = ?').get(type, headersKey) as { mapping: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.mapping) as Record<string, string>;
  } catch {
    return null;
  }
}

export function saveMapping(store: Store, type: string, headersKey: string, mapping: Record<string, string>): void {
  statement(store.db, 'INSERT INTO sheet_mappings (record_type, headers_key, mapping, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT (record_type, headers_key) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at').run(
    type,
    headersKey,
    JSON.stringify(mapping),
    new Date(store.now()).toISOString(),
  );
}
