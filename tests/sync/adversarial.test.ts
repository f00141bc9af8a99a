import { generateKeyPairSync } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpSyncedTables } from '../../db/dump';
import { FUTURE_CLOCK_TOLERANCE_MS } from '../../db/sync/apply';
import { syncedTables, type SyncedTable } from '../../db/syncedTables';
import { frameBundle, verifyBundle, type BundleHeader } from '../../main/sync/bundle';
import { rawPublicKey, unlockPrivateKey } from '../../main/sync/keys';
import { importBundle, trustSenderOf } from '../../main/sync/service';
import { AppError } from '../../shared/result';
import { snapshotDatabase, tempDirectory } from '../helpers';
import { exportFrom, importInto, legacyOf, openPost, plainProtection, trustAll, type TestPost } from './support';

const dir = tempDirectory();
afterAll(() => dir.remove());
const partners: SyncedTable = syncedTables.partners;

let sender: TestPost;
let receiver: TestPost;
let bundle: Buffer;
let header: BundleHeader;

beforeAll(async () => {
  sender = openPost(`${dir.path}/sender.sqlite`, 'Embassy Tunis, ODC');
  receiver = openPost(`${dir.path}/receiver.sqlite`, 'Embassy Rabat, SCO');
  await trustAll([sender, receiver]);
  const store = sender.app.context.store;
  store.transaction(() => {
    store.insert(partners, { name: 'Tunisia', isoCode: 'TN', notes: 'first' });
    store.insert(partners, { name: 'Algeria', isoCode: 'DZ', notes: '' });
  });
  const own = receiver.app.context.store;
  own.transaction(() => own.insert(partners, { name: 'Morocco', isoCode: 'MA', notes: '' }));
  bundle = await exportFrom(sender);
  header = legacyOf(bundle).header;
});

/** The import must fail with this code (and reason), leaving every row of every table as it was. */
async function expectRefusedUnchanged(bytes: Buffer, code: string, reason?: string): Promise<AppError> {
  const before = snapshotDatabase(receiver.app);
  let caught: unknown;
  try {
    await importBundle(receiver.app.context.store, bytes);
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the import should have been refused').toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe(code);
  if (reason) expect((caught as AppError).details?.reason).toBe(reason);
  expect(snapshotDatabase(receiver.app)).toBe(before);
  return caught as AppError;
}

/** A bundle signed by the trusted sender's key around an arbitrary payload: only the content is hostile. */
function signedBySender(changes: unknown, overrides: Partial<BundleHeader> = {}, payload?: Buffer): Buffer {
  const text = Buffer.from(JSON.stringify(changes));
  const body = payload ?? gzipSync(text);
  const count = Array.isArray(changes) ? changes.length : 0;
  const forged = { ...header, sequence: header.sequence + 100, counts: { changes: count, tables: {} }, uncompressedBytes: text.length, ...overrides };
  return frameBundle(forged, body, unlockPrivateKey(sender.app.context.store.db, plainProtection, undefined));
}

const STAMP = '001700000000000:000000';
const ROW = '01900000-0000-7000-8000-000000000001';

describe('adversarial bundles', () => {
  it('a duplicate bundle and a replay are no-ops', async () => {
    await importInto(receiver, bundle);
    const after = snapshotDatabase(receiver.app);
    expect((await importInto(receiver, bundle)).status).toBe('already-imported');
    expect((await importInto(receiver, Buffer.from(bundle))).status).toBe('already-imported');
    expect(snapshotDatabase(receiver.app)).toBe(after);
  });

  it('a stale bundle never overwrites newer data, and its lower sequence is reported', async () => {
    const store = sender.app.context.store;
    const id = (store.db.prepare("SELECT id FROM partners WHERE name = 'Tunisia'").pluck().get() as string);
    store.transaction(() => store.update(partners, id, { name: 'Tunisia', isoCode: 'TN', notes: 'first' }, { notes: 'second' }));
    const newer = await exportFrom(sender);
    await importInto(receiver, newer);
    const dump = dumpSyncedTables(receiver.app.context.store.db);
    const olderEdit = signedBySender([['partners', id, 'notes', 'stale', STAMP, header.sender.postId, null, null]], { sequence: 1 });
    const report = await importInto(receiver, olderEdit);
    expect(report.warnings).toContain('older-sequence');
    expect(dumpSyncedTables(receiver.app.context.store.db)).toBe(dump);
    expect(dump).toContain('"second"');
  });

  it('a single flipped byte anywhere in the file is refused as altered, truncated or malformed', async () => {
    for (let offset = 0; offset < bundle.length; offset += 1) {
      const flipped = Buffer.from(bundle);
      flipped.writeUInt8(flipped.readUInt8(offset) ^ (1 << offset % 8), offset);
      const error = await expectRefusedUnchanged(flipped, 'BUNDLE_REJECTED');
      const reason = error.details?.reason;
      // The frames are checked first, then each batch's origin signature, then the sender's over all of it.
      if (offset >= 9) expect(['signature', 'truncated', 'frame', 'header', 'batch-forged', 'payload']).toContain(reason);
      else expect(['not-a-bundle', 'format-version']).toContain(reason);
    }
  });

  it('every truncation is refused as truncated', async () => {
    for (const length of [0, 5, 8, 40, 60, Math.floor(bundle.length / 2), bundle.length - 64, bundle.length - 1]) {
      const error = await expectRefusedUnchanged(bundle.subarray(0, length), 'BUNDLE_REJECTED');
      expect(['truncated', 'not-a-bundle']).toContain(error.details?.reason);
    }
  });

  it('a bundle signed by another key in the name of a trusted post is refused as a changed key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const forged = frameBundle({ ...header, sender: { ...header.sender, publicKey: rawPublicKey(publicKey) } }, legacyOf(bundle).payload, privateKey);
    const error = await expectRefusedUnchanged(forged, 'UNTRUSTED_SENDER', 'key-changed');
    expect(error.message).toMatch(/different key/);
    // Trusting the new key is refused while the old one stands; a rotation needs the old key revoked first.
    expect(() => trustSenderOf(receiver.app.context.store, forged)).toThrow(/already trusted with a different key/);
  });

  it('a bundle from an unknown post is refused until its key is trusted', async () => {
    const stranger = openPost(`${dir.path}/stranger.sqlite`, 'Unknown post');
    const error = await expectRefusedUnchanged(await exportFrom(stranger), 'UNTRUSTED_SENDER', 'unknown');
    expect(error.message).toMatch(/fingerprint/);
    stranger.app.close();
  });

  it('a decompression bomb stops at the declared size with bounded memory', async () => {
    const bomb = gzipSync(Buffer.alloc(300 * 1024 * 1024, 0x20)); // 300 MiB of spaces, ~300 KiB compressed
    const rssBefore = process.memoryUsage().rss;
    await expectRefusedUnchanged(signedBySender([], { uncompressedBytes: 1000 }, bomb), 'BUNDLE_REJECTED', 'decompression-cap');
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
    // A header that declares more than the hard cap is refused before anything inflates.
    await expectRefusedUnchanged(signedBySender([], { uncompressedBytes: 1024 * 1024 * 1024 }, bomb), 'BUNDLE_REJECTED', 'header');
  });

  it('hostile identifiers and wrong types are rejected by the schema, never run as SQL', async () => {
    const post = header.sender.postId;
    const hostile: unknown[][] = [
      ['partners; DROP TABLE partners; --', ROW, 'name', 'x', STAMP, post, null, null],
      ['__proto__', ROW, 'name', 'x', STAMP, post, null, null],
      ['field_clocks', ROW, 'hlc', 'x', STAMP, post, null, null],
      ['partners', ROW, 'name = name; DROP TABLE partners; --', 'x', STAMP, post, null, null],
      ['partners', ROW, 'created_at', 'x', STAMP, post, null, null],
      ['partners', ROW, 'constructor', 'x', STAMP, post, null, null],
      ["1' OR '1'='1", ROW, 'name', 'x', STAMP, post, null, null],
      ['partners', "x'); DROP TABLE partners; --", 'name', 'x', STAMP, post, null, null],
      ['partners', ROW, 'name', 42, STAMP, post, null, null],
      ['partners', ROW, 'name', null, STAMP, post, null, null],
      ['partners', ROW, 'name', { toString: 'x' }, STAMP, post, null, null],
      ['partners', ROW, '_deleted', false, STAMP, post, null, null],
      ['partners', ROW, 'name', 'x', 'tomorrow', post, null, null],
      ['partners', ROW, 'name', 'x', STAMP, post, STAMP, null],
      ['partners', ROW, 'name', 'x', STAMP, post, '009999999999999:000000', post],
      ['partners', ROW, 'name'],
    ];
    for (const change of hostile) {
      const error = await expectRefusedUnchanged(signedBySender([['partners', ROW, 'notes', 'fine', STAMP, post, null, null], change]), 'BUNDLE_REJECTED', 'change');
      expect(error.details?.index).toBe(1);
    }
    await expectRefusedUnchanged(signedBySender({ not: 'an array' }), 'BUNDLE_REJECTED', 'payload');
    await expectRefusedUnchanged(signedBySender([], { schemaVersion: 99_999 }), 'BUNDLE_REJECTED', 'schema-too-new');
    expect(receiver.app.context.store.db.prepare('SELECT COUNT(*) FROM partners').pluck().get()).toBeGreaterThan(0);
  });

  it('a stamp more than the window ahead is refused, never adopted (the clock stays where it was); one inside it is accepted', async () => {
    const clockBefore = receiver.app.context.store.db.prepare('SELECT wall_ms, counter FROM clock').get();
    for (const far of [`${String(Date.now() + 400 * 24 * 3600 * 1000).padStart(15, '0')}:000000`, '999999999999999:999999', `${String(Date.now() + FUTURE_CLOCK_TOLERANCE_MS + 60_000).padStart(15, '0')}:000000`]) {
      const error = await expectRefusedUnchanged(signedBySender([['partners', ROW, 'name', 'From the future', far, header.sender.postId, null, null]]), 'BUNDLE_REJECTED', 'clock-ahead');
      expect(error.key).toBe('sync.clockTooFarAhead');
    }
    expect(receiver.app.context.store.db.prepare('SELECT wall_ms, counter FROM clock').get()).toEqual(clockBefore);
    // The receiver can still export.
    expect(verifyBundle(await exportFrom(receiver)).header.sender.postId).toBe(receiver.app.context.store.post.id);
    const soon = `${String(Date.now() + 3_600_000).padStart(15, '0')}:000000`;
    const report = await importInto(receiver, signedBySender([['partners', ROW, 'name', 'From a fast clock', soon, header.sender.postId, null, null]]));
    expect(report.status).toBe('applied');
  });

  it('two values with the same stamp always make a conflict record, in one file or across two', async () => {
    const stamp = `${String(Date.now()).padStart(15, '0')}:000777`;
    const row = '01900000-0000-7000-8000-0000000000d1';
    const post = header.sender.postId;
    const report = await importInto(receiver, signedBySender([['partners', row, 'name', 'First', stamp, post, null, null], ['partners', row, 'name', 'Second', stamp, post, null, null]]));
    expect(report.status).toBe("applied");
    expect(report.summary?.conflicts).toBe(1);
    const other = '01900000-0000-7000-8000-0000000000d2';
    await importInto(receiver, signedBySender([['partners', other, 'name', 'Held', stamp, post, null, null]], { sequence: header.sequence + 400 }));
    const again = await importInto(receiver, signedBySender([['partners', other, 'name', 'Arrived later', stamp, post, null, null]], { sequence: header.sequence + 500 }));
    expect(again.summary?.conflicts).toBe(1);
    const losers = receiver.app.context.store.db.prepare('SELECT loser_value FROM sync_conflicts WHERE row_id IN (?, ?) ORDER BY loser_value').pluck().all(row, other);
    expect(losers).toEqual(['"Arrived later"', '"Second"']);
  });
});
