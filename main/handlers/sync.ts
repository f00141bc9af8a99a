import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { MAX_BUNDLE_BYTES, type EncryptFor, type syncMethods, type uploadKinds } from '../../shared/api/sync';
import { dumpSyncedTables } from '../../db/dump';
import { renamePost } from '../../db/localState';
import { findTrustedPost, listConflicts, listTrustedPosts, resolveConflict, revokePost } from '../../db/sync/state';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { looksLikeSignedMouFile } from '../documents/index';
import { looksEncrypted, openTransferStream, rejected } from '../sync/bundle';
import { decryptHere, encryptionKeyInfo, ensureEncryptionKey, recipientsFor, retiredKeysKept, rotateEncryptionKey, unwrapHere } from '../sync/encryption';
import { addSpooledUpload, addUpload, appendUpload, beginUpload, endUpload, exportedFile, exportedSlice, exportToSpool, isBundle, jobStatus, preparedUpload, startJob, uploadedBytes, uploadIsBundle } from '../sync/jobs';
import { ensureKey, keyInfo, passphraseProtection, unlockPrivateKey } from '../sync/keys';
import { importOffThread, inspectOffThread } from '../sync/inWorker';
import { exportBundle, publicKeyFile, senderOf, senderOfBundle, trustSenderOf } from '../sync/service';
import type { HandlerContext, HandlersFor, SaveContent } from './types';

type UploadKind = (typeof uploadKinds)[number];

const protectionOf = (context: HandlerContext) => context.keyProtection ?? passphraseProtection;

/** This post's public key file, as the person saves or hands it over. */
async function keyFile(context: HandlerContext, passphrase: string | undefined) {
  const file = await publicKeyFile(context.store, protectionOf(context), passphrase);
  return { file, name: `accord-key-${file.postId}.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}

/** Who an upload says sent it: a bundle's (prepared, so verified once) or a public key file's. */
function senderOfUpload(context: HandlerContext, uploadId: string) {
  const { encryptionKey, ...sender } = uploadIsBundle(context, uploadId) ? senderOfBundle(preparedUpload(context, uploadId).bundle) : senderOf(uploadedBytes(context, uploadId));
  const known = findTrustedPost(context.store.db, sender.postId);
  const pinned = known && known.revokedAt === null && known.publicKey === sender.publicKey;
  return { ...sender, hasEncryptionKey: encryptionKey !== undefined, encryptionKeyChanged: Boolean(pinned && known.encryptionKey && encryptionKey && encryptionKey !== known.encryptionKey) };
}

const kindOf = (bytes: Uint8Array): UploadKind => (isBundle(bytes) ? 'bundle' : looksLikeSignedMouFile(bytes) ? 'signed-mou' : 'other');

function firstBytes(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const start = Buffer.alloc(64);
    return start.subarray(0, readSync(fd, start, 0, start.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * A chunked upload, ended: an encrypted file is opened (streamed, into a spool of its own) with this post's
 * key; then a bundle stays spooled, anything else is small enough to hold as bytes or is refused.
 */
async function keepSpooled(context: HandlerContext, arrived: { path: string; size: number; start: Buffer; dispose(): void }) {
  const encrypted = looksEncrypted(arrived.start);
  let plain = { path: arrived.path, dispose: arrived.dispose };
  if (encrypted) {
    try {
      const opened = await openTransferStream(createReadStream(arrived.path), { unwrap: unwrapHere(context.store.db) });
      if (opened.source.kind !== 'file') throw rejected('encrypted-damaged', message('sync.encrypted.damaged'));
      plain = { path: opened.source.path, dispose: opened.dispose };
    } finally {
      arrived.dispose();
    }
  }
  try {
    const start = firstBytes(plain.path);
    if (isBundle(start)) return { uploadId: addSpooledUpload(context, { path: plain.path, size: arrived.size, dispose: plain.dispose }), size: arrived.size, kind: 'bundle' as const, encrypted };
    const bytes = readFileSync(plain.path);
    plain.dispose();
    if (bytes.length > MAX_BUNDLE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', message('sync.fileTooLarge', { size: bytes.length, max: MAX_BUNDLE_BYTES }), { reason: 'too-large' });
    return { uploadId: addUpload(context, bytes), size: arrived.size, kind: kindOf(bytes), encrypted };
  } catch (error) {
    plain.dispose();
    throw error;
  }
}

/** The posts a file is sealed to, from the person's explicit choice (none for 'unencrypted'). */
const readersOf = (encryptFor: EncryptFor): string[] => (encryptFor === 'unencrypted' ? [] : encryptFor);

async function exportNow(context: HandlerContext, forPost: string | null, passphrase: string | undefined, encryptFor: EncryptFor, onProgress?: Parameters<typeof exportBundle>[2]['onProgress']) {
  return exportBundle(context.store, forPost, { protection: protectionOf(context), passphrase, onProgress, encryptFor: readersOf(encryptFor) });
}

export const syncHandlers: HandlersFor<typeof syncMethods> = {
  'sync.identity': (_input, context) => {
    const key = keyInfo(context.store.db);
    return {
      postId: context.store.post.id,
      postName: context.store.post.name,
      savesWithDialog: context.saveFile !== undefined,
      hasKey: key !== undefined,
      needsPassphrase: protectionOf(context).needsPassphrase,
      publicKey: key?.publicKey ?? null,
      fingerprint: key?.fingerprint ?? null,
      encryptionKeyCreatedAt: encryptionKeyInfo(context.store.db)?.createdAt ?? null,
      retiredEncryptionKeys: retiredKeysKept(context.store.db, new Date()),
    };
  },
  'sync.encryptionKey.rotate': async ({ passphrase, forgetOld }, context) => {
    const { store } = context;
    if (!keyInfo(store.db)) throw new AppError('CONFLICT', message('sync.rotate.noKey'), { reason: 'no-key' });
    const signingKey = unlockPrivateKey(store.db, protectionOf(context), passphrase);
    const rotated = await rotateEncryptionKey(store.db, store.post.id, signingKey, new Date(), forgetOld);
    return { createdAt: rotated.createdAt, retiredKept: rotated.retiredKept };
  },
  'sync.setup': async ({ name, passphrase }, context) => {
    const { store } = context;
    const protection = protectionOf(context);
    const key = store.transaction(() => {
      if (name !== undefined) renamePost(store.db, store.post.id, name);
      return ensureKey(store.db, protection, passphrase, new Date().toISOString());
    });
    if (name !== undefined) store.post.name = name;
    // The encryption key is made with the signing key that vouches for it, whenever that key can be unlocked here.
    if (!encryptionKeyInfo(store.db) && (passphrase || !protection.needsPassphrase)) {
      await ensureEncryptionKey(store.db, store.post.id, unlockPrivateKey(store.db, protection, passphrase), new Date().toISOString());
    }
    return { postName: store.post.name, fingerprint: key.fingerprint };
  },
  'sync.publicKeyFile': async ({ passphrase }, context) => {
    const { file, name, text } = await keyFile(context, passphrase);
    return { fileName: name, text, postId: file.postId, name: file.name, publicKey: file.publicKey, fingerprint: file.fingerprint };
  },
  'sync.peers.list': (_input, { store }) => listTrustedPosts(store.db),
  'sync.peers.revoke': ({ postId }, { store }) => store.transaction(() => revokePost(store.db, postId, new Date().toISOString())),
  'sync.peers.trust': ({ uploadId, fingerprint }, context) => {
    if (fingerprint.replace(/[^0-9a-f]/gi, '').length === 0) throw new AppError('VALIDATION', message('sync.fingerprintRequired'));
    return trustSenderOf(context.store, uploadIsBundle(context, uploadId) ? preparedUpload(context, uploadId) : uploadedBytes(context, uploadId), fingerprint);
  },
  'sync.upload': async ({ bytes: arrived }, context) => {
    // Opened once, here: every call that uses the upload (sender, preview, import, MOU verify) sees what was sealed.
    const encrypted = looksEncrypted(arrived);
    const bytes = encrypted ? await decryptHere(context.store.db, arrived) : arrived;
    return { uploadId: addUpload(context, bytes), size: arrived.byteLength, kind: kindOf(bytes), encrypted };
  },
  'sync.upload.begin': (_input, context) => ({ uploadId: beginUpload(context) }),
  'sync.upload.chunk': ({ uploadId, bytes }, context) => ({ received: appendUpload(context, uploadId, bytes) }),
  'sync.upload.end': ({ uploadId }, context) => keepSpooled(context, endUpload(context, uploadId)),
  'sync.sender': ({ uploadId }, context) => senderOfUpload(context, uploadId),
  // Verified before the database is touched: an altered file is refused without opening one.
  'sync.inspect': ({ uploadId, preview }, context) => {
    const prepared = preparedUpload(context, uploadId);
    return inspectOffThread(context, prepared, () => undefined, preview);
  },
  'sync.import': ({ uploadId }, context) => importOffThread(context, preparedUpload(context, uploadId), () => undefined),
  'sync.export': async ({ forPost, passphrase, encryptFor }, context) => {
    const result = await exportNow(context, forPost, passphrase, encryptFor);
    return { bytes: result.bytes, fileName: result.fileName, sequence: result.header.sequence, changes: result.header.counts.changes, forPost: result.header.forPost, encryptedFor: result.encryptedFor };
  },
  'sync.export.start': ({ forPost, passphrase, encryptFor }, context) => {
    const { store } = context;
    // Readers and passphrase are checked up front, so a wrong choice is an immediate error, not a failed job.
    if (encryptFor !== 'unencrypted') recipientsFor(store.db, encryptFor);
    ensureKey(store.db, protectionOf(context), passphrase, new Date().toISOString());
    unlockPrivateKey(store.db, protectionOf(context), passphrase);
    // Streamed to a spool file (sealed as it is written, when encrypted), so an export has no size cap.
    const options = { protection: protectionOf(context), passphrase, encryptFor: readersOf(encryptFor) };
    return { jobId: startJob(context, context.emit, 'export', async (onProgress) => ({ export: await exportToSpool(store, forPost, { ...options, onProgress }) })) };
  },
  // Previews and imports hold the write transaction for seconds on a large bundle: they merge on the sync worker thread.
  'sync.inspect.start': ({ uploadId }, context) => {
    const prepared = preparedUpload(context, uploadId);
    return { jobId: startJob(context, context.emit, 'inspect', async (onProgress) => ({ inspection: await inspectOffThread(context, prepared, onProgress) })) };
  },
  'sync.import.start': ({ uploadId }, context) => {
    const prepared = preparedUpload(context, uploadId);
    return { jobId: startJob(context, context.emit, 'import', async (onProgress) => ({ report: await importOffThread(context, prepared, onProgress) })) };
  },
  'sync.jobs.status': ({ jobId }, context) => jobStatus(context, jobId),
  'sync.download': ({ jobId, offset, length }, context) => exportedSlice(context, jobId, offset, length),
  'sync.dump': (_input, { store }) => ({ text: dumpSyncedTables(store.db) }),
  'sync.saveFile': async ({ jobId, publicKey }, context) => {
    if (!context.saveFile) throw new AppError('NOT_FOUND', message('sync.noSaveDialog'));
    let file: { name: string; content: SaveContent };
    if (jobId) {
      const exported = exportedFile(context, jobId);
      file = { name: exported.name, content: { copyOf: exported.path } };
    } else if (publicKey) {
      const key = await keyFile(context, publicKey.passphrase);
      file = { name: key.name, content: { bytes: Buffer.from(key.text) } };
    } else throw new AppError('VALIDATION', message('sync.nothingToSave'));
    const path = await context.saveFile(file.name, file.content);
    return { saved: path !== null, path };
  },
  'sync.conflicts.list': ({ status }, { store }) => listConflicts(store.db, status),
  'sync.conflicts.resolve': ({ id, keep }, { store }) => resolveConflict(store, id, keep),
};
