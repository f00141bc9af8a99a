import type { AuditEntry } from '../../../shared/api/records';
import type { Store } from '../../store';
import { info, parseJson } from './common';
import { statement as prepare } from '../../statements';

/** The audit trail of a record, replayed from the audit log (local edits and what imports changed). */

/** A post's display name: this post, else a trusted post (sync), else its id. */
export function postNameResolver(store: Store): (postId: string) => string {
  const names = new Map<string, string>([[store.post.id, store.post.name]]);
  const hasTrusted = prepare(store.db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_trusted_posts'").get();
  if (hasTrusted) {
    for (const row of prepare(store.db, 'SELECT post_id AS id, name FROM sync_trusted_posts').all() as { id: string; name: string }[]) {
      if (!names.has(row.id)) names.set(row.id, row.name);
    }
  }
  return (postId) => names.get(postId) ?? postId;
}

/** The post that sent a bundle, from the sync engine's log (absent before sync, or for an unknown hash). */
function bundleSender(store: Store, hash: string): string | undefined {
  const hasLog = prepare(store.db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_bundle_log'").get();
  if (!hasLog) return undefined;
  return (prepare(store.db, 'SELECT sender_post_id AS sender FROM sync_bundle_log WHERE hash = ?').get(hash) as { sender: string } | undefined)?.sender;
}

/**
 * The audit trail of one record, oldest first. Store writes { field: [before, after] };
 * the sync engine writes { importedFromBundle, values: { field: after } } for what an import
 * changed, so its "before" comes from replaying the entries before it.
 */
export function listAudit(store: Store, type: string, id: string): AuditEntry[] {
  const typeInfo = info(type);
  const nameOf = postNameResolver(store);
  const rows = prepare(store.db, 'SELECT CAST(id AS TEXT) AS id, at, post_id AS postId, action, changes, officer_id AS officerId, officer_name AS officerName FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY at, id').all(typeInfo.spec.table, id) as {
    id: string;
    at: string;
    postId: string;
    officerId: string | null;
    officerName: string | null;
    action: AuditEntry['action'];
    changes: string;
  }[];
  const asShown = (name: string, value: unknown) => (typeInfo.fields.get(name)?.kind === 'boolean' && value !== null && value !== undefined ? Boolean(value) : value);
  const current: Record<string, unknown> = {};
  return rows.map((row) => {
    const stored = (parseJson(row.changes) ?? {}) as Record<string, unknown>;
    const entry: AuditEntry = { id: row.id, at: row.at, postId: row.postId, postName: '', action: row.action, changes: {}, officerId: row.officerId, officerName: row.officerName };
    if (typeof stored.importedFromBundle === 'string') {
      entry.importedFromBundle = stored.importedFromBundle;
      entry.postId = bundleSender(store, stored.importedFromBundle) ?? row.postId;
      const values = (stored.values ?? {}) as Record<string, unknown>;
      const fields = row.action === 'delete' ? Object.keys(current) : Object.keys(values);
      for (const name of fields) {
        const after = row.action === 'delete' ? null : values[name];
        entry.changes[name] = [asShown(name, current[name] ?? null), asShown(name, after)];
      }
    } else {
      const source = stored.$source as { file?: unknown; sha256?: unknown } | undefined;
      if (source && typeof source.file === 'string' && typeof source.sha256 === 'string') entry.importedFromSheet = { file: source.file, sha256: source.sha256 };
      for (const [name, pair] of Object.entries(stored as Record<string, [unknown, unknown]>)) {
        if (Array.isArray(pair)) entry.changes[name] = [asShown(name, pair[0]), asShown(name, pair[1])];
      }
    }
    for (const [name, [, after]] of Object.entries(entry.changes)) current[name] = after;
    entry.postName = nameOf(entry.postId);
    return entry;
  });
}

