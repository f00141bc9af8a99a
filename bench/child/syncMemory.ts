import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { BundleWriter, signBatch, verifyTransfer } from '../../main/sync/bundle';
import { ensureKey, fingerprintOf, unlockPrivateKey } from '../../main/sync/keys';
import { importTransfer, exportBundle, trustSenderOf, publicKeyFile } from '../../main/sync/service';
import { openDatabase } from '../../db/open';
import { Store } from '../../db/store';
import { plainProtection } from '../../tests/sync/support';

/**
 * Run alone in a child process (bench/sync.stream.bench.ts): imports one bundle and prints the process's peak
 * resident memory, so one import's peak is measured without the test runner's. Modes:
 *   field N  - a bundle whose one change is a partner's notes of N characters (the registry allows 4,000)
 *   rows N   - a sender with N partners, full export then import into an empty post, streamed from a file
 */
async function main(): Promise<void> {
  const [mode, size, folder] = process.argv.slice(2) as [string, string, string];
  const n = Number(size);
  const open = (name: string) => {
    const db = openDatabase(`${folder}/${name}.sqlite`);
    return { context: { store: new Store(db, { now: Date.now }) }, close: () => db.close() };
  };
  const sender = open('sender');
  const receiver = open('receiver');
  ensureKey(sender.context.store.db, plainProtection, undefined, new Date().toISOString());
  ensureKey(receiver.context.store.db, plainProtection, undefined, new Date().toISOString());
  trustSenderOf(receiver.context.store, Buffer.from(JSON.stringify(await publicKeyFile(sender.context.store, plainProtection, undefined))));
  let bytes: Buffer;
  if (mode === 'field') {
    const store = sender.context.store;
    const id = store.post.id;
    const key = ensureKey(store.db, plainProtection, undefined, '');
    const stamp = `${String(Date.now()).padStart(15, '0')}:000000`;
    const text = `[["partners","p-big","notes",${JSON.stringify('x'.repeat(n))},"${stamp}","${id}",null,null]]`;
    const body = gzipSync(text);
    const batch = signBatch({ origin: id, key: Buffer.from(key.publicKey, 'base64').toString('hex'), seq: 1, first: stamp, last: stamp, count: 1, prev: null, tables: { partners: 1 } }, body, unlockPrivateKey(store.db, plainProtection, undefined));
    const chunks: Buffer[] = [];
    const writer = new BundleWriter((chunk) => void chunks.push(chunk), unlockPrivateKey(store.db, plainProtection, undefined));
    await writer.start({ format: 2, schemaVersion: 11, sender: { postId: id, name: store.post.name, publicKey: Buffer.from(key.publicKey, 'base64').toString('hex') }, sequence: 1, createdAt: new Date().toISOString(), createdHlc: null, forPost: null, since: null, held: {} });
    await writer.batch(batch, batch.statement);
    await writer.finish();
    bytes = Buffer.concat(chunks);
    void fingerprintOf;
  } else {
    const store = sender.context.store;
    const { syncedTables } = await import('../../db/syncedTables');
    store.transaction(() => {
      for (let i = 0; i < n; i += 1) store.insert(syncedTables.partners, { nameAr: `شريك ${i}`, name: `Partner ${i}`, isoCode: 'JO', notes: `Notes about partner ${i}: cooperation on border security and training.` });
    });
    bytes = (await exportBundle(store, null, { protection: plainProtection })).bytes;
  }
  verifyTransfer({ kind: 'bytes', bytes });
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  let outcome = 'applied';
  try {
    // Streamed in 64 KiB pieces through the one entry point, as a file or an unwrapped stream would arrive.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    await importTransfer(receiver.context.store, Readable.from(pieces));
  } catch (error) {
    outcome = `refused: ${(error as { details?: { reason?: string } }).details?.reason ?? String(error)}`;
  }
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ mode, n, bundleBytes: bytes.length, outcome, ms: Math.round(performance.now() - started), baselineMiB: Math.round(baseline / 1048576), peakMiB: Math.round(peakMiB) }));
  sender.close();
  receiver.close();
  rmSync(folder, { recursive: true, force: true });
}

void main();
