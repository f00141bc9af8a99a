import type { documentsMethods } from '../../shared/api/documents';
import type { mouDocumentsListMethods } from '../../shared/api/mouDocuments';
import { listMouVersions } from '../../db/repositories/mouVersions';
import { listMouSignings, signMouDraft, startNewMouVersion } from '../../db/repositories/mouSignings';
import { findRecord, listRecords } from '../../db/repositories/records';
import { preExportChecks } from '../../shared/documents/checks';
import { exportMouDocument, exportMouRedline, importSignedMou, mouDocument, sealSignedMou, summariseVerified, verifySignedMou } from '../documents/service';
import { recipientsFor } from '../sync/encryption';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { uploadedBytes } from '../sync/jobs';
import { fingerprintOf, passphraseProtection } from '../sync/keys';
import { asFile } from './savedFile';
import type { HandlerContext, HandlersFor } from './types';

const protectionOf = (context: HandlerContext) => context.keyProtection ?? passphraseProtection;

/** What the verify and import screens show: the summary plus the sender's fingerprint and whether the draft is here. */
function describe(context: HandlerContext, summary: ReturnType<typeof summariseVerified>) {
  const { description: _description, ...rest } = summary;
  return {
    ...rest,
    fingerprint: fingerprintOf(Buffer.from(summary.sender.publicKey, 'hex').toString('base64')),
    draftHere: findRecord(context.store, 'mouDrafts', summary.draft.id) !== undefined,
  };
}

export const documentsHandlers: HandlersFor<typeof documentsMethods & typeof mouDocumentsListMethods> = {
  'mou.documents.list': (_input, { store }) =>
    listRecords(store, { type: 'mouDrafts', search: '', filter: {}, sort: { field: 'title', direction: 'asc' }, limit: 50_000, offset: 0 }).rows.map((draft) => {
      const versions = listMouVersions(store, draft.id);
      const signed = listMouSignings(store, draft.id).at(-1);
      return {
        id: draft.id,
        title: String(draft.title),
        status: String(draft.status),
        versions: versions.length,
        latest: versions[0] ? { number: versions[0].number, savedAt: versions[0].savedAt } : null,
        signed: signed ? { signedBy: signed.signedBy, signedAt: signed.signedAt, versionNumber: signed.versionNumber, versionSha256: signed.versionSha256 } : null,
      };
    }),
  'mou.documents.checks': ({ mouId, version, lang, layout }, { store, handlingMarking }) =>
    preExportChecks(mouDocument(store, handlingMarking, mouId, { version, language: lang, layout })),
  'mou.documents.export': async ({ mouId, version, lang, layout, format, passphrase, titlePage, encryptFor }, context) => {
    const choice = { version, language: lang, layout, titlePage };
    if (format !== 'signed') return asFile(context, await exportMouDocument(context.store, context.handlingMarking, mouId, choice, format));
    // A signed file travels to other posts: who may read it is the person's explicit choice, as for a bundle.
    if (!encryptFor) throw new AppError('VALIDATION', message('sync.encrypt.choose'), { reason: 'readers-required' });
    const readers = encryptFor === 'unencrypted' ? null : recipientsFor(context.store.db, encryptFor);
    const signed = await exportMouDocument(context.store, context.handlingMarking, mouId, choice, format, { protection: protectionOf(context), passphrase });
    return asFile(context, readers ? await sealSignedMou(signed, readers) : signed);
  },
  'mou.documents.redline': async ({ mouId, from, to, format, lang, layout }, context) =>
    asFile(context, await exportMouRedline(context.store, context.handlingMarking, mouId, from, to, format, lang, layout)),
  'mou.sign': ({ mouId, signedBy }, { store }) => signMouDraft(store, mouId, signedBy),
  'mou.newVersion': ({ mouId }, { store }) => startNewMouVersion(store, mouId),
  'mou.signings.list': ({ mouId }, { store }) => listMouSignings(store, mouId),
  'mou.signed.verify': ({ uploadId }, context) => describe(context, summariseVerified(verifySignedMou(context.store, uploadedBytes(context, uploadId)))),
  'mou.signed.import': ({ uploadId }, context) => {
    const { version, alreadyPresent, ...summary } = importSignedMou(context.store, uploadedBytes(context, uploadId));
    return { ...describe(context, summary), version, alreadyPresent };
  },
};
