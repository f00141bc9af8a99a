import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSignedMouPackage,
  extractVerifiedParts,
  SIGNED_MOU_LIMITS,
  verifySignedMouFile,
  verifySignedMouPackage,
  type PackageSigner,
  type TrustLookup,
} from '../../../main/documents/signedPackage';
import { readStoredZip, writeStoredZip, type StoredEntry } from '../../../main/documents/storedZip';
import { AppError } from '../../../shared/result';
import { tempDirectory } from '../../helpers';
import { sampleMou } from './fixtures';

function postKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey, privateKey };
}

function signerFor(postId: string, postName: string, keys: { publicKey: KeyObject; privateKey: KeyObject }): PackageSigner {
  return { postId, postName, publicKey: keys.publicKey.export({ format: 'pem', type: 'spki' }).toString(), sign: (bytes) => sign(null, bytes, keys.privateKey) };
}

const tunis = postKeys();
const attacker = postKeys();
const TUNIS = { id: 'post-tunis', name: 'Embassy Tunis' };
const trustTunis: TrustLookup = (postId) => (postId === TUNIS.id ? tunis.publicKey : undefined);
const signedAt = new Date('2026-03-02T09:30:00Z');

/** A package with a small stand-in rendering, so exhaustive byte flips stay fast. */
function smallPackage(): Buffer {
  return createSignedMouPackage({ document: sampleMou(), renders: { 'mou.html': Buffer.from('<!doctype html><p>MOU</p>') } }, signerFor(TUNIS.id, TUNIS.name, tunis), signedAt);
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the file to be refused');
}

const entriesOf = (bytes: Buffer) => readStoredZip(bytes, { maxEntries: 100, maxEntryBytes: 1e9 }).map(({ name, data }) => ({ name, data: Buffer.from(data) }));
const rezip = (entries: StoredEntry[]) => writeStoredZip(entries).bytes;

const temp = tempDirectory('accord-signed-');
afterAll(() => temp.remove());

describe('signed MOU file', () => {
  it('verifies and names the signing post, the time, and the draft and version in the signed comment', () => {
    const verified = verifySignedMouPackage(smallPackage(), trustTunis);
    expect(verified.signer).toMatchObject({ postId: TUNIS.id, postName: TUNIS.name });
    expect(verified.signedAt).toBe('2026-03-02T09:30:00.000Z');
    expect(verified.comment).toContain(sampleMou().draftId);
    expect(verified.comment).toContain('version v3');
    expect(verified.comment).toContain('2026-03-02T09:30:00.000Z');
    expect(verified.document).toEqual(sampleMou());
    expect(verified.parts.map((p) => p.name)).toEqual(['mou.html', 'draft.json']);
  });

  it('is an ordinary ZIP any tool can open', () => {
    const files = unzipSync(smallPackage());
    expect(Object.keys(files).sort()).toEqual(['draft.json', 'manifest.json', 'manifest.sig', 'mou.html']);
    expect(new TextDecoder().decode(files['mou.html'])).toContain('MOU');
  });

  it('refuses a byte flipped in each part, naming that part', () => {
    const original = smallPackage();
    for (const { name } of entriesOf(original)) {
      const entries = entriesOf(original);
      const entry = entries.find((e) => e.name === name)!;
      const middle = Math.floor(entry.data.length / 2);
      entry.data[middle] = entry.data[middle]! ^ 0x01;
      const error = refusal(() => verifySignedMouPackage(rezip(entries), trustTunis));
      expect(error.message, name).toContain(name);
      const expected = name === 'manifest.json' || name === 'manifest.sig' ? ['signature', 'manifest-invalid'] : ['part-altered'];
      expect(expected, name).toContain(error.details?.reason);
    }
  });

  it('refuses the file whichever single byte is altered, anywhere in it', () => {
    const original = smallPackage();
    for (let at = 0; at < original.length; at++) {
      const altered = Buffer.from(original);
      altered[at] = altered[at]! ^ 0x20;
      let refused: unknown = null;
      try {
        verifySignedMouPackage(altered, trustTunis);
      } catch (error) {
        refused = error;
      }
      if (!(refused instanceof AppError)) throw new Error(`a change at byte ${at} of ${original.length} was not refused: ${String(refused)}`);
      expect(refused.details?.reason).toEqual(expect.any(String));
    }
  });

  it('names the structure a change outside every part hit', () => {
    const altered = smallPackage();
    altered.writeUInt16LE(0x1234, 10); // the DOS time in the first local header (manifest.json)
    const error = refusal(() => verifySignedMouPackage(altered, trustTunis));
    expect(error.details).toMatchObject({ reason: 'container-altered', part: 'manifest.json', region: 'local header' });
  });

  it('refuses a missing part, and a missing manifest or signature', () => {
    for (const name of ['mou.html', 'draft.json', 'manifest.json', 'manifest.sig']) {
      const entries = entriesOf(smallPackage()).filter((e) => e.name !== name);
      const error = refusal(() => verifySignedMouPackage(rezip(entries), trustTunis));
      expect(error.details, name).toMatchObject({ reason: 'missing-part', part: name });
    }
  });

  it('refuses an extra part added after signing', () => {
    const entries = entriesOf(smallPackage());
    entries.push({ name: 'mou.pdf', data: Buffer.from('%PDF-1.7 not the signed one') });
    expect(refusal(() => verifySignedMouPackage(rezip(entries), trustTunis)).details).toMatchObject({ reason: 'extra-part', part: 'mou.pdf' });
  });

  it('refuses a part named twice', () => {
    const entries = entriesOf(smallPackage());
    entries.push({ ...entries[2]! });
    expect(refusal(() => verifySignedMouPackage(rezip(entries), trustTunis)).details).toMatchObject({ reason: 'duplicate-part' });
  });

  it('refuses paths that escape the folder: .., absolute, backslash, NUL, sub-folders', () => {
    for (const name of ['../evil.html', '/etc/passwd', 'C:evil', 'a\\..\\evil', 'evil\0.html', 'sub/evil.html', '..', '.hidden']) {
      const entries = entriesOf(smallPackage());
      entries.push({ name, data: Buffer.from('x') });
      const error = refusal(() => verifySignedMouPackage(rezip(entries), trustTunis));
      expect(error.details, JSON.stringify(name)).toMatchObject({ reason: 'unsafe-path' });
    }
  });

  it('refuses an oversized part before reading it, and an oversized file', () => {
    const bytes = smallPackage();
    const entries = entriesOf(bytes);
    // Claim 4 GB for draft.json in its directory record: refused on the size alone.
    const claimed = Buffer.from(bytes);
    const centralStart = claimed.readUInt32LE(claimed.length - 22 + 16);
    let at = centralStart;
    for (const entry of entries) {
      if (entry.name === 'draft.json') {
        claimed.writeUInt32LE(0xfffffff0, at + 20);
        claimed.writeUInt32LE(0xfffffff0, at + 24);
      }
      at += 46 + Buffer.byteLength(entry.name);
    }
    const error = refusal(() => verifySignedMouPackage(claimed, trustTunis));
    expect(error.code).toBe('BUNDLE_REJECTED');
    expect(error.details).toMatchObject({ reason: 'part-too-large', part: 'draft.json' });

    const bigManifest = entries.map((e) => (e.name === 'manifest.json' ? { ...e, data: Buffer.alloc(SIGNED_MOU_LIMITS.manifestBytes + 1, 0x20) } : e));
    expect(refusal(() => verifySignedMouPackage(rezip(bigManifest), trustTunis)).details).toMatchObject({ reason: 'part-too-large', part: 'manifest.json' });

    const tooBig = Buffer.alloc(SIGNED_MOU_LIMITS.fileBytes + 1);
    expect(refusal(() => verifySignedMouPackage(tooBig, trustTunis)).details).toMatchObject({ reason: 'too-large' });
    // On disk, the size is checked before the file is read: a sparse file of that size is refused at once.
    const sparse = join(temp.path, 'huge.zip');
    writeFileSync(sparse, '');
    truncateSync(sparse, SIGNED_MOU_LIMITS.fileBytes + 1);
    expect(refusal(() => verifySignedMouFile(sparse, trustTunis)).details).toMatchObject({ reason: 'too-large' });
    rmSync(sparse);
  });

  it('refuses a post it does not trust, a key that is not the trusted one, and a bad signature', () => {
    const untrusted = refusal(() => verifySignedMouPackage(smallPackage(), () => undefined));
    expect(untrusted.code).toBe('UNTRUSTED_SENDER');
    expect(untrusted.details).toMatchObject({ reason: 'unknown', postId: TUNIS.id });

    // Signed by someone else claiming to be Tunis, with their own key in the file.
    const impostor = createSignedMouPackage({ document: sampleMou(), renders: {} }, signerFor(TUNIS.id, TUNIS.name, attacker), signedAt);
    const impostorError = refusal(() => verifySignedMouPackage(impostor, trustTunis));
    expect(impostorError.code).toBe('UNTRUSTED_SENDER');
    expect(impostorError.details).toMatchObject({ reason: 'key-changed' });

    // ... or with Tunis's public key in the file but their own signature.
    const forged = createSignedMouPackage({ document: sampleMou(), renders: {} }, { ...signerFor(TUNIS.id, TUNIS.name, tunis), sign: (bytes) => sign(null, bytes, attacker.privateKey) }, signedAt);
    const bad = refusal(() => verifySignedMouPackage(forged, trustTunis));
    expect(bad.code).toBe('BUNDLE_REJECTED');
    expect(bad.details).toMatchObject({ reason: 'signature' });
    expect(bad.message).toContain('manifest.sig');

    // The trusted key given as raw bytes works the same.
    const raw = tunis.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    expect(verifySignedMouPackage(smallPackage(), () => new Uint8Array(raw)).signer.postId).toBe(TUNIS.id);
  });

  it('refuses a manifest, even a signed one, that lists a part twice', () => {
    const document = sampleMou();
    const signer = signerFor(TUNIS.id, TUNIS.name, tunis);
    const good = entriesOf(createSignedMouPackage({ document, renders: {} }, signer, signedAt));
    const manifest = JSON.parse(good[0]!.data.toString());
    manifest.parts.push(manifest.parts[0]);
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    const entries = [{ name: 'manifest.json', data: manifestBytes }, { name: 'manifest.sig', data: signer.sign(manifestBytes) }, ...good.slice(2)];
    expect(refusal(() => verifySignedMouPackage(rezip(entries as StoredEntry[]), trustTunis)).details).toMatchObject({ reason: 'manifest-invalid' });
  });

  it('refuses a compressed part, trailing bytes and a file that is not an archive', () => {
    const deflated = Buffer.from(smallPackage());
    deflated.writeUInt16LE(8, 8); // method in the first local header
    deflated.writeUInt16LE(8, deflated.readUInt32LE(deflated.length - 22 + 16) + 10); // and in its directory record
    expect(refusal(() => verifySignedMouPackage(deflated, trustTunis)).details).toMatchObject({ reason: 'malformed' });
    expect(refusal(() => verifySignedMouPackage(Buffer.concat([smallPackage(), Buffer.from('junk')]), trustTunis)).details).toMatchObject({ reason: 'malformed' });
    expect(refusal(() => verifySignedMouPackage(Buffer.from('%PDF-1.7'), trustTunis)).details).toMatchObject({ reason: 'malformed' });
  });

  it('writes nothing when a file is refused, and extracts verified parts only inside the folder, never overwriting', () => {
    const before = readdirSync(temp.path);
    const entries = entriesOf(smallPackage());
    entries.push({ name: '../escaped.html', data: Buffer.from('x') });
    refusal(() => verifySignedMouPackage(rezip(entries), trustTunis));
    expect(readdirSync(temp.path)).toEqual(before);
    expect(existsSync(join(temp.path, '..', 'escaped.html'))).toBe(false);

    const target = join(temp.path, 'import');
    const written = extractVerifiedParts(verifySignedMouPackage(smallPackage(), trustTunis), target);
    expect(readdirSync(target).sort()).toEqual(['draft.json', 'mou.html']);
    expect(written.every((path) => path.startsWith(target))).toBe(true);
    expect(readFileSync(join(target, 'mou.html'), 'utf8')).toContain('MOU');

    writeFileSync(join(temp.path, 'again-marker'), '');
    expect(() => extractVerifiedParts(verifySignedMouPackage(smallPackage(), trustTunis), target)).toThrow(/EEXIST/);
  });
});
