/**
 * The MOU document engine: what the MOU handlers and the `accord mou` /
 * `accord verify` commands call. Inputs are plain MouDocument values
 * (shared/documents/types.ts), so the engine knows nothing of the database.
 */
import { preExportChecks } from '../../shared/documents/checks';
import type { MouDocument } from '../../shared/documents/types';
import { renderMouDocx } from './docx';
import { renderMouHtml } from './html';
import { renderMouPdf } from './pdf';
import { fingerprintOf } from '../sync/keys';
import { createSignedMouPackage, type PackageSigner, type VerifiedMouPackage } from './signedPackage';

export { preExportChecks, type PreExportWarning } from '../../shared/documents/checks';
export { changedClauses, diffWords, redlineClauses, type ClauseRedline, type Redline } from '../../shared/documents/redline';
export { mouDocumentSchema, type MouDocument } from '../../shared/documents/types';
export { renderMouDocx, renderRedlineDocx, type RedlineAuthor, type RedlineRevisions } from './docx';
export { renderMouHtml, renderRedlineHtml } from './html';
export { renderMouPdf, renderRedlinePdf } from './pdf';
export {
  createSignedMouPackage,
  extractVerifiedParts,
  SIGNED_MOU_FILE_EXTENSION,
  ENCRYPTED_MOU_FILE_EXTENSION,
  verifySignedMouFile,
  verifySignedMouPackage,
  type PackageSigner,
  type TrustLookup,
  type VerifiedMouPackage,
} from './signedPackage';

export const MOU_FORMATS = ['pdf', 'docx', 'html', 'signed'] as const;
export type MouFormat = (typeof MOU_FORMATS)[number];

/** One rendered document in the given format (the signed format needs a signer: use exportSignedMou). */
export async function renderMou(document: MouDocument, format: Exclude<MouFormat, 'signed'>): Promise<Buffer> {
  if (format === 'pdf') return renderMouPdf(document);
  if (format === 'docx') return renderMouDocx(document);
  return Buffer.from(renderMouHtml(document), 'utf8');
}

/**
 * A signed MOU file holding the PDF, DOCX and HTML renderings and the draft
 * itself (plus the planning model's snapshot of the version, when given, so
 * the receiving post can load it as a new version), signed by `signer` at
 * `signedAt`. Returns the pre-export warnings
 * too, so a caller can show them next to the result.
 */
export async function exportSignedMou(
  document: MouDocument,
  signer: PackageSigner,
  signedAt: Date,
  snapshot?: unknown,
): Promise<{ bytes: Buffer; warnings: ReturnType<typeof preExportChecks> }> {
  const [pdf, docx] = await Promise.all([renderMouPdf(document), renderMouDocx(document)]);
  const html = Buffer.from(renderMouHtml(document), 'utf8');
  const bytes = createSignedMouPackage({ document, renders: { 'mou.pdf': pdf, 'mou.docx': docx, 'mou.html': html }, ...(snapshot === undefined ? {} : { snapshot }) }, signer, signedAt);
  return { bytes, warnings: preExportChecks(document) };
}

export { signerFromSync, trustFromSync } from './postKeys';

/** ZIP's local-header signature: a signed MOU file rather than a sync bundle (which starts "ACCORDSB"). */
export function looksLikeSignedMouFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** What `accord verify` and the import screen say about a verified file: who signed it, when, and every part checked. */
export function describeVerifiedMou(verified: VerifiedMouPackage): string {
  const { manifest } = verified;
  const fingerprint = fingerprintOf(Buffer.from(verified.signer.publicKey, 'hex').toString('base64'));
  return [
    'Signed MOU file: every part matches its signed SHA-256 and the signature is valid.',
    `Signed by: ${verified.signer.postName} (post ${verified.signer.postId}), key fingerprint ${fingerprint}`,
    `Signed at: ${verified.signedAt}`,
    `Draft: ${manifest.draft.title} (${manifest.draft.id}), version ${manifest.draft.versionLabel} of ${manifest.draft.date}`,
    `Signed comment: ${verified.comment}`,
    'Parts:',
    ...verified.parts.map((part) => `  ${part.name.padEnd(12)} ${String(part.size).padStart(9)} bytes  sha256 ${part.sha256}  ok`),
  ].join('\n');
}
