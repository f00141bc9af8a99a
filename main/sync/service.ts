import type { Store } from '../../db/store';
import { currentStamp } from '../../db/clock';
import { applyChanges, FUTURE_CLOCK_TOLERANCE_MS } from '../../db/sync/apply';
import type { Change } from '../../db/sync/apply';
import type { ApplySummary, ImportReport, Inspection, TrustState } from '../../shared/api/sync';
import { ChangeRejected, collectChanges, heldVector, ID_PATTERN, validateChanges } from '../../db/sync/changes';
import {
  findBundle,
  findTrustedPost,
  highestSequenceFrom,
  logBundle,
  nextSequence,
  peerSeen,
  recordPeerSeen,
  trustPost,
  type TrustedPost,
} from '../../db/sync/state';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { BUNDLE_FILE_EXTENSION, keyToHex, readChanges, rejected, sealBundle, verifyBundle, type BundleHeader, type VerifiedBundle } from './bundle';
import { ensureKey, fingerprintOf, keyInfo, unlockPrivateKey, type KeyProtection, type PublicKeyFile } from './keys';

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
}

export interface ExportResult {
  bytes: Buffer;
  fileName: string;
  header: BundleHeader;
  hash: string;
}

/** "Everything", or for one post only what it has not yet shown it holds. */
export async function exportBundle(store: Store, forPost: string | null, options: SyncOptions): Promise<ExportResult> {
  const progress = options.onProgress ?? noProgress;
  const now = options.now ?? Date.now;
  const db = store.db;
  if (forPost !== null && !findTrustedPost(db, forPost)) throw new AppError('NOT_FOUND', message('sync.noTrustedPost', { post: forPost }), { postId: forPost });
  const key = ensureKey(db, options.protection, options.passphrase, new Date(now()).toISOString());
  const privateKey = unlockPrivateKey(db, options.protection, options.passphrase);
  progress({ phase: 'reading', done: 0, total: 1 });
  const since = forPost === null ? null : peerSeen(db, forPost);
  const changes = collectChanges(db, since);
  const tables: Record<string, number> = {};
  for (const change of changes) tables[change[0]] = (tables[change[0]] ?? 0) + 1;
  progress({ phase: 'compressing', done: changes.length, total: changes.length });
  const sequence = store.transaction(() => nextSequence(db));
  const header = {
    schemaVersion: LATEST_SCHEMA_VERSION,
    sender: { postId: store.post.id, name: store.post.name, publicKey: keyToHex(key.publicKey) },
    sequence,
    createdAt: new Date(now()).toISOString(),
    createdHlc: currentStamp(db),
    forPost,
    since,
    senderVector: heldVector(db),
    counts: { changes: changes.length, tables },
  };
  const bytes = await sealBundle({ header, changes }, privateKey);
  const verified = verifyBundle(bytes);
  logBundle(db, { hash: verified.hash, senderPostId: store.post.id, sequence, createdAt: header.createdAt, receivedAt: header.createdAt, result: { exported: changes.length, forPost }, direction: 'out' });
  progress({ phase: 'done', done: changes.length, total: changes.length });
  const stamp = header.createdAt.replace(/[-:]/g, '').replace(/\..*$/, '');
  return { bytes, fileName: `accord-${safeName(store.post.name)}-${sequence}-${stamp}${BUNDLE_FILE_EXTENSION}`, header: verified.header, hash: verified.hash };
}

export function trustOf(store: Store, bundle: VerifiedBundle): TrustState {
  const { postId } = bundle.header.sender;
  if (postId === store.post.id) return keyInfo(store.db)?.publicKey === bundle.publicKey ? 'self' : 'key-changed';
  const known = findTrustedPost(store.db, postId);
  if (!known) return 'unknown';
  if (known.publicKey !== bundle.publicKey) return 'key-changed';
  if (known.revokedAt !== null) return 'revoked';
  return 'trusted';
}

function assertTrusted(trust: TrustState, bundle: VerifiedBundle): void {
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
  return changes;
}

class RollBack extends Error {
  constructor(readonly summary: ApplySummary) {
    super('preview only');
  }
}

/**
 * A bundle read once: verified (frame, signature, header) when it is prepared,
 * its changes decompressed and validated on first need and kept, so a preview
 * and the import that follows consume the same value instead of reading the
 * file again.
 */
export interface PreparedBundle {
  bundle: VerifiedBundle;
  changes?: Promise<Change[]>;
}

export function prepareBundle(bytes: Buffer): PreparedBundle {
  return { bundle: verifyBundle(bytes) };
}

/** The prepared bundle's validated changes (decompressed and validated at most once). */
export function changesOf(store: Store, prepared: PreparedBundle, progress: Progress = noProgress): Promise<Change[]> {
  prepared.changes ??= readValidChanges(store, prepared.bundle, progress);
  return prepared.changes;
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
    const changes = await changesOf(store, prepared, progress);
    progress({ phase: 'previewing', done: 0, total: changes.length });
    try {
      store.transaction(() => {
        throw new RollBack(applyChanges(store, changes, { bundleHash: bundle.hash, nowMs: now(), onProgress: (done, total) => progress({ phase: 'previewing', done, total }) }));
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
 * Verify, check trust, decompress under a cap, validate every change, then
 * apply all of it in one transaction with the bundle log entry and the
 * sender's vector, or nothing. Importing the same file twice is a no-op.
 */
export async function importBundle(store: Store, bytes: Buffer, options: Pick<SyncOptions, 'onProgress' | 'now'> = {}): Promise<ImportReport> {
  (options.onProgress ?? noProgress)({ phase: 'verifying', done: 0, total: 1 });
  return importPrepared(store, prepareBundle(bytes), options);
}

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
  const changes = await changesOf(store, prepared, progress);
  progress({ phase: 'applying', done: 0, total: changes.length });
  const warnings: ImportReport['warnings'] = [];
  // A large import touches more index pages than SQLite's default 2 MB cache holds.
  const cacheSize = store.db.pragma('cache_size', { simple: true }) as number;
  store.db.pragma('cache_size = -65536');
  const summary = withRestoredCache(store, cacheSize, () => store.transaction(() => {
    if (highestSequenceFrom(store.db, header.sender.postId) > header.sequence) warnings.push('older-sequence');
    const applied = applyChanges(store, changes, { bundleHash: bundle.hash, nowMs: now(), onProgress: (done, total) => progress({ phase: 'applying', done, total }) });
    if (applied.clockAheadMs > FUTURE_CLOCK_TOLERANCE_MS) warnings.push('clock-ahead');
    if (header.sender.postId !== store.post.id) recordPeerSeen(store.db, header.sender.postId, header.senderVector);
    const at = new Date(now()).toISOString();
    logBundle(store.db, { hash: bundle.hash, senderPostId: header.sender.postId, sequence: header.sequence, createdAt: header.createdAt, receivedAt: at, result: { ...applied, warnings }, direction: 'in' });
    return applied;
  }));
  progress({ phase: 'done', done: changes.length, total: changes.length });
  return { hash: bundle.hash, sender, sequence: header.sequence, status: 'applied', summary, warnings };
}

/** This post's public key as a file another post can trust. */
export function publicKeyFile(store: Store, protection: KeyProtection, passphrase: string | undefined): PublicKeyFile {
  const key = ensureKey(store.db, protection, passphrase, new Date().toISOString());
  return { format: 'accord-public-key', version: 1, postId: store.post.id, name: store.post.name, publicKey: key.publicKey, fingerprint: key.fingerprint };
}

/** What a file says about its sender: a public key file or a bundle (whose signature must hold). */
export function senderOf(bytes: Buffer): Omit<TrustedPost, 'trustedAt' | 'revokedAt'> {
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
  return { postId: parsed.postId, name: parsed.name.slice(0, 200), publicKey: parsed.publicKey, fingerprint };
}

export function senderOfBundle({ header, publicKey }: VerifiedBundle): Omit<TrustedPost, 'trustedAt' | 'revokedAt'> {
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
