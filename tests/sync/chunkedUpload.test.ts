import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpSyncedTables } from '../../db/dump';
import type { AccordApp } from '../../main/app';
import { uploadLocation } from '../../main/sync/jobs';
import { UPLOAD_CHUNK_BYTES } from '../../shared/api/sync';
import { callOk, openTestApp, snapshotDatabase, tempDirectory, untilDone } from '../helpers';

/**
 * Files handed to the gate in chunks (sync.upload.begin/chunk/end), as the window and the CLI now send
 * every file: a bundle is kept in a private spool file and verified and applied from it, so no size cap
 * applies and memory holds one chunk; an encrypted one is opened as it is read.
 */
const PASSPHRASE = 'correct horse battery';
const dir = tempDirectory('accord-chunks-');
afterAll(() => dir.remove());

let tunis: AccordApp;
let rabat: AccordApp;

async function keyFile(app: AccordApp): Promise<Buffer> {
  return Buffer.from((await callOk<{ text: string }>(app, 'sync.publicKeyFile', { passphrase: PASSPHRASE })).text);
}

/** Sends `bytes` cut at the given offsets, one call per piece. */
async function sendInPieces(app: AccordApp, bytes: Buffer, cuts: number[]) {
  const { uploadId } = await callOk<{ uploadId: string }>(app, 'sync.upload.begin', {});
  const edges = [0, ...cuts.filter((cut) => cut > 0 && cut < bytes.length), bytes.length];
  for (let i = 0; i + 1 < edges.length; i += 1) await callOk(app, 'sync.upload.chunk', { uploadId, bytes: bytes.subarray(edges[i], edges[i + 1]) });
  return app.call('sync.upload.end', { uploadId });
}

beforeAll(async () => {
  tunis = openTestApp(join(dir.path, 'tunis.sqlite'));
  rabat = openTestApp(join(dir.path, 'rabat.sqlite'));
  await callOk(tunis, 'sync.setup', { name: 'Embassy Tunis', passphrase: PASSPHRASE });
  await callOk(rabat, 'sync.setup', { name: 'Embassy Rabat', passphrase: PASSPHRASE });
  for (const [receiver, sender] of [[rabat, tunis], [tunis, rabat]] as const) {
    const sent = await sendInPieces(receiver, await keyFile(sender), [7]);
    expect(sent).toMatchObject({ ok: true, value: { kind: 'other', encrypted: false } });
    const { uploadId } = (sent as { value: { uploadId: string } }).value;
    const sender_ = await callOk<{ fingerprint: string }>(receiver, 'sync.sender', { uploadId });
    await callOk(receiver, 'sync.peers.trust', { uploadId, fingerprint: sender_.fingerprint });
  }
  for (let i = 0; i < 40; i += 1) await callOk(tunis, 'records.create', { type: 'partners', values: { name: `Partner ${i}`, isoCode: 'JO', notes: `notes ${i} `.repeat(50) } });
}, 60_000);

describe('chunked uploads', () => {
  it('a bundle cut anywhere arrives whole, is kept spooled, previews and imports; its spool is gone once dropped', async () => {
    const bundle = Buffer.from((await callOk<{ bytes: Uint8Array }>(tunis, 'sync.export', { forPost: null, passphrase: PASSPHRASE, encryptFor: 'unencrypted' })).bytes);
    const sent = await sendInPieces(rabat, bundle, [1, 9, 1000, Math.floor(bundle.length / 2)]);
    expect(sent).toMatchObject({ ok: true, value: { kind: 'bundle', encrypted: false, size: bundle.length } });
    const { uploadId } = (sent as { value: { uploadId: string } }).value;
    const spooled = uploadLocation(rabat.context, uploadId)!;
    expect(statSync(spooled).size).toBe(bundle.length);
    expect(statSync(spooled).mode & 0o777).toBe(0o600);
    const inspection = await callOk<{ trust: string; preview: { tables: Record<string, { new: number }> } }>(rabat, 'sync.inspect', { uploadId, preview: true });
    expect(inspection.trust).toBe('trusted');
    expect(inspection.preview.tables.partners?.new).toBe(40);
    await callOk(rabat, 'sync.import', { uploadId });
    expect(dumpSyncedTables(rabat.context.store.db)).toBe(dumpSyncedTables(tunis.context.store.db));
    // Later uploads push it out of the registry (four are kept), and its file with it.
    for (let i = 0; i < 4; i += 1) await sendInPieces(rabat, await keyFile(tunis), []);
    expect(existsSync(dirname(spooled))).toBe(false);
  });

  it('an encrypted bundle sent in chunks is opened with this post’s key as it is read', async () => {
    await callOk(tunis, 'records.create', { type: 'partners', values: { name: 'Sealed partner', isoCode: 'LY' } });
    const sealed = Buffer.from((await callOk<{ bytes: Uint8Array }>(tunis, 'sync.export', { forPost: null, passphrase: PASSPHRASE, encryptFor: [rabat.context.store.post.id] })).bytes);
    const sent = await sendInPieces(rabat, sealed, [3, 200, 5000]);
    expect(sent).toMatchObject({ ok: true, value: { kind: 'bundle', encrypted: true } });
    await callOk(rabat, 'sync.import', { uploadId: (sent as { value: { uploadId: string } }).value.uploadId });
    expect(dumpSyncedTables(rabat.context.store.db)).toContain('Sealed partner');

    // The same file, altered near its end: refused when it ends, and nothing changes.
    const altered = Buffer.from(sealed);
    altered[altered.length - 20]! ^= 1;
    const before = snapshotDatabase(rabat);
    const refused = await sendInPieces(rabat, altered, [100]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUNDLE_REJECTED', details: { reason: 'encrypted-damaged' } } });
    expect(snapshotDatabase(rabat)).toBe(before);
  });

  it('a file no Accord file starts like is refused at its first chunk, and its upload is gone', async () => {
    const { uploadId } = await callOk<{ uploadId: string }>(rabat, 'sync.upload.begin', {});
    const first = await rabat.call('sync.upload.chunk', { uploadId, bytes: Buffer.alloc(1024) });
    expect(first).toMatchObject({ ok: false, error: { code: 'BUNDLE_REJECTED', details: { reason: 'not-a-bundle' } } });
    expect(await rabat.call('sync.upload.chunk', { uploadId, bytes: Buffer.from('ACCORDSB') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A chunk over the chunk size is refused at the gate.
    const { uploadId: other } = await callOk<{ uploadId: string }>(rabat, 'sync.upload.begin', {});
    expect((await rabat.call('sync.upload.chunk', { uploadId: other, bytes: Buffer.alloc(UPLOAD_CHUNK_BYTES + 1) })).ok).toBe(false);
  });

  it('an export made as a job is written to a spool file and comes down in slices that reassemble it exactly', async () => {
    const { jobId } = await callOk<{ jobId: string }>(tunis, 'sync.export.start', { forPost: null, passphrase: PASSPHRASE, encryptFor: [rabat.context.store.post.id] });
    const job = (await untilDone(tunis, jobId)).final;
    expect(job.state).toBe('done');
    const slices: Buffer[] = [];
    for (let offset = 0; offset < job.file!.size; ) {
      const slice = await callOk<{ bytes: Uint8Array; size: number; offset: number }>(tunis, 'sync.download', { jobId, offset, length: 1000 });
      expect(slice).toMatchObject({ size: job.file!.size, offset });
      slices.push(Buffer.from(slice.bytes));
      offset += slice.bytes.length;
    }
    const whole = Buffer.concat(slices);
    expect(slices.length).toBeGreaterThan(3);
    expect(whole.length).toBe(job.file!.size);
    // The reassembled file is the sealed bundle: Rabat opens and verifies it.
    const sent = await sendInPieces(rabat, whole, [500]);
    expect(sent).toMatchObject({ ok: true, value: { kind: 'bundle', encrypted: true } });
    expect((await callOk<{ trust: string }>(rabat, 'sync.inspect', { uploadId: (sent as { value: { uploadId: string } }).value.uploadId, preview: false })).trust).toBe('trusted');
  });
});
