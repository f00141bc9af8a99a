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
import { createSignedMouPackage, type PackageSigner } from './signedPackage';

export { preExportChecks, type PreExportWarning } from '../../shared/documents/checks';
export { changedClauses, diffWords, redlineClauses, type ClauseRedline, type Redline } from '../../shared/documents/redline';
export { mouDocumentSchema, type MouDocument } from '../../shared/documents/types';
export { renderMouDocx, renderRedlineDocx } from './docx';
export { renderMouHtml, renderRedlineHtml } from './html';
export { renderMouPdf } from './pdf';
export {
  createSignedMouPackage,
  extractVerifiedParts,
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
 * itself, signed by `signer` at `signedAt`. Returns the pre-export warnings
 * too, so a caller can show them next to the result.
 */
export async function exportSignedMou(document: MouDocument, signer: PackageSigner, signedAt: Date): Promise<{ bytes: Buffer; warnings: ReturnType<typeof preExportChecks> }> {
  const [pdf, docx] = await Promise.all([renderMouPdf(document), renderMouDocx(document)]);
  const html = Buffer.from(renderMouHtml(document), 'utf8');
  const bytes = createSignedMouPackage({ document, renders: { 'mou.pdf': pdf, 'mou.docx': docx, 'mou.html': html } }, signer, signedAt);
  return { bytes, warnings: preExportChecks(document) };
}
