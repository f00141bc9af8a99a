import { createHash } from 'node:crypto';
import { z } from 'zod';
import { clauseSnapshot, type MouVersionInfo } from '../../shared/api/mouVersions';
import { canonicalJson } from '../../shared/canonicalJson';
import { message } from '../../shared/i18n/message';
import { toFieldIssues } from '../../shared/validation';
import { recordType } from '../../shared/records/registry';
import { inputSchema } from '../../shared/records/spec';
import { AppError } from '../../shared/result';
import type { Store } from '../store';
import { syncedTables } from '../syncedTables';
import { listMouVersions, loadVersion, saveMouVersion, type Snapshot } from './mouVersions';
import { findRecord, getRecord, insertRecord, postNameResolver, selectRecords, updateRecord } from './records';

/**
 * Signing an MOU draft and receiving a version from another post. Signing
 * moves the draft to "signed" through the registry's allowed transitions (so
 * only an agreed draft can be signed, and its clauses lock), saves the draft
 * as a version and records who signed, when, and the SHA-256 of that exact
 * version's canonical snapshot.
 */

export interface MouSigning {
  id: string;
  mouId: string;
  versionId: string;
  versionNumber: number;
  versionSha256: string;
  signedBy: string;
  signedAt: string;
  recordedBy: string;
  recordedByName: string;
}

/** The hash that identifies a saved version's exact content (canonical JSON, so key order never matters). */
export function snapshotSha256(snapshot: unknown): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

const SELECT_SIGNING =
  'SELECT id, mou_id AS mouId, version_id AS versionId, version_number AS versionNumber, version_sha256 AS versionSha256, signed_by AS signedBy, signed_at AS signedAt, recorded_by AS recordedBy FROM mou_signings';

export function listMouSignings(store: Store, mouId: string): MouSigning[] {
  const nameOf = postNameResolver(store);
  return (store.db.prepare(`${SELECT_SIGNING} WHERE mou_id = ? ORDER BY signed_at, id`).all(mouId) as Omit<MouSigning, 'recordedByName'>[]).map((row) => ({
    ...row,
    recordedByName: nameOf(row.recordedBy),
  }));
}

/** Marks an agreed draft signed: one transaction, or nothing changes. */
export function signMouDraft(store: Store, mouId: string, signedBy: string): { signing: MouSigning; version: MouVersionInfo } {
  return store.transaction(() => {
    const draft = getRecord(store, 'mouDrafts', mouId);
    // updateRecord lets an unchanged status through; signing twice would record a second signing of the same text.
    if (draft.status === 'signed' || draft.status === 'superseded') {
      throw new AppError('CONFLICT', message('documents.alreadySigned', { title: String(draft.title), status: String(draft.status) }), {
        mouId,
        status: draft.status,
        issues: [{ path: ['status'], key: 'validation.illegalTransition' }],
      });
    }
    const fields = Object.fromEntries(recordType('mouDrafts').fields.map((field) => [field.name, (draft as Record<string, unknown>)[field.name]]));
    updateRecord(store, 'mouDrafts', mouId, { ...fields, status: 'signed' });
    const version = saveMouVersion(store, mouId, `Signed by ${signedBy}`.slice(0, 100));
    const { snapshot } = loadVersion(store, mouId, version.id);
    const signedAt = new Date(store.now()).toISOString();
    const id = store.insert(syncedTables.mouSignings, {
      mouId,
      versionId: version.id,
      versionNumber: version.number,
      versionSha256: snapshotSha256(snapshot),
      signedBy,
      signedAt,
      recordedBy: store.post.id,
    });
    return { signing: listMouSignings(store, mouId).find((signing) => signing.id === id)!, version };
  });
}

/**
 * What a signed MOU file's snapshot.json must be before it becomes a version:
 * the draft's fields as the registry validates them, clauses as saved
 * versions hold them, and signatories with the registry's own fields.
 */
const signatorySnapshot = z
  .object({
    id: z.string().max(100),
    name: z.string().max(200),
    title: z.string().max(200).nullable().optional(),
    organisation: z.string().max(200).nullable().optional(),
    nameAr: z.string().max(200).nullable().optional(),
    jobTitleAr: z.string().max(200).nullable().optional(),
    organisationAr: z.string().max(200).nullable().optional(),
    side: z.enum(['us', 'partner']),
    signingOrder: z.number().int().min(1).max(100),
    mouId: z.string().max(100).optional(),
  })
  .strict();
const receivedSnapshot = z
  .object({
    draft: inputSchema(recordType('mouDrafts')),
    clauses: z.array(clauseSnapshot.strict()).max(1000),
    signatories: z.array(signatorySnapshot).max(20),
  })
  .strict();

/**
 * Adds a version received in a signed file as the draft's next saved version.
 * The draft as edited here is never touched; the same snapshot received twice
 * is kept once.
 */
export function addReceivedVersion(store: Store, mouId: string, snapshot: unknown, label: string): { version: MouVersionInfo; alreadyPresent: boolean } {
  const parsed = receivedSnapshot.safeParse(snapshot);
  if (!parsed.success) {
    throw new AppError('BUNDLE_REJECTED', message('documents.snapshotInvalid', { part: 'snapshot.json' }), {
      reason: 'snapshot-invalid',
      part: 'snapshot.json',
      issues: toFieldIssues(parsed.error).slice(0, 10),
    });
  }
  if (!findRecord(store, 'mouDrafts', mouId)) {
    throw new AppError('NOT_FOUND', message('documents.draftNotHere', { mouId }), { mouId });
  }
  const received = parsed.data as Snapshot;
  // Every part must describe the same draft: a snapshot whose signatories or clauses belong to another draft is refused.
  const foreignSignatory = received.signatories.find((signatory) => signatory.mouId !== undefined && signatory.mouId !== mouId);
  const clauseOwner = statementForClauseOwner(store);
  const foreignClause = received.clauses.find((clause) => {
    const owner = clauseOwner.get(clause.id) as string | undefined;
    return owner !== undefined && owner !== mouId;
  });
  if (foreignSignatory || foreignClause) {
    throw new AppError('BUNDLE_REJECTED', message('sync.signedPartOtherDraft', { part: 'snapshot.json', mouId }), { reason: 'part-mismatch', part: 'snapshot.json', mouId });
  }
  const hash = snapshotSha256(received);
  return store.transaction(() => {
    for (const existing of listMouVersions(store, mouId)) {
      if (snapshotSha256(loadVersion(store, mouId, existing.id).snapshot) === hash) return { version: existing, alreadyPresent: true };
    }
    const { next } = store.db.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM mou_versions WHERE mou_id = ?').get(mouId) as { next: number };
    const id = store.insert(syncedTables.mouVersions, {
      mouId,
      number: next,
      label: label.slice(0, 100),
      snapshot: received,
      savedAt: new Date(store.now()).toISOString(),
      savedBy: store.post.id,
    });
    return { version: listMouVersions(store, mouId).find((version) => version.id === id)!, alreadyPresent: false };
  });
}

/** A record's own field values (no id, timestamps or display title), as the write path takes them. */
function fieldValues(type: string, record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(recordType(type).fields.map((field) => [field.name, record[field.name]]));
}

/**
 * A signed MOU's text never changes; amending it starts a new draft that
 * begins as a copy of the signed one (fields, clauses, signatories), while the
 * signed draft becomes superseded. Its saved versions and signing record stay
 * as they were. One transaction: the copy is whole or absent.
 */
export function startNewMouVersion(store: Store, mouId: string): { id: string } {
  return store.transaction(() => {
    const draft = getRecord(store, 'mouDrafts', mouId);
    if (draft.status !== 'signed') {
      const status = String(draft.status);
      throw new AppError('CONFLICT', message('documents.notSigned', { title: String(draft.title) }), { status });
    }
    const fields = fieldValues('mouDrafts', draft);
    const newId = insertRecord(store, 'mouDrafts', { ...fields, status: 'draft' });
    for (const type of ['mouClauses', 'mouSignatories'] as const) {
      for (const row of selectRecords(store, type, 't.mou_id = ?', 't.id', [mouId])) {
        insertRecord(store, type, { ...fieldValues(type, row), mouId: newId });
      }
    }
    updateRecord(store, 'mouDrafts', mouId, { ...fields, status: 'superseded' });
    return { id: newId };
  });
}

function statementForClauseOwner(store: Store) {
  return store.db.prepare('SELECT mou_id FROM mou_clauses WHERE id = ?').pluck();
}
