import { generateKeyPairSync } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpSyncedTables } from '../../db/dump';
import { revokePost } from '../../db/sync/state';
import { syncedTables } from '../../db/syncedTables';
import {
  batchChanges,
  BundleWriter,
  FRAME,
  FrameReader,
  frameBundle,
  readBatchFrame,
  signBatch,
  verifyTransfer,
  type BatchStatement,
  type BundleHeader2,
  type SignedBatch,
} from '../../main/sync/bundle';
import { unlockPrivateKey } from '../../main/sync/keys';
import { importBundle, importTransfer, publicKeyFile, trustSenderOf } from '../../main/sync/service';
import { AppError } from '../../shared/result';
import { snapshotDatabase, tempDirectory } from '../helpers';
import { TEST_OFFICER } from '../officer';
import { exportFrom, importInto, legacyOf, openPost, plainProtection, trustAll, type TestPost } from './support';

/**
 * Bundle format 2: every origin's changes travel in batches it signed, chained per origin, and the sender signs
 * the whole stream. A relay can forward them, never forge, alter or drop one from the middle; a receiver checks
 * each against its own trust list.
 */
const dir = tempDirectory();
afterAll(() => dir.remove());
let counter = 0;

/** A post with a clock the test moves (stamps and revocations are compared by wall time). */
function post(name: string, clock = { ms: Date.now() }): TestPost & { clock: { ms: number } } {
  counter += 1;
  return { ...openPost(`${dir.path}/${name}-${counter}.sqlite`, name, () => clock.ms), clock };
}

const storeOf = (p: TestPost) => p.app.context.store;
const keyOf = (p: TestPost) => unlockPrivateKey(storeOf(p).db, plainProtection, undefined);

function addPartner(p: TestPost, name: string, notes = ''): string {
  const store = storeOf(p);
  return store.transaction(() => store.insert(syncedTables.partners, { nameAr: '', name, isoCode: 'JO', notes }));
}

/** A bundle taken apart: its header and its batches as signed. */
function partsOf(bytes: Buffer): { header: BundleHeader2; batches: SignedBatch[] } {
  const verified = verifyTransfer({ kind: 'bytes', bytes });
  const reader = new FrameReader({ kind: 'bytes', bytes });
  const batches: SignedBatch[] = [];
  for (let frame = reader.next(); frame; frame = reader.next()) if (frame.type === FRAME.batch) batches.push(readBatchFrame(frame));
  const { counts: _counts, ...header } = verified.header;
  return { header, batches };
}

/** A bundle made of chosen batches, signed by the sender's key (a relay's own, legitimate signature). */
async function assemble(sender: TestPost, header: BundleHeader2, batches: Pick<SignedBatch, 'statement' | 'statementBytes' | 'signature' | 'body'>[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const writer = new BundleWriter((chunk) => void chunks.push(chunk), keyOf(sender));
  await writer.start({ ...header, sequence: header.sequence + 100 + counter++ });
  for (const batch of batches) await writer.batch(batch, batch.statement);
  await writer.finish();
  return Buffer.concat(chunks);
}

async function expectRefused(receiver: TestPost, bytes: Buffer, reason: string): Promise<AppError> {
  const before = snapshotDatabase(receiver.app);
  const caught = await importBundle(storeOf(receiver), bytes).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught, `refused as ${reason}`).toBeInstanceOf(AppError);
  expect((caught as AppError).details?.reason).toBe(reason);
  expect(snapshotDatabase(receiver.app)).toBe(before);
  return caught as AppError;
}

async function trustKeyOf(receiver: TestPost, origin: TestPost): Promise<void> {
  trustSenderOf(storeOf(receiver), Buffer.from(JSON.stringify(await publicKeyFile(storeOf(origin), plainProtection, undefined))));
}

/** A (origin), B (relay), C (receiver): C trusts all three keys, and hears A only through B. */
async function triangle() {
  const a = post('A');
  const b = post('B');
  const c = post('C');
  await trustAll([a, b]);
  await trustAll([b, c]);
  await trustKeyOf(c, a);
  return { a, b, c };
}

describe('signed batches (bundle format 2)', () => {
  it('a relay forwards an origin\'s batches intact, and the receiver stores them to forward in turn', async () => {
    const { a, b, c } = await triangle();
    addPartner(a, 'Jordan');
    await importInto(b, await exportFrom(a));
    const relayed = await exportFrom(b);
    const fromA = partsOf(await exportFrom(a)).batches[0]!;
    expect(partsOf(relayed).batches.find((batch) => batch.statement.origin === storeOf(a).post.id)!.hash.equals(fromA.hash)).toBe(true);
    await importInto(c, relayed);
    expect(dumpSyncedTables(storeOf(c).db)).toBe(dumpSyncedTables(storeOf(a).db));
    expect(storeOf(c).db.prepare('SELECT COUNT(*) FROM sync_batches WHERE origin_post_id = ?').pluck().get(storeOf(a).post.id)).toBe(1);
  });

  it('the officer who made a change travels in the origin\'s signed batch, through a relay, to the receiver\'s audit trail', async () => {
    const { a, b, c } = await triangle();
    const created = await a.app.call('records.create', { type: 'partners', values: { name: 'Jordan', isoCode: 'JO' } });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    await importInto(b, await exportFrom(a));
    await importInto(c, await exportFrom(b));
    const audit = await c.app.call('records.audit', { type: 'partners', id });
    if (!audit.ok) throw new Error(audit.error.message);
    expect((audit.value as { officerName: string | null }[]).map((entry) => entry.officerName)).toContain(TEST_OFFICER.name);
    const logged = storeOf(c).db.prepare("SELECT DISTINCT officer_name FROM field_changes WHERE row_id = ?").pluck().all(id);
    expect(logged).toEqual([TEST_OFFICER.name]);
  });

  it('a relay cannot forge an origin\'s batch: signed by another key, it is refused', async () => {
    const { a, b, c } = await triangle();
    addPartner(a, 'Jordan');
    await importInto(b, await exportFrom(a));
    const { header } = partsOf(await exportFrom(b));
    const fake: Omit<BatchStatement, 'body'> = {
      origin: storeOf(a).post.id,
      key: partsOf(await exportFrom(a)).batches[0]!.statement.key,
      seq: 2,
      first: '001900000000000:000000',
      last: '001900000000000:000000',
      count: 1,
      prev: partsOf(await exportFrom(a)).batches[0]!.hash.toString('hex'),
      tables: { partners: 1 },
    };
    const body = gzipSync(JSON.stringify([['partners', 'p-forged', 'notes', 'forged', fake.first, fake.origin, null, null]]));
    // Signed with B's key while naming A's: the signature does not hold.
    await expectRefused(c, await assemble(b, header, [signBatch(fake, body, keyOf(b))]), 'batch-forged');
    // Naming B's key for A's changes: not the key C trusts for A.
    const bKey = Buffer.from((await publicKeyFile(storeOf(b), plainProtection, undefined)).publicKey, 'base64').toString('hex');
    await expectRefused(c, await assemble(b, header, [signBatch({ ...fake, seq: 1, prev: null, key: bKey }, body, keyOf(b))]), 'origin-key-changed');
  });

  it('an altered batch is refused: its body no longer has the hash its origin signed', async () => {
    const { a, b, c } = await triangle();
    addPartner(a, 'Jordan', 'original');
    await importInto(b, await exportFrom(a));
    const { header, batches } = partsOf(await exportFrom(b));
    const altered = batches.map((batch) => {
      if (batch.statement.origin !== storeOf(a).post.id) return batch;
      const changes = batchChanges(batch).map((change) => ((change as unknown[])[2] === 'notes' ? [...(change as unknown[]).slice(0, 3), 'altered', ...(change as unknown[]).slice(4)] : change));
      return { ...batch, body: gzipSync(JSON.stringify(changes)) };
    });
    await expectRefused(c, await assemble(b, header, altered), 'batch-forged');
  });

  it('a batch dropped from the middle of a chain is refused; the whole chain in order is accepted', async () => {
    const { a, b, c } = await triangle();
    for (const name of ['Jordan', 'Egypt', 'Libya']) {
      addPartner(a, name);
      await importInto(b, await exportFrom(a)); // each export seals one more batch of A
    }
    const { header, batches } = partsOf(await exportFrom(b));
    const ofA = batches.filter((batch) => batch.statement.origin === storeOf(a).post.id);
    expect(ofA.map((batch) => batch.statement.seq)).toEqual([1, 2, 3]);
    const others = batches.filter((batch) => batch.statement.origin !== storeOf(a).post.id);
    await expectRefused(c, await assemble(b, header, [...others, ofA[0]!, ofA[2]!]), 'batch-gap');
    // Out of order within an origin is a gap too: batch 2 before 1.
    await expectRefused(c, await assemble(b, header, [...others, ofA[1]!, ofA[0]!, ofA[2]!]), 'batch-gap');
    await importBundle(storeOf(c), await assemble(b, header, [...others, ...ofA]));
    expect(dumpSyncedTables(storeOf(c).db)).toBe(dumpSyncedTables(storeOf(a).db));
  });

  it('a revoked origin\'s changes dated after its revocation are refused even when relayed; earlier ones are accepted', async () => {
    const clock = { ms: Date.UTC(2026, 10, 1) };
    const a = post('A', clock);
    const b = post('B', clock);
    const c = post('C', clock);
    await trustAll([a, b]);
    await trustAll([b, c]);
    await trustKeyOf(c, a);
    addPartner(a, 'Jordan');
    await importInto(b, await exportFrom(a));
    const early = await exportFrom(b);
    clock.ms += 60_000;
    revokePost(storeOf(c).db, storeOf(a).post.id, new Date(clock.ms).toISOString());
    clock.ms += 60_000;
    addPartner(a, 'Egypt');
    await importInto(b, await exportFrom(a));
    const late = await exportFrom(b, storeOf(c).post.id);
    const error = await expectRefused(c, late, 'origin-revoked');
    expect(error.key).toBe('sync.originRevoked');
    const report = await importBundle(storeOf(c), early);
    expect(report.status).toBe('applied');
    expect(dumpSyncedTables(storeOf(c).db)).toContain('Jordan');
    expect(dumpSyncedTables(storeOf(c).db)).not.toContain('Egypt');
  });

  it('changes claiming the receiver\'s own id are refused unless they are its own signed batches coming back', async () => {
    const { b, c } = await triangle();
    addPartner(c, 'Morocco');
    await importInto(b, await exportFrom(c));
    // C's own batches echoed back by B: accepted, nothing changes.
    const echoed = await exportFrom(b);
    expect(partsOf(echoed).batches.some((batch) => batch.statement.origin === storeOf(c).post.id)).toBe(true);
    await importInto(c, echoed);
    const { header } = partsOf(echoed);
    const bKey = Buffer.from((await publicKeyFile(storeOf(b), plainProtection, undefined)).publicKey, 'base64').toString('hex');
    const stamp = `${String(Date.now()).padStart(15, '0')}:000001`;
    const body = gzipSync(JSON.stringify([['partners', 'p-own', 'notes', 'in your name', stamp, storeOf(c).post.id, null, null]]));
    const forged = signBatch({ origin: storeOf(c).post.id, key: bKey, seq: 2, first: stamp, last: stamp, count: 1, prev: null, tables: { partners: 1 } }, body, keyOf(b));
    await expectRefused(c, await assemble(b, header, [forged]), 'own-id');
    // The old format carries no origin signatures: a change in the receiver's name it does not hold is refused there too.
    const legacy = legacyOf(echoed);
    const own = [['partners', 'p-own', 'notes', 'in your name', stamp, storeOf(c).post.id, null, null]];
    const text = Buffer.from(JSON.stringify(own));
    await expectRefused(c, frameBundle({ ...legacy.header, sequence: 999, counts: { changes: 1, tables: {} }, uncompressedBytes: text.length }, gzipSync(text), keyOf(b)), 'own-id');
  });

  it('the old format cannot carry changes of an origin that signs its own', async () => {
    const { a, b, c } = await triangle();
    addPartner(a, 'Jordan');
    await importInto(b, await exportFrom(a));
    await importInto(c, await exportFrom(b));
    const store = storeOf(a);
    const id = store.db.prepare('SELECT id FROM partners').pluck().get() as string;
    store.transaction(() => store.update(syncedTables.partners, id, { nameAr: '', name: 'Jordan', isoCode: 'JO', notes: '' }, { notes: 'new' }));
    await importInto(b, await exportFrom(a));
    const legacy = legacyOf(await exportFrom(b));
    await expectRefused(c, frameBundle({ ...legacy.header, sequence: 999 }, legacy.payload, keyOf(b)), 'legacy-relay');
  });

  it('a stream cut anywhere, or with any byte flipped, is refused and the database is unchanged', async () => {
    const { a, b, c } = await triangle();
    addPartner(a, 'Jordan', 'notes'.repeat(50));
    addPartner(a, 'Egypt');
    await importInto(b, await exportFrom(a));
    const bytes = await exportFrom(b, storeOf(c).post.id);
    const before = snapshotDatabase(c.app);
    const step = Math.max(1, Math.floor(bytes.length / 150));
    for (let at = 0; at < bytes.length; at += at < 200 ? 1 : step) {
      await expect(importBundle(storeOf(c), bytes.subarray(0, at)), `cut at ${at}`).rejects.toBeInstanceOf(AppError);
      const flipped = Buffer.from(bytes);
      flipped[at] = flipped[at]! ^ 0x40;
      await expect(importBundle(storeOf(c), flipped), `flipped at ${at}`).rejects.toBeInstanceOf(AppError);
    }
    expect(snapshotDatabase(c.app)).toBe(before);
    await expect(importBundle(storeOf(c), Buffer.concat([bytes, Buffer.from([0])]))).rejects.toMatchObject({ details: { reason: 'signature' } });
    const report = await importBundle(storeOf(c), bytes);
    expect(report.status).toBe('applied');
  }, 120_000);

  it('reads from a Node stream or a web stream, and an encrypted file through the unwrapping step in front', async () => {
    const a = post('A');
    const b = post('B');
    await trustAll([a, b]);
    addPartner(a, 'Jordan');
    const bytes = await exportFrom(a);
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const report = await importTransfer(storeOf(b), Readable.from(pieces));
    expect(report.status).toBe('applied');
    const again = await importTransfer(storeOf(b), new Blob([new Uint8Array(bytes)]).stream());
    expect(again.status).toBe('already-imported');
    // A stand-in for the age envelope: the unwrapping step receives the whole file and yields the plaintext stream.
    const wrapped = Buffer.concat([Buffer.from('age-encryption.org/v1\n'), bytes]);
    await expect(importTransfer(storeOf(b), Readable.from([wrapped]))).rejects.toMatchObject({ details: { reason: 'encrypted' } });
    const unwrap = async function* (source: AsyncIterable<Uint8Array>) {
      const all: Buffer[] = [];
      for await (const chunk of source) all.push(Buffer.from(chunk));
      yield Buffer.concat(all).subarray('age-encryption.org/v1\n'.length);
    };
    expect((await importTransfer(storeOf(b), Readable.from([wrapped]), { unwrap })).status).toBe('already-imported');
    await expect(importTransfer(storeOf(b), Readable.from([Buffer.from('not a bundle at all')]))).rejects.toMatchObject({ details: { reason: 'not-a-bundle' } });
  });

  it('a delta sends only the batches the peer has not shown it holds', async () => {
    const a = post('A');
    const b = post('B');
    await trustAll([a, b]);
    addPartner(a, 'Jordan');
    await importInto(b, await exportFrom(a));
    await importInto(a, await exportFrom(b)); // A learns what B holds
    addPartner(a, 'Egypt');
    const delta = partsOf(await exportFrom(a, storeOf(b).post.id));
    expect(delta.batches.map((batch) => [batch.statement.origin, batch.statement.seq])).toEqual([[storeOf(a).post.id, 2]]);
    await importBundle(storeOf(b), await exportFrom(a, storeOf(b).post.id));
    expect(dumpSyncedTables(storeOf(b).db)).toBe(dumpSyncedTables(storeOf(a).db));
  });

  it('an unknown origin is refused naming its fingerprint', async () => {
    const a = post('A');
    const b = post('B');
    const c = post('C');
    await trustAll([a, b]);
    await trustAll([b, c]);
    addPartner(a, 'Jordan');
    await importInto(b, await exportFrom(a));
    const error = await expectRefused(c, await exportFrom(b), 'origin-unknown');
    expect(error.message).toMatch(/does not trust/);
    void generateKeyPairSync;
  });
});
