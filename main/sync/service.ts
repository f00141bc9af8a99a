import type { Store } from '../../db/store';
import { currentStamp } from '../../db/clock';
import { applyChanges, FUTURE_CLOCK_TOLERANCE_MS } from '../../db/sync/apply';
import type { Change } from '../../db/sync/apply';
import type { ApplySummary, ImportReport, Inspection, TrustState } from '../../shared/api/sync';
import { ChangeRejected, ID_PATTERN, validateChanges } from '../../db/sync/changes';
import {
  findBundle,
  findTrustedPost,
  highestSequenceFrom,
  logBundle,
  nextSequence,
  recordPeerSeen,
  trustPost,
  type TrustedPost,
} from '../../db/sync/state';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { statement } from '../../db/statements';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { GrowingBuffer } from './growingBuffer';
import { MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import { parseHlc } from '../../shared/hlc';
import { checkDeferredLinks, type DeferredLink } from '../../db/sync/rules';
import { batchHash, heldBatches, insertBatch, lastBatch, originChangesAfter, peerBatches, readBatch, recordPeerBatches, type LoggedChange } from '../../db/sync/batches';
import {
  batchChanges,
  BUNDLE_FILE_EXTENSION,
  BundleWriter,
  FrameReader,
  FRAME,
  keyToHex,
  openTransferStream,
  readBatchFrame,
  readChanges,
  rejected,
  signBatch,
  TARGET_BATCH_BYTES,
  transferFormat,
  verifyBundle1,
  verifyTransfer,
  type BundleHeader2,
  type ByteSource,
  type OpenOptions,
  type VerifiedBundle,
  type VerifiedTransfer,
} from './bundle';
import type { KeyObject } from 'node:crypto';
import { ensureKey, fingerprintOf, keyInfo, unlockPrivateKey, type KeyProtection, type PublicKeyFile } from './keys';
import { encryptingSink, encryptionKeyInfo, encryptionKeyVouched, ensureEncryptionKey, recipientsFor } from './encryption';

export type { ImportReport, Inspection, TrustState };
export type Progress = (step: { phase: string; done: number; total: number }) => void;
const noProgress: Progress = () => undefined;
/** Changes validated between yields to the event loop, so the app keeps answering. */
const CHUNK = 5_000;

export interface SyncOptions {
  protection: KeyProtection;
  passphrase?: string;
  onProgress?: Progress;
  now?: () => number;
  /** Trusted posts to seal the file to (an age file only they can open); none: a plain signed file. */
  encryptFor?: readonly string[] | null;
}

export interface ExportResult {
  bytes: Buffer;
  fileName: string;
  header: BundleHeader2 & { counts: { changes: number; tables: Record<string, number> } };
  /** SHA-256 of the signed bundle (before any encryption): its identity in both posts' bundle logs. */
  hash: string;
  /** The posts the file is sealed to; empty for a plain signed file. */
  encryptedFor: string[];
}

/** The file's size as written (sealed, when it is). */
export type ExportSummary = Omit<ExportResult, 'bytes'> & { size: number };

/** Changes read from the log per query while cutting this post's own batches. */
const OWN_PAGE = 5_000;
/** A stamp above every table name: "after the last change stamped h" as a keyset position. */
const AFTER_ALL = '\u{10FFFF}';

/**
 * Cuts this post's changes not yet in a signed batch into batches (about TARGET_BATCH_BYTES of JSON each,
 * never splitting one stamp) and signs and stores each. Own changes only ever get stamps above the last
 * batch's (the clock never goes back), so "not yet batched" is "stamped after the last batch": an index range.
 */
export function sealOwnBatches(store: Store, privateKey: KeyObject, publicKeyHex: string, nowIso: string): number {
  const db = store.db;
  const self = store.post.id;
  return store.transaction(() => {
    let tip = lastBatch(db, self);
    let after: Parameters<typeof originChangesAfter>[2] = tip ? { hlc: tip.lastHlc, table: AFTER_ALL, rowId: '', column: '' } : null;
    // The batch's JSON is written straight into one buffer reused for every batch: held as ~35,000 strings until
    // the batch closed, they outlived young-generation collection and the old generation grew by each batch's worth
    // of garbage, so the export's peak memory grew with the post (440 MiB at 1x the large seed, 548 at 4x).
    const body = new GrowingBuffer(TARGET_BATCH_BYTES * 2);
    let count = 0;
    let bytes = 0;
    let first: string | null = null;
    let last: string | null = null;
    let tables: Record<string, number> = {};
    let sealed = 0;
    const close = () => {
      if (count === 0) return;
      body.append(']');
      const compressed = gzipSync(body.bytes(), { level: 6 });
      const seq = (tip?.seq ?? 0) + 1;
      const signed = signBatch({ origin: self, key: publicKeyHex, seq, first: first!, last: last!, count, prev: tip ? tip.hash.toString('hex') : null, tables }, compressed, privateKey);
      insertBatch(db, {
        originPostId: self, seq, originKey: Buffer.from(publicKeyHex, 'hex'), firstHlc: first!, lastHlc: last!, changeCount: count,
        prevHash: tip?.hash ?? null, hash: signed.hash, statement: signed.statementBytes, signature: signed.signature, tables, body: compressed,
      }, nowIso);
      tip = { seq, hash: signed.hash, lastHlc: last! };
      sealed += 1;
      body.clear();
      count = 0;
      bytes = 0;
      first = null;
      tables = {};
    };
    for (;;) {
      const page: LoggedChange[] = originChangesAfter(db, self, after, OWN_PAGE);
      for (const [table, rowId, column, valueJson, hlc, postId, prevHlc, prevPostId, officerId, officerName] of page) {
        if (bytes >= TARGET_BATCH_BYTES && hlc !== last) close();
        // The value goes in as the log holds it (JSON text): no parse and re-serialise. The officer who made the
        // change travels as the ninth element, so the receiving post's audit trail names them too.
        const stamps: unknown[] = [hlc, postId, prevHlc, prevPostId];
        if (officerId !== null && officerName !== null) stamps.push({ id: officerId, name: officerName });
        const part = `${JSON.stringify([table, rowId, column]).slice(0, -1)},${valueJson},${JSON.stringify(stamps).slice(1)}`;
        body.append(count === 0 ? '[' : ',');
        body.append(part);
        count += 1;
        bytes += part.length + 1;
        first ??= hlc;
        last = hlc;
        tables[table] = (tables[table] ?? 0) + 1;
      }
      if (page.length < OWN_PAGE) break;
      const end = page.at(-1)!;
      after = { hlc: end[4], table: end[0], rowId: end[1], column: end[2] };
    }
    close();
    return sealed;
  });
}

/**
 * Streams a bundle through `sink`, one frame at a time: everything this post holds, or for one post only the
 * batches it has not shown it holds (a key range per origin, so the cost follows the delta).
 */
export async function writeBundle(store: Store, forPost: string | null, out: (chunk: Buffer) => void | Promise<void>, options: SyncOptions): Promise<ExportSummary> {
  const progress = options.onProgress ?? noProgress;
  const now = options.now ?? Date.now;
  const db = store.db;
  if (forPost !== null && !findTrustedPost(db, forPost)) throw new AppError('NOT_FOUND', message('sync.noTrustedPost', { post: forPost }), { postId: forPost });
  const encryptFor = options.encryptFor ?? [];
  // Recipients are checked before anything is sealed or numbered: a refused export leaves no trace.
  const recipients = encryptFor.length > 0 ? recipientsFor(db, encryptFor) : null;
  const createdAt = new Date(now()).toISOString();
  const key = ensureKey(db, options.protection, options.passphrase, createdAt);
  const privateKey = unlockPrivateKey(db, options.protection, options.passphrase);
  let written = 0;
  const counted = async (chunk: Buffer) => {
    written += chunk.length;
    await out(chunk);
  };
  const sealing = recipients ? await encryptingSink(recipients, counted) : null;
  const sink = sealing ? (chunk: Buffer) => sealing.write(chunk) : counted;
  progress({ phase: 'reading', done: 0, total: 1 });
  sealOwnBatches(store, privateKey, keyToHex(key.publicKey), createdAt);
  const since = forPost === null ? null : peerBatches(db, forPost);
  const held = heldBatches(db);
  const sequence = store.transaction(() => nextSequence(db));
  const header: BundleHeader2 = {
    format: 2,
    schemaVersion: LATEST_SCHEMA_VERSION,
    sender: { postId: store.post.id, name: store.post.name, publicKey: keyToHex(key.publicKey) },
    sequence,
    createdAt,
    createdHlc: currentStamp(db),
    forPost,
    since,
    held,
  };
  const writer = new BundleWriter(sink, privateKey);
  await writer.start(header);
  const total = Object.entries(held).reduce((sum, [origin, top]) => sum + Math.max(0, top - (since?.[origin] ?? 0)), 0);
  let done = 0;
  for (const origin of Object.keys(held).sort()) {
    for (let seq = (since?.[origin] ?? 0) + 1; seq <= held[origin]!; seq += 1) {
      // One batch read at a time, by its key; nothing held open across the await.
      const batch = readBatch(db, origin, seq)!;
      await writer.batch({ statementBytes: batch.statement, signature: batch.signature, body: batch.body }, { count: batch.changeCount, tables: batch.tables });
      progress({ phase: 'writing', done: ++done, total });
    }
  }
  const { hash, counts } = await writer.finish();
  await sealing?.close();
  logBundle(db, { hash, senderPostId: store.post.id, sequence, createdAt, receivedAt: createdAt, result: { exported: counts.changes, batches: counts.batches, forPost, encryptedFor: [...encryptFor] }, direction: 'out' });
  progress({ phase: 'done', done: total, total });
  const stamp = createdAt.replace(/[-:]/g, '').replace(/\..*$/, '');
  return { fileName: `accord-${safeName(store.post.name)}-${sequence}-${stamp}${BUNDLE_FILE_EXTENSION}`, header: { ...header, counts: { changes: counts.changes, tables: counts.tables } }, hash, size: written, encryptedFor: [...encryptFor] };
}

/** "Everything", or for one post only what it has not yet shown it holds, as bytes in memory (the window's download). */
export async function exportBundle(store: Store, forPost: string | null, options: SyncOptions): Promise<ExportResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  const summary = await writeBundle(store, forPost, (chunk) => {
    size += chunk.length;
    if (size > MAX_BUNDLE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', message('sync.bundleTooLarge'));
    chunks.push(chunk);
  }, options);
  return { ...summary, bytes: Buffer.concat(chunks) };
}

/** Streams an export to a file (written beside it and renamed over it): no size cap, memory bounded by one batch. */
export async function exportBundleToFile(store: Store, forPost: string | null, path: string, options: SyncOptions): Promise<ExportSummary> {
  const temporary = `${path}.partial-${process.pid}`;
  const fd = openSync(temporary, 'w', 0o600);
  let summary: ExportSummary;
  try {
    summary = await writeBundle(store, forPost, (chunk) => {
      writeSync(fd, chunk);
    }, options);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  return summary;
}

export function trustOf(store: Store, bundle: AnyVerifiedBundle): TrustState {
  const { postId } = bundle.header.sender;
  if (postId === store.post.id) return keyInfo(store.db)?.publicKey === bundle.publicKey ? 'self' : 'key-changed';
  const known = findTrustedPost(store.db, postId);
  if (!known) return 'unknown';
  if (known.publicKey !== bundle.publicKey) return 'key-changed';
  if (known.revokedAt !== null) return 'revoked';
  return 'trusted';
}

function assertTrusted(trust: TrustState, bundle: AnyVerifiedBundle): void {
  const { name, postId } = bundle.header.sender;
  const fingerprint = fingerprintOf(bundle.publicKey);
  if (trust === 'unknown') throw new AppError('UNTRUSTED_SENDER', message('sync.untrustedUnknown', { name, post: postId, fingerprint }), { reason: 'unknown', postId, fingerprint });
  if (trust === 'revoked') throw new AppError('UNTRUSTED_SENDER', message('sync.untrustedRevoked', { name, post: postId }), { reason: 'revoked', postId, fingerprint });
  if (trust === 'key-changed') throw new AppError('UNTRUSTED_SENDER', message('sync.untrustedKeyChanged', { name, post: postId, fingerprint }), { reason: 'key-changed', postId, fingerprint });
}

async function readValidChanges(store: Store, bundle: VerifiedBundle, progress: Progress): Promise<Change[]> {
  if (bundle.header.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw rejected('schema-too-new', message('sync.schemaTooNew', { schema: bundle.header.schemaVersion, known: LATEST_SCHEMA_VERSION }));
  }
  progress({ phase: 'decompressing', done: 0, total: bundle.header.counts.changes });
  const raw = await readChanges(bundle);
  const changes: Change[] = [];
  for (let start = 0; start < raw.length; start += CHUNK) {
    try {
      changes.push(...validateChanges(store.db, raw.slice(start, start + CHUNK)));
    } catch (error) {
      if (error instanceof ChangeRejected) throw rejected('change', message('sync.changeRejected', { n: start + error.index + 1, reason: error.reason }), { index: start + error.index });
      throw error;
    }
    progress({ phase: 'validating', done: Math.min(start + CHUNK, raw.length), total: raw.length });
    await new Promise((resolveYield) => setImmediate(resolveYield));
  }
  checkLegacyOrigins(store, bundle, changes);
  return changes;
}

/**
 * A format 1 bundle carries no origin signatures: its sender vouches for every change. That is accepted only
 * where no signed chain speaks: a change of an origin with signed batches here, of a revoked origin after its
 * revocation, or claiming this post's id without being held here, refuses the bundle.
 */
function checkLegacyOrigins(store: Store, bundle: VerifiedBundle, changes: readonly Change[]): void {
  const db = store.db;
  const judged = new Map<string, TrustedPost | null>();
  const held = statement(db, 'SELECT 1 FROM field_changes WHERE table_name = ? AND row_id = ? AND column_name = ? AND hlc = ? AND post_id = ?');
  for (const change of changes) {
    if (change.postId === store.post.id) {
      if (held.get(change.table, change.rowId, change.column, change.hlc, change.postId) === undefined) throw rejected('own-id', message('sync.ownChangesForged'), { hlc: change.hlc });
      continue;
    }
    let origin = judged.get(change.postId);
    if (origin === undefined) {
      if (change.postId !== bundle.header.sender.postId && lastBatch(db, change.postId)) throw rejected('legacy-relay', message('sync.legacyRelay', { post: change.postId }), { origin: change.postId });
      origin = findTrustedPost(db, change.postId) ?? null;
      judged.set(change.postId, origin);
    }
    if (origin?.revokedAt && parseHlc(change.hlc).wallMs > Date.parse(origin.revokedAt)) {
      throw rejected('origin-revoked', message('sync.originRevoked', { name: origin.name, post: origin.postId, at: origin.revokedAt }), { origin: origin.postId });
    }
  }
}

function mergeSummary(into: ApplySummary, from: ApplySummary): void {
  into.changes += from.changes;
  into.applied += from.applied;
  into.conflicts += from.conflicts;
  if (from.maxHlc !== null && (into.maxHlc === null || from.maxHlc > into.maxHlc)) into.maxHlc = from.maxHlc;
  into.clockAheadMs = Math.max(into.clockAheadMs, from.clockAheadMs);
  for (const [table, counts] of Object.entries(from.tables)) {
    const target = (into.tables[table] ??= { new: 0, changed: 0, deleted: 0, conflicting: 0, unchanged: 0 });
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) target[key] += counts[key];
  }
}

/**
 * Pass two over a verified format 2 transfer: frame after frame, each batch judged against this post's own
 * trust list and chains, inflated, validated and merged, then stored for relaying. Synchronous: it runs inside
 * the caller's one transaction, so any refusal rolls back every batch before it. One batch in memory at a time.
 */
export function applyTransfer(store: Store, transfer: VerifiedTransfer, options: { nowMs: number; onProgress?: Progress }): ApplySummary {
  const db = store.db;
  const progress = options.onProgress ?? noProgress;
  if (transfer.header.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw rejected('schema-too-new', message('sync.schemaTooNew', { schema: transfer.header.schemaVersion, known: LATEST_SCHEMA_VERSION }));
  }
  const summary: ApplySummary = { tables: {}, changes: 0, applied: 0, conflicts: 0, maxHlc: null, clockAheadMs: 0 };
  const deferred: DeferredLink[] = [];
  const self = store.post.id;
  const receivedAt = new Date(options.nowMs).toISOString();
  const total = transfer.trailer.changes;
  const reader = new FrameReader(transfer.source);
  let offset = 0;
  // Consecutive batches are merged together up to a bound (one write and one audit entry per record for
  // ordinary bundles), never more: memory holds at most that much at once, whatever the bundle's size.
  let pending: Change[] = [];
  let pendingBytes = 0;
  /** Merges what is pending; unless this is the last merge, the record the pending changes end with waits (wholeRecordsEnd). */
  const flush = (last: boolean) => {
    let cut = last ? pending.length : wholeRecordsEnd(pending);
    // One record's run this long is its edit history, not its creation (a few dozen fields): merging it in parts
    // is safe, and keeps memory bounded whatever a bundle holds.
    if (cut === 0 && pending.length >= 2 * APPLY_CHANGES) cut = pending.length;
    if (cut === 0) return;
    const now = pending.slice(0, cut);
    const base = summary.changes;
    mergeSummary(summary, applyChanges(store, now, { bundleHash: transfer.hash, nowMs: options.nowMs, deferredLinks: deferred, onProgress: (done) => progress({ phase: 'applying', done: base + done, total }) }));
    pending = pending.slice(cut);
    pendingBytes = 0;
  };
  try {
    reader.next(); // the header, verified with the rest
    for (let frame = reader.next(); frame && frame.type === FRAME.batch; frame = reader.next()) {
      const batch = readBatchFrame(frame);
      const st = batch.statement;
      const key = Buffer.from(st.key, 'hex').toString('base64');
      const where = { origin: st.origin, seq: st.seq };
      if (st.origin === self) {
        // This post's own changes come back only as the very batches it signed.
        if (!batchHash(db, self, st.seq)?.equals(batch.hash)) throw rejected('own-id', message('sync.ownChangesForged'), where);
        offset += st.count;
        continue;
      }
      const origin = findTrustedPost(db, st.origin);
      if (!origin) throw rejected('origin-unknown', message('sync.originUnknown', { post: st.origin, fingerprint: fingerprintOf(key) }), { ...where, fingerprint: fingerprintOf(key) });
      if (origin.publicKey !== key) throw rejected('origin-key-changed', message('sync.originKeyChanged', { post: st.origin, fingerprint: fingerprintOf(key) }), where);
      if (origin.revokedAt !== null && parseHlc(st.last).wallMs > Date.parse(origin.revokedAt)) {
        throw rejected('origin-revoked', message('sync.originRevoked', { name: origin.name, post: origin.postId, at: origin.revokedAt }), where);
      }
      const heldHash = batchHash(db, st.origin, st.seq);
      if (heldHash) {
        if (!heldHash.equals(batch.hash)) throw rejected('batch-differs', message('sync.batchDiffers', { post: st.origin, seq: st.seq }), where);
        offset += st.count;
        continue;
      }
      const tip = lastBatch(db, st.origin);
      const heldSeq = tip?.seq ?? 0;
      if (st.seq !== heldSeq + 1) throw rejected('batch-gap', message('sync.batchGap', { post: st.origin, seq: st.seq, held: heldSeq }), { ...where, held: heldSeq });
      if ((tip ? tip.hash.toString('hex') : null) !== st.prev) throw rejected('batch-differs', message('sync.batchDiffers', { post: st.origin, seq: heldSeq }), { ...where, seq: heldSeq });
      const contents = () => rejected('batch-contents', message('sync.batchContents', { post: st.origin, seq: st.seq }), where);
      if (tip && st.first <= tip.lastHlc) throw contents();
      let changes: Change[];
      try {
        changes = validateChanges(db, batchChanges(batch));
      } catch (error) {
        if (error instanceof ChangeRejected) throw rejected('change', message('sync.changeRejected', { n: offset + error.index + 1, reason: error.reason }), { index: offset + error.index, ...where });
        throw error;
      }
      const tables: Record<string, number> = {};
      for (const change of changes) {
        if (change.postId !== st.origin || change.hlc < st.first || change.hlc > st.last) throw contents();
        tables[change.table] = (tables[change.table] ?? 0) + 1;
      }
      if (JSON.stringify(Object.entries(tables).sort()) !== JSON.stringify(Object.entries(st.tables).sort())) throw contents();
      // Stored now (so the next batch of this origin finds its predecessor); merged with the batches around it.
      insertBatch(db, {
        originPostId: st.origin, seq: st.seq, originKey: Buffer.from(st.key, 'hex'), firstHlc: st.first, lastHlc: st.last, changeCount: st.count,
        prevHash: tip?.hash ?? null, hash: batch.hash, statement: batch.statementBytes, signature: batch.signature, tables: st.tables, body: batch.body,
      }, receivedAt);
      pending.push(...changes);
      pendingBytes += batch.body.length;
      if (pending.length >= APPLY_CHANGES || pendingBytes >= APPLY_BYTES) flush(false);
      offset += st.count;
      progress({ phase: 'applying', done: offset, total });
    }
    flush(true);
  } finally {
    reader.close();
  }
  // Links to records a later batch brought, checked as the whole bundle left the database.
  checkDeferredLinks(db, deferred);
  // Changes this post already held count as unchanged, as a format 1 import counts them.
  summary.changes = total;
  return summary;
}

export type AnyVerifiedBundle = VerifiedBundle | VerifiedTransfer;

/**
 * How many of `pending` can be merged now, every record whole: each field of a record carries a stamp of its own,
 * so a record's changes can straddle two batches, and the record they end with may go on in the next one. Its
 * changes (the run at the end) wait; checked without them, a required field still on its way would read as
 * missing and refuse an honest bundle. A record's own changes come together: a post logs them at once.
 */
export function wholeRecordsEnd(pending: readonly Pick<Change, 'table' | 'rowId'>[]): number {
  let cut = pending.length;
  const end = pending[cut - 1];
  while (end && cut > 0 && pending[cut - 1]!.table === end.table && pending[cut - 1]!.rowId === end.rowId) cut--;
  return cut;
}

/** Changes merged in one applyChanges call at most (and compressed batch bytes): the import's working set. */
const APPLY_CHANGES = 50_000;
const APPLY_BYTES = 2 * 1024 * 1024;

class RollBack extends Error {
  constructor(readonly summary: ApplySummary) {
    super('preview only');
  }
}

/**
 * A bundle read once: verified (frame, signatures, header) when it is prepared. A format 1 bundle's changes
 * are decompressed and validated on first need and kept; a format 2 bundle is applied from the transfer it
 * was verified from, batch by batch. A preview and the import that follows consume the same value.
 */
export interface PreparedBundle {
  bundle: AnyVerifiedBundle;
  changes?: Promise<Change[]>;
  /** Removes the spool file a stream was read into (a no-op for bytes). */
  dispose?: () => void;
}

export function prepareBundle(bytes: Buffer): PreparedBundle {
  return { bundle: verifyBundle(bytes) };
}

/** A bundle already in a private spool file (a chunked upload): format 2 is verified from the file, frame by frame. */
export function prepareSpooledBundle(path: string): PreparedBundle {
  if (transferFormat({ kind: 'file', path }) === 2) return { bundle: verifyTransfer({ kind: 'file', path }) };
  const bytes = readFileSync(path);
  if (bytes.length > MAX_BUNDLE_BYTES) throw rejected('too-large', message('sync.fileTooLarge', { size: bytes.length, max: MAX_BUNDLE_BYTES }));
  return { bundle: verifyBundle1(bytes) };
}

function verifyBundle(bytes: Buffer): AnyVerifiedBundle {
  return transferFormat({ kind: 'bytes', bytes }) === 2 ? verifyTransfer({ kind: 'bytes', bytes }) : verifyBundle1(bytes);
}

/**
 * A bundle arriving as a stream (a file, a socket, the plaintext of an unwrapped encrypted file): read once
 * through openTransferStream into a private spool file, then verified from it. Call dispose when done.
 */
export async function prepareTransfer(source: ByteSource, options: OpenOptions = {}): Promise<PreparedBundle> {
  const opened = await openTransferStream(source, options);
  try {
    if (transferFormat(opened.source) === 2) return { bundle: verifyTransfer(opened.source), dispose: opened.dispose };
    const bytes = opened.source.kind === 'bytes' ? opened.source.bytes : readFileSync(opened.source.path);
    opened.dispose();
    if (bytes.length > MAX_BUNDLE_BYTES) throw rejected('too-large', message('sync.fileTooLarge', { size: bytes.length, max: MAX_BUNDLE_BYTES }));
    return { bundle: verifyBundle1(bytes) };
  } catch (error) {
    opened.dispose();
    throw error;
  }
}

/** The prepared format 1 bundle's validated changes (decompressed and validated at most once). */
export function changesOf(store: Store, prepared: PreparedBundle, progress: Progress = noProgress): Promise<Change[]> {
  if (prepared.bundle.format !== 1) return Promise.resolve([]);
  const bundle = prepared.bundle;
  prepared.changes ??= readValidChanges(store, bundle, progress);
  return prepared.changes;
}

/** Applies a prepared bundle inside the caller's transaction (format 1: its validated changes; 2: batch by batch). */
async function applierOf(store: Store, prepared: PreparedBundle, progress: Progress): Promise<(nowMs: number, onProgress: Progress) => ApplySummary> {
  const { bundle } = prepared;
  if (bundle.format === 2) return (nowMs, onProgress) => applyTransfer(store, bundle, { nowMs, onProgress });
  const changes = await changesOf(store, prepared, progress);
  return (nowMs, onProgress) => applyChanges(store, changes, { bundleHash: bundle.hash, nowMs, onProgress: (done, total) => onProgress({ phase: 'applying', done, total }) });
}

export interface InspectOptions extends Pick<SyncOptions, 'onProgress' | 'now'> {
  /** Apply inside a transaction and roll it back, to say exactly what importing would do (default true). */
  preview?: boolean;
}

/** Verifies and, when the sender is trusted, previews: applies inside a transaction and rolls it back. */
export async function inspectBundle(store: Store, bytes: Buffer, options: InspectOptions = {}): Promise<Inspection> {
  (options.onProgress ?? noProgress)({ phase: 'verifying', done: 0, total: 1 });
  return inspectPrepared(store, prepareBundle(bytes), options);
}

export async function inspectPrepared(store: Store, prepared: PreparedBundle, options: InspectOptions = {}): Promise<Inspection> {
  const progress = options.onProgress ?? noProgress;
  const now = options.now ?? Date.now;
  const { bundle } = prepared;
  const trust = trustOf(store, bundle);
  const alreadyImported = findBundle(store.db, bundle.hash) !== undefined;
  let preview: ApplySummary | null = null;
  if ((trust === 'trusted' || trust === 'self') && options.preview !== false) {
    const apply = await applierOf(store, prepared, progress);
    progress({ phase: 'previewing', done: 0, total: bundle.header.counts.changes });
    try {
      store.transaction(() => {
        throw new RollBack(apply(now(), ({ done, total }) => progress({ phase: 'previewing', done, total })));
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      preview = error.summary;
    }
  }
  const clockAheadMs = preview?.clockAheadMs ?? 0;
  progress({ phase: 'done', done: 1, total: 1 });
  return {
    hash: bundle.hash,
    header: bundle.header,
    fingerprint: fingerprintOf(bundle.publicKey),
    signatureValid: true,
    trust,
    alreadyImported,
    olderThanImported: highestSequenceFrom(store.db, bundle.header.sender.postId) > bundle.header.sequence,
    preview,
    clockAheadMs,
    clockAhead: clockAheadMs > FUTURE_CLOCK_TOLERANCE_MS,
  };
}

/**
 * Verify, check trust, then apply all of it in one transaction with the bundle log entry and the sender's
 * view of what it holds, or nothing. Importing the same file twice is a no-op.
 */
export async function importBundle(store: Store, bytes: Buffer, options: Pick<SyncOptions, 'onProgress' | 'now'> = {}): Promise<ImportReport> {
  (options.onProgress ?? noProgress)({ phase: 'verifying', done: 0, total: 1 });
  return importPrepared(store, prepareBundle(bytes), options);
}

/** Imports a bundle read from a stream or a file path (no size cap for format 2; memory bounded by one batch). */
export async function importTransfer(store: Store, source: ByteSource, options: Pick<SyncOptions, 'onProgress' | 'now'> & OpenOptions = {}): Promise<ImportReport> {
  const prepared = await prepareTransfer(source, options);
  try {
    return await importPrepared(store, prepared, options);
  } finally {
    prepared.dispose?.();
  }
}

/** Changes applied at once past which the planner's statistics are rebuilt (ANALYZE), not merely topped up. */
const ANALYZE_AFTER = 20_000;

export async function importPrepared(store: Store, prepared: PreparedBundle, options: Pick<SyncOptions, 'onProgress' | 'now'> = {}): Promise<ImportReport> {
  const progress = options.onProgress ?? noProgress;
  const now = options.now ?? Date.now;
  const { bundle } = prepared;
  assertTrusted(trustOf(store, bundle), bundle);
  const { header } = bundle;
  const sender = { postId: header.sender.postId, name: header.sender.name, fingerprint: fingerprintOf(bundle.publicKey) };
  if (findBundle(store.db, bundle.hash)) {
    progress({ phase: 'done', done: 1, total: 1 });
    return { hash: bundle.hash, sender, sequence: header.sequence, status: 'already-imported', summary: null, warnings: [] };
  }
  const apply = await applierOf(store, prepared, progress);
  progress({ phase: 'applying', done: 0, total: header.counts.changes });
  const warnings: ImportReport['warnings'] = [];
  // A large import touches more index pages than SQLite's default 2 MB cache holds.
  const cacheSize = store.db.pragma('cache_size', { simple: true }) as number;
  store.db.pragma('cache_size = -65536');
  const summary = withRestoredCache(store, cacheSize, () => store.transaction(() => {
    if (highestSequenceFrom(store.db, header.sender.postId) > header.sequence) warnings.push('older-sequence');
    const applied = apply(now(), progress);
    if (applied.clockAheadMs > FUTURE_CLOCK_TOLERANCE_MS) warnings.push('clock-ahead');
    if (header.sender.postId !== store.post.id) {
      if (bundle.format === 2) recordPeerBatches(store.db, header.sender.postId, bundle.header.held);
      else recordPeerSeen(store.db, header.sender.postId, bundle.header.senderVector);
    }
    const at = new Date(now()).toISOString();
    logBundle(store.db, { hash: bundle.hash, senderPostId: header.sender.postId, sequence: header.sequence, createdAt: header.createdAt, receivedAt: at, result: { ...applied, warnings }, direction: 'in' });
    return applied;
  }));
  // The planner's statistics follow the data: rebuilt after a bulk import, topped up after a small one.
  store.db.exec(summary.applied >= ANALYZE_AFTER ? 'ANALYZE' : 'PRAGMA optimize');
  progress({ phase: 'done', done: header.counts.changes, total: header.counts.changes });
  return { hash: bundle.hash, sender, sequence: header.sequence, status: 'applied', summary, warnings };
}

/**
 * This post's public key as a file another post can trust: the signing key, and the encryption key it
 * vouches for. A post made before encryption keys makes its own here, which needs the signing key unlocked.
 */
export async function publicKeyFile(store: Store, protection: KeyProtection, passphrase: string | undefined): Promise<PublicKeyFile> {
  const nowIso = new Date().toISOString();
  const key = ensureKey(store.db, protection, passphrase, nowIso);
  const encryption = encryptionKeyInfo(store.db) ?? (await ensureEncryptionKey(store.db, store.post.id, unlockPrivateKey(store.db, protection, passphrase), nowIso));
  return {
    format: 'accord-public-key',
    version: 1,
    postId: store.post.id,
    name: store.post.name,
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
    encryptionKey: encryption.recipient,
    encryptionKeySignature: encryption.signature,
  };
}

export type Sender = Omit<TrustedPost, 'trustedAt' | 'revokedAt' | 'encryptionKey'> & { encryptionKey?: string };

/** What a file says about its sender: a public key file or a bundle (whose signature must hold). */
export function senderOf(bytes: Buffer): Sender {
  if (bytes.subarray(0, 8).toString('latin1') === 'ACCORDSB') return senderOfBundle(verifyBundle(bytes));
  let parsed: Partial<PublicKeyFile>;
  try {
    parsed = JSON.parse(bytes.subarray(0, 64 * 1024).toString('utf8')) as Partial<PublicKeyFile>;
  } catch {
    throw new AppError('VALIDATION', message('sync.notBundleOrKey'));
  }
  if (parsed.format !== 'accord-public-key' || typeof parsed.postId !== 'string' || typeof parsed.name !== 'string' || typeof parsed.publicKey !== 'string') {
    throw new AppError('VALIDATION', message('sync.notBundleOrKey'));
  }
  if (!ID_PATTERN.test(parsed.postId)) throw new AppError('VALIDATION', message('sync.keyFilePostId'));
  const fingerprint = fingerprintOf(parsed.publicKey);
  if (Buffer.from(parsed.publicKey, 'base64').length !== 32) throw new AppError('VALIDATION', message('sync.keyFileKey'));
  const sender: Sender = { postId: parsed.postId, name: parsed.name.slice(0, 200), publicKey: parsed.publicKey, fingerprint };
  // A key file from before encryption keys has none; one that names a key must carry the signing key's word for it.
  if (parsed.encryptionKey === undefined && parsed.encryptionKeySignature === undefined) return sender;
  if (typeof parsed.encryptionKey !== 'string' || typeof parsed.encryptionKeySignature !== 'string' || !encryptionKeyVouched(parsed.postId, parsed.publicKey, parsed.encryptionKey, parsed.encryptionKeySignature)) {
    throw new AppError('VALIDATION', message('sync.keyFileEncryptionKey'), { reason: 'encryption-key-unsigned' });
  }
  return { ...sender, encryptionKey: parsed.encryptionKey };
}

export function senderOfBundle({ header, publicKey }: AnyVerifiedBundle): Sender {
  return { postId: header.sender.postId, name: header.sender.name, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** Trusts the sender named by a file, after the person confirmed its fingerprint (when given, it must match). */
export function trustSenderOf(store: Store, bytes: Buffer | PreparedBundle, confirmedFingerprint?: string): TrustedPost {
  const sender = Buffer.isBuffer(bytes) ? senderOf(bytes) : senderOfBundle(bytes.bundle);
  if (sender.postId === store.post.id) throw new AppError('CONFLICT', message('sync.trustSelf'));
  if (confirmedFingerprint !== undefined && normalizeFingerprint(confirmedFingerprint) !== normalizeFingerprint(sender.fingerprint)) {
    throw new AppError('VALIDATION', message('sync.fingerprintMismatch', { fingerprint: sender.fingerprint }), { reason: 'fingerprint-mismatch' });
  }
  return store.transaction(() => trustPost(store.db, sender, new Date().toISOString()));
}

function withRestoredCache<T>(store: Store, cacheSize: number, work: () => T): T {
  try {
    return work();
  } finally {
    store.db.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
  }
}

export function normalizeFingerprint(text: string): string {
  return text.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

function safeName(name: string): string {
  return name.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'post';
}
