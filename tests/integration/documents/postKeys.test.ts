import { afterAll, describe, expect, it } from 'vitest';
import { describeVerifiedMou, exportSignedMou, looksLikeSignedMouFile, signerFromSync, trustFromSync, verifySignedMouPackage } from '../../../main/documents';
import { keyInfo, passphraseProtection } from '../../../main/sync/keys';
import { revokePost, trustPost } from '../../../db/sync/state';
import { AppError } from '../../../shared/result';
import { openTestApp, tempDirectory } from '../../helpers';
import { sampleMou } from '../../unit/documents/fixtures';

const temp = tempDirectory('accord-mou-keys-');
afterAll(() => temp.remove());

const PASSPHRASE = 'correct horse battery';

describe('signed MOU files with the sync feature\'s post keys', () => {
  it('is signed with the post key, accepted by a post that trusts the sender, refused once trust is revoked', async () => {
    const tunis = openTestApp(`${temp.path}/tunis.sqlite`);
    const rabat = openTestApp(`${temp.path}/rabat.sqlite`);
    try {
      const signer = signerFromSync(tunis.context.store, passphraseProtection, PASSPHRASE);
      const { bytes } = await exportSignedMou(sampleMou(), signer, new Date('2026-03-02T09:30:00Z'));
      expect(looksLikeSignedMouFile(bytes)).toBe(true);

      // Its own file verifies at the post that signed it.
      expect(verifySignedMouPackage(bytes, trustFromSync(tunis.context.store)).signer.postId).toBe(tunis.context.store.post.id);

      const unknown = (() => {
        try {
          verifySignedMouPackage(bytes, trustFromSync(rabat.context.store));
        } catch (error) {
          return error as AppError;
        }
      })();
      expect(unknown?.code).toBe('UNTRUSTED_SENDER');

      const key = keyInfo(tunis.context.store.db)!;
      const post = tunis.context.store.post;
      trustPost(rabat.context.store.db, { postId: post.id, name: post.name, publicKey: key.publicKey, fingerprint: key.fingerprint }, new Date().toISOString());
      const verified = verifySignedMouPackage(bytes, trustFromSync(rabat.context.store));
      const description = describeVerifiedMou(verified);
      expect(description).toContain(`post ${post.id}`);
      expect(description).toContain(key.fingerprint);
      expect(description).toContain('2026-03-02T09:30:00.000Z');
      expect(description).toMatch(/mou\.pdf .* ok/);

      revokePost(rabat.context.store.db, post.id, new Date().toISOString());
      expect(() => verifySignedMouPackage(bytes, trustFromSync(rabat.context.store))).toThrow(/does not trust/);
    } finally {
      tunis.close();
      rabat.close();
    }
  });
});
