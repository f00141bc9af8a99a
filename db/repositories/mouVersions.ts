import { createHash } from 'node:crypto';
import type { ClauseComparison, ClauseSnapshot, MouVersionInfo } from '../../shared/api/mouVersions';
import { redlineClauses, type ClauseRedline } from '../../shared/documents/redline';
import type { MouClause } from '../../shared/documents/types';
import { canonicalJson } from '../../shared/canonicalJson';
import { recordType } from '../../shared/records/registry';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import type { Store } from '../store';
import { syncedTables } from '../syncedTables';
import { getRecord, postNameResolver, selectRecords } from './records';

/** What a saved version holds: the draft's fields, its clauses in order, its signatories. */
export interface Snapshot {
  draft: Record<string, unknown>;
  clauses: ClauseSnapshot[];
  signatories: Record<string, unknown>[];
}

const DRAFT_FIELDS = recordType('mouDrafts').fields.map((field) => field.name);
const SIGNATORY_FIELDS = recordType('mouSignatories').fields.map((field) => field.name);

function pick(record: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, record[field]]));
}

function currentSnapshot(store: Store, mouId: string): Snapshot {
  const draft = getRecord(store, 'mouDrafts', mouId);
  const clauses = selectRecords(store, 'mouClauses', 't.mou_id = ?', 't.position, t.id', [mouId]).map(
    (clause): ClauseSnapshot => ({
      id: clause.id,
      position: Number(clause.position),
      heading: String(clause.heading),
      headingAr: String(clause.headingAr ?? ''),
      textEn: String(clause.textEn),
      textAr: String(clause.textAr),
      benchmarkIds: clause.benchmarkIds as string[],
      checkInIds: clause.checkInIds as string[],
      objectiveIds: clause.objectiveIds as string[],
    }),
  );
  // A snapshot is also the document engine's input (shared/documents/fromSnapshot.ts), where a signatory's job title is 'title'.
  const signatories = selectRecords(store, 'mouSignatories', 't.mou_id = ?', 't.signing_order, t.id', [mouId]).map(({ jobTitle, ...signatory }) => ({
    id: signatory.id,
    ...pick(signatory, SIGNATORY_FIELDS.filter((field) => field !== 'jobTitle')),
    title: jobTitle,
  }));
  return { draft: pick(draft, DRAFT_FIELDS), clauses, signatories };
}

interface VersionRow {
  id: string;
  mouId: string;
  number: number;
  label: string;
  savedAt: string;
  savedBy: string;
  savedByOfficer: string | null;
  snapshot: string;
}

// The officer who saved a version is the one its logged creation names (the store records the acting officer).
const SELECT_VERSION =
  "SELECT id, mou_id AS mouId, number, label, saved_at AS savedAt, saved_by AS savedBy, (SELECT officer_name FROM field_changes f WHERE f.table_name = 'mou_versions' AND f.row_id = mou_versions.id AND f.officer_name IS NOT NULL LIMIT 1) AS savedByOfficer, snapshot FROM mou_versions";

function info(row: VersionRow, nameOf: (postId: string) => string): MouVersionInfo {
  return { id: row.id, mouId: row.mouId, number: row.number, label: row.label, savedAt: row.savedAt, savedBy: row.savedBy, savedByName: nameOf(row.savedBy), savedByOfficer: row.savedByOfficer };
}

/** Saves the draft as it is now as its next numbered version. */
export function saveMouVersion(store: Store, mouId: string, label: string): MouVersionInfo {
  return store.transaction(() => {
    const snapshot = currentSnapshot(store, mouId);
    const { next } = store.db.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM mou_versions WHERE mou_id = ?').get(mouId) as { next: number };
    const id = store.insert(syncedTables.mouVersions, {
      mouId,
      number: next,
      label: label || `Version ${next}`,
      snapshot,
      savedAt: new Date(store.now()).toISOString(),
      savedBy: store.post.id,
    });
    return info(store.db.prepare(`${SELECT_VERSION} WHERE id = ?`).get(id) as VersionRow, postNameResolver(store));
  });
}

/** Newest first. Two posts may each save "version 3" before they sync: both are kept, ordered by time. */
export function listMouVersions(store: Store, mouId: string): MouVersionInfo[] {
  getRecord(store, 'mouDrafts', mouId);
  const nameOf = postNameResolver(store);
  return (store.db.prepare(`${SELECT_VERSION} WHERE mou_id = ? ORDER BY number DESC, saved_at DESC, id DESC`).all(mouId) as VersionRow[]).map((row) => info(row, nameOf));
}

export function loadVersion(store: Store, mouId: string, ref: string): { info: MouVersionInfo; snapshot: Snapshot } {
  if (ref === 'current') {
    return {
      info: { id: 'current', mouId, number: 0, label: 'Current draft', savedAt: '', savedBy: store.post.id, savedByName: store.post.name },
      snapshot: currentSnapshot(store, mouId),
    };
  }
  const row = store.db.prepare(`${SELECT_VERSION} WHERE id = ? AND mou_id = ?`).get(ref, mouId) as VersionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', message('documents.versionNotFound', { ref }), { id: ref, mouId });
  const snapshot = JSON.parse(row.snapshot) as Snapshot;
  assertSignedIntact(store, row.id, row.number, snapshot);
  return { info: info(row, postNameResolver(store)), snapshot };
}

/**
 * Every read of a signed version checks it: a version a signing record names must still hash (SHA-256 of its
 * canonical snapshot) to what was recorded when it was signed, or the read is refused saying so.
 */
function assertSignedIntact(store: Store, versionId: string, number: number, snapshot: Snapshot): void {
  const recorded = store.db.prepare('SELECT version_sha256 FROM mou_signings WHERE version_id = ?').pluck().all(versionId) as string[];
  if (recorded.length === 0) return;
  const actual = createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
  const expected = recorded.find((sha256) => sha256 !== actual);
  if (expected !== undefined) {
    throw new AppError('CONFLICT', message('sync.signedVersionAltered', { number, expected, actual }), { reason: 'signed-version-altered', versionId, expected, actual });
  }
}

const asDocumentClause = (clause: ClauseSnapshot): MouClause => ({
  id: clause.id,
  number: String(clause.position),
  en: clause.textEn,
  ar: clause.textAr,
  references: [...clause.benchmarkIds, ...clause.checkInIds.map((id) => `checkIn:${id}`), ...clause.objectiveIds.map((id) => `objective:${id}`)],
});

/** Clause-by-clause differences between two versions (clauses matched by id), with word-level redlines. */
export function compareMouVersions(store: Store, mouId: string, fromRef: string, toRef: string) {
  getRecord(store, 'mouDrafts', mouId);
  const from = loadVersion(store, mouId, fromRef);
  const to = loadVersion(store, mouId, toRef);
  const draftChanges: Record<string, [unknown, unknown]> = {};
  for (const field of DRAFT_FIELDS) {
    const before = from.snapshot.draft[field];
    const after = to.snapshot.draft[field];
    if (JSON.stringify(before) !== JSON.stringify(after)) draftChanges[field] = [before, after];
  }
  const beforeById = new Map(from.snapshot.clauses.map((clause) => [clause.id, clause]));
  const afterById = new Map(to.snapshot.clauses.map((clause) => [clause.id, clause]));
  const redline = redlineClauses(from.snapshot.clauses.map(asDocumentClause), to.snapshot.clauses.map(asDocumentClause));
  const clauses = redline.clauses.map((line: ClauseRedline): ClauseComparison => {
    const clauseId = (line.after ?? line.before)!.id!;
    const before = beforeById.get(clauseId);
    const after = afterById.get(clauseId);
    const headingChanged = Boolean(before && after && before.heading !== after.heading);
    return {
      clauseId,
      change: line.change === 'unchanged' && headingChanged ? 'changed' : line.change,
      ...(line.change !== 'added' && before ? { before } : {}),
      ...(line.change !== 'removed' && after ? { after } : {}),
      numberChanged: line.numberChanged,
      headingChanged,
      referencesChanged: line.referencesChanged,
      en: line.en,
      ar: line.ar,
    };
  });
  return { from: from.info, to: to.info, draftChanges, clauses };
}
