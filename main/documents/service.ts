import type { Store } from '../../db/store';
import { loadVersion } from '../../db/repositories/mouVersions';
import { addReceivedVersion } from '../../db/repositories/mouSignings';
import { findRecord, listAudit } from '../../db/repositories/records';
import { lastChangeBetween, revisionAuthor } from '../../shared/documents/revisionAuthor';
import type { PreExportWarning } from '../../shared/documents/checks';
import { formatMessage } from '../../shared/i18n/format';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { mouDocumentFromSnapshot } from '../../shared/documents/fromSnapshot';
import type { DocumentLanguage, DocumentLayout, MouDocument } from '../../shared/documents/types';
import type { KeyProtection } from '../sync/keys';
import { encryptTo } from '../sync/encryption';
import {
  describeVerifiedMou,
  exportSignedMou,
  preExportChecks,
  renderMou,
  renderRedlineDocx,
  renderRedlineHtml,
  type RedlineRevisions,
  renderRedlinePdf,
  SIGNED_MOU_FILE_EXTENSION,
  ENCRYPTED_MOU_FILE_EXTENSION,
  signerFromSync,
  trustFromSync,
  verifySignedMouPackage,
  type VerifiedMouPackage,
} from './index';

/**
 * The document engine on the planning model's records: what the MOU
 * handlers and `accord mou` call. A version is a saved version's id or
 * 'current' (the draft as it is now, dated today).
 */

export type DocumentFormat = 'pdf' | 'docx' | 'html';
export interface DocumentChoice {
  version: string;
  language: DocumentLanguage;
  layout: DocumentLayout;
  /** Start with a title page (a per-export choice). */
  titlePage?: boolean;
}

export function mouDocument(store: Store, marking: string, mouId: string, { version, language, layout, titlePage }: DocumentChoice): MouDocument {
  const { info, snapshot } = loadVersion(store, mouId, version);
  const partner = findRecord(store, 'partners', String(snapshot.draft.partnerId ?? ''));
  const referenceTypes = { benchmark: 'benchmarks', checkIn: 'checkIns', objective: 'objectives' } as const;
  const document = mouDocumentFromSnapshot(snapshot, {
    draftId: mouId,
    versionLabel: version === 'current' ? formatMessage('en', 'documents.label.currentDraft') : `${info.number}: ${info.label}`.slice(0, 50),
    versionLabelAr: version === 'current' ? formatMessage('ar', 'documents.label.currentDraft') : `${info.number}: ${info.label}`.slice(0, 50),
    date: (version === 'current' ? new Date(store.now()).toISOString() : info.savedAt).slice(0, 10),
    partnerName: partner ? String(partner.title) : '(deleted)',
    partnerNameAr: partner ? String(partner.nameAr ?? '') : '',
    marking,
    language,
    layout,
    referenceName: (kind, id) => {
      const record = findRecord(store, referenceTypes[kind], id);
      return record ? { en: String(record.title), ar: String(record.titleAr ?? '') } : undefined;
    },
  });
  return titlePage ? { ...document, titlePage } : document;
}

/** A file name made of the draft's title (letters of any script kept), the version and the language. */
export function documentFileName(document: MouDocument, suffix: string): string {
  const title = document.title.en.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'mou';
  const version = document.versionLabel.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 30);
  return `${title}-${version}-${document.language}${suffix}`;
}

export interface ExportedDocument {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  warnings: PreExportWarning[];
}

const MEDIA_TYPES: Record<DocumentFormat | 'signed', string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  signed: 'application/zip',
};

export interface SigningKey {
  protection: KeyProtection;
  passphrase: string | undefined;
}

/** A signed MOU file sealed to posts' age recipients: the same signed ZIP inside, named for what it now is. */
export async function sealSignedMou(signed: ExportedDocument, recipients: readonly string[]): Promise<ExportedDocument> {
  const fileName = signed.fileName.endsWith(SIGNED_MOU_FILE_EXTENSION) ? signed.fileName.slice(0, -SIGNED_MOU_FILE_EXTENSION.length) + ENCRYPTED_MOU_FILE_EXTENSION : signed.fileName;
  return { ...signed, fileName, mediaType: 'application/octet-stream', bytes: await encryptTo(recipients, signed.bytes) };
}

export async function exportMouDocument(store: Store, marking: string, mouId: string, choice: DocumentChoice, format: DocumentFormat | 'signed', key?: SigningKey): Promise<ExportedDocument> {
  const document = mouDocument(store, marking, mouId, choice);
  if (format === 'signed') {
    if (!key) throw new Error('A signed export needs the signing key.');
    const signer = signerFromSync(store, key.protection, key.passphrase, new Date(store.now()));
    const { snapshot } = loadVersion(store, mouId, choice.version);
    const { bytes, warnings } = await exportSignedMou(document, signer, new Date(store.now()), snapshot);
    return { fileName: documentFileName(document, SIGNED_MOU_FILE_EXTENSION), mediaType: MEDIA_TYPES.signed, bytes, warnings };
  }
  return { fileName: documentFileName(document, `.${format}`), mediaType: MEDIA_TYPES[format], bytes: await renderMou(document, format), warnings: preExportChecks(document) };
}

/** The redline between two versions of a draft, as a document (inserted words underlined, deleted ones struck through). */
export async function exportMouRedline(store: Store, marking: string, mouId: string, from: string, to: string, format: DocumentFormat, language: DocumentLanguage, layout: DocumentLayout): Promise<ExportedDocument> {
  const before = mouDocument(store, marking, mouId, { version: from, language, layout });
  const after = mouDocument(store, marking, mouId, { version: to, language, layout });
  const bytes =
    format === 'pdf'
      ? await renderRedlinePdf(before, after)
      : format === 'docx'
        ? await renderRedlineDocx(before, after, redlineRevisions(store, mouId, from, to))
        : Buffer.from(renderRedlineHtml(before, after), 'utf8');
  return { fileName: documentFileName(after, `-redline.${format}`), mediaType: MEDIA_TYPES[format], bytes, warnings: preExportChecks(after) };
}

/**
 * Who made each change of a redline and when, from the audit trail: a
 * clause's changes are its last audited edit between the two versions' saves
 * (its removal, for a removed clause); the rest of the document (title,
 * parties, signatories) is the newer version's save, or for the current draft
 * the draft's last audited edit. Never the export time, unless nothing in the
 * trail says otherwise.
 */
function redlineRevisions(store: Store, mouId: string, from: string, to: string): RedlineRevisions {
  const saved = (ref: string) => {
    const { info } = loadVersion(store, mouId, ref);
    return ref === 'current' ? { at: undefined, postName: store.post.name } : { at: info.savedAt, postName: info.savedByName, officerName: info.savedByOfficer ?? null };
  };
  const [older, newer] = [saved(from), saved(to)].sort((a, b) => (a.at === undefined ? 1 : b.at === undefined ? -1 : a.at.localeCompare(b.at)));
  const since = older!.at ?? '';
  const until = newer!.at;
  const entryOf = (type: 'mouDrafts' | 'mouClauses', id: string) => lastChangeBetween(listAudit(store, type, id), since, until);
  const draftEdit = until === undefined ? entryOf('mouDrafts', mouId) : undefined;
  const document = until !== undefined ? { author: revisionAuthor(newer!), date: until } : draftEdit ? { author: revisionAuthor(draftEdit), date: draftEdit.at } : { author: revisionAuthor(newer!), date: new Date(store.now()).toISOString() };
  return {
    ...document,
    clause: (clauseId) => {
      const entry = entryOf('mouClauses', clauseId);
      return entry ? { author: revisionAuthor(entry), date: entry.at } : undefined;
    },
  };
}

/** A signed MOU file verified against this post's trusted posts (throws BUNDLE_REJECTED / UNTRUSTED_SENDER naming the part). */
export function verifySignedMou(store: Store, bytes: Buffer): VerifiedMouPackage {
  return verifySignedMouPackage(bytes, trustFromSync(store));
}

export function summariseVerified(verified: VerifiedMouPackage) {
  return {
    sender: { postId: verified.signer.postId, postName: verified.signer.postName, publicKey: verified.signer.publicKey },
    signedAt: verified.signedAt,
    comment: verified.comment,
    draft: { id: verified.manifest.draft.id, title: verified.manifest.draft.title, versionLabel: verified.manifest.draft.versionLabel, date: verified.manifest.draft.date },
    parts: verified.parts.map(({ name, sha256, size, mediaType }) => ({ name, sha256, size, mediaType })),
    hasSnapshot: verified.snapshot !== undefined,
    description: describeVerifiedMou(verified),
  };
}

/** Verifies, then loads the draft it carries as a new saved version (never touching the draft as edited here). */
export function importSignedMou(store: Store, bytes: Buffer) {
  const verified = verifySignedMou(store, bytes);
  if (verified.snapshot === undefined) {
    throw new AppError('BUNDLE_REJECTED', message('documents.snapshotMissing', { part: 'snapshot.json' }), { reason: 'missing-part', part: 'snapshot.json' });
  }
  const label = `Signed file from ${verified.signer.postName}: ${verified.manifest.draft.versionLabel}`;
  const { version, alreadyPresent } = addReceivedVersion(store, verified.manifest.draft.id, verified.snapshot, label);
  return { ...summariseVerified(verified), version, alreadyPresent };
}

