import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNewRecord } from '../../db/repositories/records/write';
import { syncedTables } from '../../db/syncedTables';
import type { AccordApp } from '../../main/app';
import { MAX_BUNDLE_BYTES, UPLOAD_CHUNK_BYTES } from '../../shared/api/sync';
import { recordType } from '../../shared/records/registry';
import { inputSchema } from '../../shared/records/spec';
import { callOk, openTestApp, tempDirectory, untilDone } from '../helpers';

/**
 * A post sends more than one call may carry (issues 12 and 17): the whole post, over 64 MiB on disk, goes down
 * from the export job a slice at a time and up to the receiving post a chunk at a time, as the window and
 * `accord export`/`import` move it, and imports whole. The one-shot methods stop at MAX_BUNDLE_BYTES; this path has
 * no cap, and never holds the file in one piece.
 */
const PASSPHRASE = 'correct horse battery';
const dir = tempDirectory('accord-large-bundle-');
afterAll(() => dir.remove());

let sender: AccordApp;
let receiver: AccordApp;
/** About 6 KB each once compressed: enough for a file well over MAX_BUNDLE_BYTES. */
const MEETINGS = 10_000;

beforeAll(async () => {
  sender = openTestApp(join(dir.path, 'sender.sqlite'));
  receiver = openTestApp(join(dir.path, 'receiver.sqlite'));
  await callOk(sender, 'sync.setup', { name: 'Embassy Tunis', passphrase: PASSPHRASE });
  await callOk(receiver, 'sync.setup', { name: 'Embassy Rabat', passphrase: PASSPHRASE });
  // Each trusts the other: the receiver checks the sender's signature, and the sender seals the file to the receiver.
  for (const [at, from] of [[receiver, sender], [sender, receiver]] as const) {
    const keyFile = await callOk<{ text: string }>(from, 'sync.publicKeyFile', { passphrase: PASSPHRASE });
    const { uploadId } = await callOk<{ uploadId: string }>(at, 'sync.upload', { bytes: Buffer.from(keyFile.text) });
    const { fingerprint } = await callOk<{ fingerprint: string }>(at, 'sync.sender', { uploadId });
    await callOk(at, 'sync.peers.trust', { uploadId, fingerprint });
  }

  // Meetings with a full list of attendees whose roles are random hex: gzip halves hex and no more, so the bundle's
  // size on disk follows from the text written. Roles are not indexed for search, which keeps writing them quick.
  const partner = await callOk<{ id: string }>(sender, 'records.create', { type: 'partners', values: { name: 'Tunisia', isoCode: 'TN' } });
  const ministry = await callOk<{ id: string }>(sender, 'records.create', { type: 'stakeholders', values: { name: 'Ministry of Interior', kind: 'partner_ministry', partnerId: partner.id } });
  const person = await callOk<{ id: string }>(sender, 'records.create', { type: 'people', values: { name: 'Sami Ben Ali', stakeholderId: ministry.id } });
  const schema = inputSchema(recordType('meetings'));
  const hex = (chars: number) => randomBytes(chars / 2).toString('hex');
  const store = sender.context.store;
  const started = performance.now();
  // Checked as any new record is, and written in batches as a spreadsheet import writes them.
  for (let from = 0; from < MEETINGS; from += 1_000) {
    store.transaction(() => {
      const batch = Array.from({ length: Math.min(1_000, MEETINGS - from) }, (_, k) => {
        const attendees = Array.from({ length: 100 }, () => ({ personId: person.id, role: hex(120) }));
        return { values: checkNewRecord(store, 'meetings', schema.parse({ title: `Working session ${from + k}`, partnerId: partner.id, date: '2026-11-20', attendees }) as Record<string, unknown>) };
      });
      store.insertMany(syncedTables.meetings, batch);
    });
  }
  console.log(`[large bundle] records written in ${Math.round(performance.now() - started)} ms`);
}, 300_000);

describe('a bundle larger than one call may carry', () => {
  it('comes down in slices, goes up in chunks, and imports whole: the two posts then hold the same records', async () => {
    const t1 = performance.now();
    const { jobId } = await callOk<{ jobId: string }>(sender, 'sync.export.start', { forPost: null, passphrase: PASSPHRASE, encryptFor: [receiver.context.store.post.id] });
    const exported = await untilDone(sender, jobId);
    expect(exported.final.state).toBe('done');
    const size = exported.final.file!.size;
    expect(size).toBeGreaterThan(MAX_BUNDLE_BYTES);
    console.log(`[large bundle] export ${Math.round(performance.now() - t1)} ms, ${size} bytes`);

    // Slice by slice from the sender straight into the receiver's upload: neither side holds the file whole.
    const { uploadId } = await callOk<{ uploadId: string }>(receiver, 'sync.upload.begin', {});
    let pieces = 0;
    for (let offset = 0; offset < size; pieces += 1) {
      const slice = await callOk<{ bytes: Uint8Array }>(sender, 'sync.download', { jobId, offset, length: UPLOAD_CHUNK_BYTES });
      await callOk(receiver, 'sync.upload.chunk', { uploadId, bytes: slice.bytes });
      offset += slice.bytes.length;
    }
    expect(pieces).toBeGreaterThan(MAX_BUNDLE_BYTES / UPLOAD_CHUNK_BYTES);
    const arrived = await callOk<{ uploadId: string }>(receiver, 'sync.upload.end', { uploadId });
    expect(arrived).toMatchObject({ kind: 'bundle', encrypted: true, size });

    expect(await callOk<{ trust: string }>(receiver, 'sync.inspect', { uploadId: arrived.uploadId, preview: false })).toMatchObject({ trust: 'trusted' });
    const t0 = performance.now();
    const imported = await untilDone(receiver, (await callOk<{ jobId: string }>(receiver, 'sync.import.start', { uploadId: arrived.uploadId })).jobId);
    console.log(`[large bundle] import ${Math.round(performance.now() - t0)} ms`);
    expect(imported.final.state).toBe('done');
    // Every meeting arrived with every byte of its attendees (hashed row by row: the two dumps would be 300 MB of text).
    const digest = (app: AccordApp) => {
      const hash = createHash('sha256');
      for (const row of app.context.store.db.prepare('SELECT id, title, attendees FROM meetings ORDER BY id').iterate() as Iterable<{ id: string; title: string; attendees: string }>) hash.update(`${row.id}\t${row.title}\t${row.attendees}\n`);
      return hash.digest('hex');
    };
    expect(receiver.context.store.db.prepare('SELECT COUNT(*) FROM meetings').pluck().get()).toBe(MEETINGS);
    expect(digest(receiver)).toBe(digest(sender));
  });
});
