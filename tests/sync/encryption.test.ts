import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpSyncedTables } from '../../db/dump';
import type { AccordApp } from '../../main/app';
import { verifyBundle } from '../../main/sync/bundle';
import { decryptHere, unwrapHere } from '../../main/sync/encryption';
import { passphraseProtection } from '../../main/sync/keys';
import { exportBundleToFile, importTransfer } from '../../main/sync/service';

import { RETIRED_ENCRYPTION_KEY_DAYS } from '../../shared/api/sync';
import { AppError, errorText, type AppErrorShape } from '../../shared/result';
import { callOk, openTestApp, snapshotDatabase, tempDirectory } from '../helpers';
import { createBilingualMou } from '../integration/documents/mouFixture';

/**
 * Files encrypted to posts (issue 16): Tunis encrypts to Rabat; Rabat opens the file, Cairo (trusted by
 * Tunis, but not a reader) is refused with the reason, and no byte of the file gives a record away.
 * Everything goes through the gate, as the window and the CLI call it.
 */
const PASSPHRASE = 'correct horse battery';
const dir = tempDirectory('accord-encryption-');
afterAll(() => dir.remove());

const SECRET_NOTES = 'Negotiating position: 412 armoured vehicles before the March review';
const SECRET_ARABIC = 'موقف تفاوضي سري';

interface Station {
  app: AccordApp;
  postId: string;
  name: string;
}

async function station(name: string): Promise<Station> {
  const app = openTestApp(join(dir.path, `${name}.sqlite`));
  await callOk(app, 'sync.setup', { name, passphrase: PASSPHRASE });
  return { app, postId: app.context.store.post.id, name };
}

async function keyFileOf(station: Station): Promise<Record<string, unknown>> {
  return JSON.parse((await callOk<{ text: string }>(station.app, 'sync.publicKeyFile', { passphrase: PASSPHRASE })).text) as Record<string, unknown>;
}

/** The receiver trusts a key file after checking its fingerprint, as the Sync screen does. */
async function trustFile(receiver: Station, file: Record<string, unknown>) {
  const { uploadId } = await callOk<{ uploadId: string }>(receiver.app, 'sync.upload', { bytes: Buffer.from(JSON.stringify(file)) });
  const sender = await receiver.app.call('sync.sender', { uploadId });
  if (!sender.ok) return sender;
  return receiver.app.call('sync.peers.trust', { uploadId, fingerprint: (sender.value as { fingerprint: string }).fingerprint });
}

async function exportTo(from: Station, encryptFor: string[] | 'unencrypted'): Promise<Buffer> {
  const result = await callOk<{ bytes: Uint8Array; encryptedFor: string[] }>(from.app, 'sync.export', { forPost: null, passphrase: PASSPHRASE, encryptFor });
  expect(result.encryptedFor).toEqual(encryptFor === 'unencrypted' ? [] : encryptFor);
  return Buffer.from(result.bytes);
}

/** Upload then import, as one attempt: the error of whichever step refused, or null when it applied. */
async function receive(at: Station, bytes: Buffer): Promise<AppErrorShape | null> {
  const uploaded = await at.app.call('sync.upload', { bytes });
  if (!uploaded.ok) return uploaded.error;
  const imported = await at.app.call('sync.import', { uploadId: (uploaded.value as { uploadId: string }).uploadId });
  return imported.ok ? null : imported.error;
}

const syncedDump = (station: Station) => dumpSyncedTables(station.app.context.store.db);

let tunis: Station;
let rabat: Station;
let cairo: Station;

beforeAll(async () => {
  [tunis, rabat, cairo] = await Promise.all([station('Embassy Tunis'), station('Embassy Rabat'), station('Embassy Cairo')]);
  for (const [receiver, sender] of [[rabat, tunis], [cairo, tunis], [tunis, rabat], [tunis, cairo]] as const) {
    const trusted = await trustFile(receiver, await keyFileOf(sender));
    expect(trusted.ok).toBe(true);
  }
  await callOk(tunis.app, 'records.create', { type: 'partners', values: { name: 'Jordan', nameAr: SECRET_ARABIC, isoCode: 'JO', notes: SECRET_NOTES } });
}, 60_000);

describe('files encrypted to posts', () => {
  it('a key file carries the encryption key, vouched for by the signing key the fingerprint names', async () => {
    const file = await keyFileOf(rabat);
    expect(file.encryptionKey).toMatch(/^age1pq1/);
    const peers = await callOk<{ postId: string; encryptionKey: string | null }[]>(tunis.app, 'sync.peers.list', {});
    expect(peers.find((peer) => peer.postId === rabat.postId)?.encryptionKey).toBe(file.encryptionKey);

    // Someone on the way swaps in Cairo's encryption key (the signature cannot follow): refused, nothing trusted.
    const before = snapshotDatabase(tunis.app);
    const swapped = await trustFile(tunis, { ...file, encryptionKey: (await keyFileOf(cairo)).encryptionKey });
    expect(swapped.ok).toBe(false);
    expect(!swapped.ok && swapped.error.details?.reason).toBe('encryption-key-unsigned');
    expect(snapshotDatabase(tunis.app)).toBe(before);
  });

  it('a bundle encrypted for Rabat opens at Rabat and nowhere else, and its bytes show no record', async () => {
    const bytes = await exportTo(tunis, [rabat.postId]);
    expect(bytes.subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    for (const text of [SECRET_NOTES, 'Jordan', SECRET_ARABIC, 'Embassy Tunis', 'ACCORDSB']) expect(bytes.includes(Buffer.from(text)), text).toBe(false);

    const uploaded = await callOk<{ kind: string; encrypted: boolean }>(rabat.app, 'sync.upload', { bytes });
    expect(uploaded).toMatchObject({ kind: 'bundle', encrypted: true });
    expect(await receive(rabat, bytes)).toBeNull();
    expect(syncedDump(rabat)).toContain(SECRET_NOTES);
    expect(syncedDump(rabat)).toBe(syncedDump(tunis));

    // Inside is the signed bundle itself: Tunis's signature still covers what was sent.
    const inside = verifyBundle(await decryptHere(rabat.app.context.store.db, bytes));
    expect(inside.header.sender.postId).toBe(tunis.postId);

    // Cairo trusts Tunis, but the file is not for Cairo: refused with the reason, in both languages, Cairo unchanged.
    const before = snapshotDatabase(cairo.app);
    const refused = await receive(cairo, bytes);
    expect(refused?.details?.reason).toBe('not-for-this-post');
    expect(errorText(refused!, 'en')).toContain('encrypted for other posts, not for this one');
    expect(errorText(refused!, 'ar')).toContain('مشفّر لمراكز أخرى');
    expect(snapshotDatabase(cairo.app)).toBe(before);
  });

  it('a file encrypted to two posts opens at each', async () => {
    const bytes = await exportTo(tunis, [rabat.postId, cairo.postId]);
    expect(await receive(rabat, bytes)).toBeNull();
    expect(await receive(cairo, bytes)).toBeNull();
    expect(syncedDump(cairo)).toBe(syncedDump(tunis));
  });

  it('a flipped byte anywhere in an encrypted file is refused, and the receiver stays exactly as it was', async () => {
    await callOk(tunis.app, 'records.create', { type: 'partners', values: { name: 'Morocco', isoCode: 'MA', notes: 'must not arrive' } });
    const bytes = await exportTo(tunis, [rabat.postId]);
    const before = snapshotDatabase(rabat.app);
    // The age header (its first line, the stanza, the MAC) byte by byte where it is dense, then spread over the body.
    const headerEnd = bytes.indexOf('\n---') + 50;
    const positions = [...new Set([0, 5, 21, 22, 30, 40, 60, 100, 200, headerEnd - 49, headerEnd - 10, headerEnd, headerEnd + 16, ...Array.from({ length: 24 }, (_, i) => Math.floor(((i + 1) * bytes.length) / 25)), bytes.length - 1])].filter((at) => at < bytes.length);
    for (const at of positions) {
      const altered = Buffer.from(bytes);
      altered[at]! ^= 0x20;
      const refused = await receive(rabat, altered);
      expect(refused, `byte ${at} of ${bytes.length}`).not.toBeNull();
      expect(['encrypted-damaged', 'not-for-this-post', 'not-a-bundle', 'format', 'header']).toContain(refused!.details?.reason ?? refused!.code);
    }
    expect(snapshotDatabase(rabat.app)).toBe(before);
    expect(syncedDump(rabat)).not.toContain('must not arrive');
  });

  it('who may read a file is always chosen: no choice, an unknown post or a post without an encryption key is refused and nothing is numbered', async () => {
    const before = snapshotDatabase(tunis.app);
    const none = await tunis.app.call('sync.export', { forPost: null, passphrase: PASSPHRASE });
    expect(none.ok).toBe(false);
    const unknown = await tunis.app.call('sync.export', { forPost: null, passphrase: PASSPHRASE, encryptFor: ['post-nowhere'] });
    expect(!unknown.ok && unknown.error.details?.reason).toBe('recipient-not-trusted');
    const started = await tunis.app.call('sync.export.start', { forPost: null, passphrase: PASSPHRASE, encryptFor: ['post-nowhere'] });
    expect(!started.ok && started.error.details?.reason).toBe('recipient-not-trusted');
    expect(snapshotDatabase(tunis.app)).toBe(before);

    // The explicit choice of a plain file still makes one (a post on the previous version reads it).
    const plain = await exportTo(tunis, 'unencrypted');
    expect(plain.subarray(0, 8).toString('latin1')).toBe('ACCORDSB');
    expect(await receive(rabat, plain)).toBeNull();
  });

  it('a post trusted from a key file of the previous version has no encryption key until its new key file arrives', async () => {
    const algiers = await station('Embassy Algiers');
    const { encryptionKey: _key, encryptionKeySignature: _signature, ...oldFile } = await keyFileOf(algiers);
    expect((await trustFile(tunis, oldFile)).ok).toBe(true);
    const refused = await tunis.app.call('sync.export', { forPost: null, passphrase: PASSPHRASE, encryptFor: [algiers.postId] });
    expect(!refused.ok && refused.error.details?.reason).toBe('recipient-no-key');
    expect(!refused.ok && errorText(refused.error, 'en')).toContain('Embassy Algiers has not sent its encryption key yet');

    // Its current key file (same signing key, so no new fingerprint check) adds the encryption key.
    expect((await trustFile(tunis, await keyFileOf(algiers))).ok).toBe(true);
    expect((await trustFile(algiers, await keyFileOf(tunis))).ok).toBe(true);
    expect(await receive(algiers, await exportTo(tunis, [algiers.postId]))).toBeNull();
    expect(syncedDump(algiers)).toContain(SECRET_NOTES);
  });

  it('a large export streams through encryption to a file and back in through the unwrapping step', async () => {
    const path = join(dir.path, 'streamed.accord-bundle');
    const summary = await exportBundleToFile(tunis.app.context.store, null, path, { protection: passphraseProtection, passphrase: PASSPHRASE, encryptFor: [rabat.postId] });
    expect(summary.encryptedFor).toEqual([rabat.postId]);
    const report = await importTransfer(rabat.app.context.store, createReadStream(path), { unwrap: unwrapHere(rabat.app.context.store.db) });
    expect(report.sender.postId).toBe(tunis.postId);
    const refused = await importTransfer(cairo.app.context.store, createReadStream(path), { unwrap: unwrapHere(cairo.app.context.store.db) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).details?.reason).toBe('not-for-this-post');
  });

  it('a signed MOU file encrypted to Rabat verifies at Rabat and is refused at Cairo; a signed file must say who reads it', async () => {
    const { mouId } = await createBilingualMou(tunis.app, { agreed: true });
    const unchosen = await tunis.app.call('mou.documents.export', { mouId, format: 'signed', passphrase: PASSPHRASE });
    expect(!unchosen.ok && unchosen.error.details?.reason).toBe('readers-required');

    const file = await callOk<{ fileName: string; bytes: Uint8Array }>(tunis.app, 'mou.documents.export', { mouId, format: 'signed', passphrase: PASSPHRASE, encryptFor: [rabat.postId] });
    expect(file.fileName).toMatch(/\.accord-mou\.age$/);
    const bytes = Buffer.from(file.bytes);
    for (const text of ['Border security cooperation', 'PK\u0003\u0004', 'Jane Doe']) expect(bytes.includes(Buffer.from(text, 'latin1')), text).toBe(false);

    const uploaded = await callOk<{ uploadId: string; kind: string; encrypted: boolean }>(rabat.app, 'sync.upload', { bytes });
    expect(uploaded).toMatchObject({ kind: 'signed-mou', encrypted: true });
    const verified = await callOk<{ sender: { postId: string } }>(rabat.app, 'mou.signed.verify', { uploadId: uploaded.uploadId });
    expect(verified.sender.postId).toBe(tunis.postId);

    const atCairo = await cairo.app.call('sync.upload', { bytes });
    expect(!atCairo.ok && atCairo.error.details?.reason).toBe('not-for-this-post');
  });
});

describe("replacing a post's encryption key", () => {
  const recipientOf = async (station: Station) => (await keyFileOf(station)).encryptionKey as string;
  const identityOf = (station: Station) => callOk<{ fingerprint: string; encryptionKeyCreatedAt: string; retiredEncryptionKeys: number }>(station.app, 'sync.identity', {});
  const rotate = (station: Station, forgetOld: boolean, passphrase = PASSPHRASE) => station.app.call('sync.encryptionKey.rotate', { passphrase, forgetOld });

  it('the fingerprint stays, a file sealed to the old key still opens, and the sender takes the new key from the next key file', async () => {
    const amman = await station('Embassy Amman');
    const muscat = await station('Embassy Muscat');
    for (const [receiver, sender] of [[amman, muscat], [muscat, amman]] as const) expect((await trustFile(receiver, await keyFileOf(sender))).ok).toBe(true);
    await callOk(amman.app, 'records.create', { type: 'partners', values: { name: 'Oman', notes: 'sealed before the change' } });
    const sealedToOld = await exportTo(amman, [muscat.postId]);
    const oldRecipient = await recipientOf(muscat);
    const before = await identityOf(muscat);

    expect((await rotate(muscat, false)).ok).toBe(true);
    const after = await identityOf(muscat);
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(after.retiredEncryptionKeys).toBe(1);
    expect(await recipientOf(muscat)).not.toBe(oldRecipient);
    // The file already on its way opens with the kept key.
    expect(await receive(muscat, sealedToOld)).toBeNull();
    expect(syncedDump(muscat)).toContain('sealed before the change');

    // Amman sees the new key file as the same trusted post with a replaced key, and stores it without a new fingerprint check.
    const { uploadId } = await callOk<{ uploadId: string }>(amman.app, 'sync.upload', { bytes: Buffer.from(JSON.stringify(await keyFileOf(muscat))) });
    expect(await callOk(amman.app, 'sync.sender', { uploadId })).toMatchObject({ fingerprint: before.fingerprint, hasEncryptionKey: true, encryptionKeyChanged: true });
    await callOk(amman.app, 'sync.peers.trust', { uploadId, fingerprint: before.fingerprint });
    const peers = await callOk<{ postId: string; encryptionKey: string }[]>(amman.app, 'sync.peers.list', {});
    expect(peers.find((peer) => peer.postId === muscat.postId)?.encryptionKey).toBe(await recipientOf(muscat));
    await callOk(amman.app, 'records.create', { type: 'partners', values: { name: 'Yemen', notes: 'sealed to the new key' } });
    const sealedToNew = await exportTo(amman, [muscat.postId]);
    expect(await receive(muscat, sealedToNew)).toBeNull();
    expect(syncedDump(muscat)).toContain('sealed to the new key');

    // The key thought leaked: replaced again, dropping every older key. A file sealed to either old key no longer opens.
    expect((await rotate(muscat, true)).ok).toBe(true);
    expect((await identityOf(muscat)).retiredEncryptionKeys).toBe(0);
    const unchanged = snapshotDatabase(muscat.app);
    for (const bytes of [sealedToOld, sealedToNew]) {
      const refused = await receive(muscat, bytes);
      expect(refused?.details?.reason).toBe('not-for-this-post');
      expect(errorText(refused!, 'ar')).toContain('مشفّر لمراكز أخرى');
    }
    expect(snapshotDatabase(muscat.app)).toBe(unchanged);
  });

  it(`a replaced key opens files for ${RETIRED_ENCRYPTION_KEY_DAYS} days, then no longer`, async () => {
    const sealedToOld = await exportTo(tunis, [rabat.postId]);
    expect((await rotate(rabat, false)).ok).toBe(true);
    const db = rabat.app.context.store.db;
    const setRetiredDaysAgo = (days: number) => db.prepare('UPDATE sync_retired_encryption_keys SET retired_at = ?').run(new Date(Date.now() - days * 86_400_000).toISOString());
    setRetiredDaysAgo(RETIRED_ENCRYPTION_KEY_DAYS - 1);
    expect((await decryptHere(db, sealedToOld)).subarray(0, 8).toString('latin1')).toBe('ACCORDSB');
    setRetiredDaysAgo(RETIRED_ENCRYPTION_KEY_DAYS + 1);
    expect((await identityOf(rabat)).retiredEncryptionKeys).toBe(0);
    const refused = await decryptHere(db, sealedToOld).catch((error: unknown) => error);
    expect((refused as AppError).details?.reason).toBe('not-for-this-post');
    // Tunis takes Rabat's new key, so the other tests' files keep reaching Rabat.
    expect((await trustFile(tunis, await keyFileOf(rabat))).ok).toBe(true);
  });

  it('a wrong passphrase replaces nothing, and a post without a key has none to replace', async () => {
    const recipient = await recipientOf(cairo);
    const before = snapshotDatabase(cairo.app);
    const refused = await rotate(cairo, true, 'not the passphrase');
    expect(refused.ok).toBe(false);
    expect(snapshotDatabase(cairo.app)).toBe(before);
    expect(await recipientOf(cairo)).toBe(recipient);

    const fresh = openTestApp(join(dir.path, 'no-key.sqlite'));
    const none = await fresh.call('sync.encryptionKey.rotate', { passphrase: PASSPHRASE, forgetOld: false });
    expect(!none.ok && none.error.code).toBe('CONFLICT');
    expect(!none.ok && errorText(none.error, 'ar')).toContain('ليس لهذا الموقع مفتاح توقيع');
  });
});
