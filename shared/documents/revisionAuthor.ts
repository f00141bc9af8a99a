import type { AuditEntry } from '../api/records';

/**
 * Who made a change, as a redline names them (Word's review pane shows it on
 * every tracked change): the post, and the officer when the audit entry
 * names one ("Jane Smith (Embassy Tunis)"). The single place that turns an
 * audit entry into an author: when audit entries gain the officer, only this
 * function reads it.
 */
export type AuthorSource = Pick<AuditEntry, 'postName'> & { officerName?: string | null };

export function revisionAuthor(entry: AuthorSource): string {
  const officer = entry.officerName?.trim();
  return officer ? `${officer} (${entry.postName})` : entry.postName;
}

/**
 * The entry that last changed a record between two saves (after `from`, up to
 * and including `to`; `to` undefined: up to now), from an audit trail oldest
 * first. ISO timestamps compare as strings.
 */
export function lastChangeBetween<T extends { at: string }>(entries: readonly T[], from: string, to: string | undefined): T | undefined {
  let found: T | undefined;
  for (const entry of entries) if (entry.at > from && (to === undefined || entry.at <= to)) found = entry;
  return found;
}
