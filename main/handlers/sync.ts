import type { syncMethods } from '../../shared/api/sync';
import { listConflicts, listTrustedPosts, resolveConflict, revokePost } from '../../db/sync/state';
import { AppError } from '../../shared/result';
import { beginUpload, downloadPiece, exportedFile, jobStatus, receiveChunk, startJob, uploadedBytes } from '../sync/jobs';
import { ensureKey, keyInfo, passphraseProtection, unlockPrivateKey } from '../sync/keys';
import { importOffThread, inspectOffThread } from '../sync/inWorker';
import { exportBundle, publicKeyFile, trustSenderOf } from '../sync/service';
import type { HandlerContext, HandlersFor } from './types';

const protectionOf = (context: HandlerContext) => context.keyProtection ?? passphraseProtection;

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
    };
  },
  'sync.setup': ({ name, passphrase }, context) => {
    const { store } = context;
    const key = store.transaction(() => {
      if (name !== undefined) {
        store.db.prepare('UPDATE post_identity SET name = ? WHERE id = ?').run(name, store.post.id);
      }
      return ensureKey(store.db, protectionOf(context), passphrase, new Date().toISOString());
    });
    if (name !== undefined) store.post.name = name;
    return { postName: store.post.name, fingerprint: key.fingerprint };
  },
  'sync.publicKeyFile': ({ passphrase }, context) => {
    const file = publicKeyFile(context.store, protectionOf(context), passphrase);
    return { fileName: `accord-key-${file.postId}.json`, text: `${JSON.stringify(file, null, 2)}\n` };
  },
  'sync.peers.list': (_input, { store }) => listTrustedPosts(store.db),
  'sync.peers.revoke': ({ postId }, { store }) => store.transaction(() => revokePost(store.db, postId, new Date().toISOString())),
  'sync.peers.trust': ({ uploadId, fingerprint }, { store }) => {
    if (fingerprint.replace(/[^0-9a-f]/gi, '').length === 0) throw new AppError('VALIDATION', 'Type or confirm the fingerprint you checked with the sender.');
    return trustSenderOf(store, uploadedBytes(store, uploadId), fingerprint);
  },
  'sync.upload.begin': ({ size }, { store }) => ({ uploadId: beginUpload(store, size) }),
  'sync.upload.chunk': ({ uploadId, offset, data }, { store }) => ({ received: receiveChunk(store, uploadId, offset, data) }),
  'sync.export.start': ({ forPost, passphrase }, context) => {
    const { store } = context;
    // Unlock up front so a wrong passphrase is an immediate error, not a failed job.
    ensureKey(store.db, protectionOf(context), passphrase, new Date().toISOString());
    unlockPrivateKey(store.db, protectionOf(context), passphrase);
    return { jobId: startJob(store, 'export', async (onProgress) => ({ export: await exportBundle(store, forPost, { protection: protectionOf(context), passphrase, onProgress }) })) };
  },
  // Previews and imports hold the write transaction for seconds on a large bundle: they run on the sync worker thread.
  'sync.inspect.start': ({ uploadId }, context) => {
    const bytes = uploadedBytes(context.store, uploadId);
    return { jobId: startJob(context.store, 'inspect', async (onProgress) => ({ inspection: await inspectOffThread(context, bytes, onProgress) })) };
  },
  'sync.import.start': ({ uploadId }, context) => {
    const bytes = uploadedBytes(context.store, uploadId);
    return { jobId: startJob(context.store, 'import', async (onProgress) => ({ report: await importOffThread(context, bytes, onProgress) })) };
  },
  'sync.jobs.status': ({ jobId }, { store }) => jobStatus(store, jobId),
  'sync.download': ({ jobId, offset }, { store }) => downloadPiece(store, jobId, offset),
  'sync.saveFile': async ({ jobId, publicKey }, context) => {
    if (!context.saveFile) throw new AppError('NOT_FOUND', 'Saving through a dialog exists only in the desktop app; the browser downloads the file.');
    let file: { name: string; bytes: Buffer };
    if (jobId) file = exportedFile(context.store, jobId);
    else if (publicKey) {
      const key = publicKeyFile(context.store, protectionOf(context), publicKey.passphrase);
      file = { name: `accord-key-${key.postId}.json`, bytes: Buffer.from(`${JSON.stringify(key, null, 2)}\n`) };
    } else throw new AppError('VALIDATION', 'Name an export job or the public key file to save.');
    const path = await context.saveFile(file.name, file.bytes);
    return { saved: path !== null, path };
  },
  'sync.conflicts.list': ({ status }, { store }) => listConflicts(store.db, status),
  'sync.conflicts.resolve': ({ id, keep }, { store }) => resolveConflict(store, id, keep),
};
