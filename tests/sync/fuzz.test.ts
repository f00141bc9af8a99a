import fc from 'fast-check';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedTables, type SyncedTable } from '../../db/syncedTables';
import { frameBundle } from '../../main/sync/bundle';
import { unlockPrivateKey } from '../../main/sync/keys';
import { importBundle } from '../../main/sync/service';
import { AppError } from '../../shared/result';
import { snapshotDatabase, tempDirectory } from '../helpers';
import { exportFrom, legacyOf, openPost, plainProtection, trustAll, type TestPost } from './support';

/**
 * 1,000+ mutated bundles (ACCORD_FUZZ_RUNS for more). Byte-level mutations of
 * the file must all be refused with a typed error and the database untouched.
 * Mutations of the content re-signed with the trusted key (the parser's
 * real attack surface) must be refused the same way, or, where the mutation
 * happens to leave valid changes, applied whole with the database intact.
 */
const RUNS = Number(process.env.ACCORD_FUZZ_RUNS ?? 1000);
const dir = tempDirectory();
afterAll(() => dir.remove());
const partners: SyncedTable = syncedTables.partners;
let sender: TestPost;
let receiver: TestPost;
let bundle: Buffer;

beforeAll(async () => {
  sender = openPost(`${dir.path}/sender.sqlite`, 'Sender');
  receiver = openPost(`${dir.path}/receiver.sqlite`, 'Receiver');
  await trustAll([sender, receiver]);
  const store = sender.app.context.store;
  store.transaction(() => {
    for (let i = 0; i < 5; i += 1) {
      const id = store.insert(partners, { name: `Partner ${i}`, isoCode: 'TN', notes: `n${i}` });
      if (i % 2) store.delete(partners, id, { name: `Partner ${i}`, isoCode: 'TN', notes: `n${i}` });
    }
  });
  bundle = await exportFrom(sender);
});

const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 400 }) }),
);

type MutationShape = { kind: string; at?: number; bits?: number; bytes?: Uint8Array; length?: number };

function mutate(source: Buffer, m: MutationShape): Buffer {
  const at = (m.at ?? 0) % Math.max(source.length, 1);
  switch (m.kind) {
    case 'flip': {
      if (source.length === 0) return source;
      const copy = Buffer.from(source);
      copy.writeUInt8(copy.readUInt8(at) ^ m.bits!, at);
      return copy;
    }
    case 'cut':
      return source.subarray(0, at);
    case 'insert':
      return Buffer.concat([source.subarray(0, at), Buffer.from(m.bytes!), source.subarray(at)]);
    case 'delete':
      return Buffer.concat([source.subarray(0, at), source.subarray(at + m.length!)]);
    default:
      return Buffer.concat([source.subarray(0, 8), Buffer.from(m.bytes!)]);
  }
}

describe('fuzzing the bundle reader', () => {
  it(`refuses ${RUNS} byte-mutated bundles cleanly, leaving the database untouched`, async () => {
    const before = snapshotDatabase(receiver.app);
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const mutated = mutations.reduce<Buffer>((bytes, m) => mutate(bytes, m as MutationShape), bundle);
        if (mutated.equals(bundle)) return;
        await expect(importBundle(receiver.app.context.store, mutated)).rejects.toBeInstanceOf(AppError);
      }),
      { numRuns: RUNS, seed: 1201 },
    );
    expect(snapshotDatabase(receiver.app)).toBe(before);
  }, 120_000);

  it(`re-signed content mutations (${RUNS}) are refused with a typed error or applied whole, never crash`, async () => {
    const { header, payload } = legacyOf(bundle);
    const text = gunzipSync(payload);
    const key = unlockPrivateKey(sender.app.context.store.db, plainProtection, undefined);
    let sequence = header.sequence;
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (mutations, keepDeclaredSize) => {
        const mutated = mutations.reduce<Buffer>((bytes, m) => mutate(bytes, m as MutationShape), text);
        sequence += 1;
        const forged = frameBundle({ ...header, sequence, uncompressedBytes: keepDeclaredSize ? text.length : mutated.length }, gzipSync(mutated), key);
        const before = snapshotDatabase(receiver.app);
        try {
          await importBundle(receiver.app.context.store, forged);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect(snapshotDatabase(receiver.app)).toBe(before);
        }
        expect(receiver.app.context.store.db.pragma('quick_check', { simple: true })).toBe('ok');
      }),
      { numRuns: RUNS, seed: 1202 },
    );
  }, 120_000);
});
