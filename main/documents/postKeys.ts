import { sign } from 'node:crypto';
import type { Store } from '../../db/store';
import { findTrustedPost } from '../../db/sync/state';
import { ensureKey, keyInfo, publicKeyFromRaw, unlockPrivateKey, type KeyProtection } from '../sync/keys';
import type { PackageSigner, TrustLookup } from './signedPackage';

/**
 * The sync feature's post keys as the signed-MOU package needs them: the
 * same Ed25519 key signs this post's bundles and its MOU files, and the same
 * trusted-post list decides whose files are accepted.
 */

/** A post this one trusts and has not revoked, or this post itself (its own files verify too). */
export function trustFromSync(store: Store): TrustLookup {
  return (postId) => {
    if (postId === store.post.id) {
      const own = keyInfo(store.db);
      return own ? publicKeyFromRaw(own.publicKey) : undefined;
    }
    const known = findTrustedPost(store.db, postId);
    return known && known.revokedAt === null ? publicKeyFromRaw(known.publicKey) : undefined;
  };
}

/** This post as the signer of an MOU file; its key is created on first use, exactly as for a bundle export. */
export function signerFromSync(store: Store, protection: KeyProtection, passphrase: string | undefined, now: Date = new Date()): PackageSigner {
  const key = ensureKey(store.db, protection, passphrase, now.toISOString());
  const privateKey = unlockPrivateKey(store.db, protection, passphrase);
  return { postId: store.post.id, postName: store.post.name, publicKey: publicKeyFromRaw(key.publicKey), sign: (bytes) => sign(null, bytes, privateKey) };
}
