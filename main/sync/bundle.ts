import { createHash, sign, verify, type Hash, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip } from 'node:zlib';
import { z } from 'zod';
import { HLC_PATTERN, ID_PATTERN, vectorSchema, type Vector, type WireChange } from '../../db/sync/changes';
import { MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import { message, type Message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { publicKeyFromRaw } from './keys';

/**
 * BUNDLE FORMAT 2 (written since migration 0011; format 1 is still read, see the end of this comment).
 *
 *   magic "ACCORDSB" (8) | format 0x02 (1) | frame* ; frame = type (1) | length (u32 BE) | payload (length)
 *   H (0x01) header, once, first: canonical JSON (<= 64 KiB): schema version, sender (post id, name, Ed25519 key
 *            in hex), sequence, createdAt, createdHlc, forPost, since and held (batch numbers per origin). No
 *            whole-file sizes: the writer streams and does not know them.
 *   B (0x02) one signed batch of ONE origin's changes: statement length (u32 BE) | statement | origin's
 *            signature (64) | body. statement = "ACCORD-BATCH/1\n" + JSON {origin, key, seq, first, last, count,
 *            prev, body, tables}: the origin post id and key, its batch number (1, 2, 3... per origin), the stamp
 *            range of the changes in it, their count and count per table, the SHA-256 of the batch before it of
 *            that origin (null for 1) and the SHA-256 of the body; body = gzip of the changes as a JSON array of
 *            wire tuples, at most MAX_BATCH_BYTES uncompressed (writers cut at TARGET_BATCH_BYTES).
 *   T (0x03) trailer, once, last: JSON {batches, changes, tables} | sender's signature (64) over
 *            "ACCORD-BUNDLE/2\n" + SHA-256 of every byte of the file before the signature. Nothing may follow.
 *
 * Why this shape (issues 12, 16, 17 designed at once):
 * - No post can speak for another. An origin signs its own batches; a receiver checks each against the key ITS
 *   OWN trust list holds for that origin (not the key the relay names), so a relay cannot forge a batch, alter
 *   one (the body hash is signed), or drop one from the middle: batches chain by the previous batch's hash and
 *   a receiver stores batch n only after n - 1, so a gap or a substitute is refused. A relay can withhold the
 *   tail of a chain (nothing can prove a batch that was never shown exists), which delays but never corrupts.
 *   Batches are stored as they arrived (sync_batches) and forwarded byte for byte, so a relay needs no key but
 *   its own. A revoked origin's batch stamped after its revocation is refused, relayed or not; a batch naming
 *   the receiver's own id is accepted only if it is byte for byte one the receiver itself signed.
 * - The sender still signs the whole stream (trailer), so nothing can be added, reordered or cut from a
 *   bundle in transit, and the trailer's counts say the stream is whole. A truncated stream has no trailer.
 * - Streaming in bounded memory: every frame is length-prefixed and bounded (header and trailer 64 KiB, a
 *   batch MAX_FRAME_BYTES compressed and MAX_BATCH_BYTES inflated), so a reader holds one frame at a time and
 *   no whole-file cap exists. Import reads the stream once, verifying every signature while it spools the
 *   bytes to a private temporary file, then applies the spooled frames one batch at a time in ONE
 *   transaction (rolled back if any batch or rule fails): nothing is written before the trailer's signature
 *   holds. Export writes batches straight from the table, one at a time.
 * - Deltas by index: "what a post holds" is one batch number per origin, so a delta is a key range scan of
 *   sync_batches; a post's own new changes are found by the change log's (post, stamp) index.
 * - Encryption (issue 16) wraps the whole stream (an age file whose plaintext is this stream): the reader
 *   takes a byte stream, openTransferStream(source, { unwrap }), so an unwrapping step sits in front of it.
 * - Additive: a wire change is an 8-tuple, and a 9th element (an object of optional extras, e.g. an officer)
 *   is accepted and kept: relays forward the signed body as is, so no relay strips what it does not know.
 *
 * Format 1 (still read): magic | 0x01 | sender key (32) | header length (u32) | payload length (u32) | header
 * JSON | payload (gzip of all changes) | signature (64) over every byte before it. It carries no origin
 * signatures, so a format 1 bundle is accepted only for changes no signed chain speaks for: changes of an
 * origin with signed batches here, of a revoked origin after its revocation, or claiming this post's id
 * without being held here, refuse it.
 */
export const BUNDLE_MAGIC = Buffer.from('ACCORDSB', 'latin1');
export const BUNDLE_FORMAT = 1;
const PREFIX_BYTES = 8 + 1 + 32 + 4 + 4;
const SIGNATURE_BYTES = 64;
export const MAX_HEADER_BYTES = 64 * 1024;
/** No bundle inflates past this, whatever its header says (decompression bombs stop here). */
export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
export const BUNDLE_FILE_EXTENSION = '.accord-bundle';

const id = z.string().regex(ID_PATTERN);
const count = z.number().int().min(0).max(50_000_000);
export const bundleHeaderSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  schemaVersion: z.number().int().min(1).max(100_000),
  sender: z.strictObject({ postId: id, name: z.string().min(1).max(200), publicKey: z.string().max(64) }),
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  createdAt: z.string().max(40),
  createdHlc: z.string().regex(HLC_PATTERN).nullable(),
  forPost: id.nullable(),
  since: vectorSchema.nullable(),
  senderVector: vectorSchema,
  counts: z.strictObject({ changes: count, tables: z.record(z.string().max(64), count) }),
  compression: z.literal('gzip'),
  uncompressedBytes: z.number().int().min(0).max(MAX_UNCOMPRESSED_BYTES),
});
export type BundleHeader = z.infer<typeof bundleHeaderSchema>;

export type RejectReason =
  | 'too-large'
  | 'truncated'
  | 'not-a-bundle'
  | 'format-version'
  | 'signature'
  | 'header'
  | 'payload'
  | 'decompression-cap'
  | 'schema-too-new'
  | 'change'
  | 'frame'
  | 'encrypted'
  | 'batch-forged'
  | 'origin-unknown'
  | 'origin-key-changed'
  | 'origin-revoked'
  | 'own-id'
  | 'batch-gap'
  | 'batch-differs'
  | 'batch-contents'
  | 'legacy-relay'
  | 'not-for-this-post'
  | 'encrypted-damaged';

const HEX_KEY = /^[0-9a-f]{64}$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A raw Ed25519 public key as signed files name it: hex (base64 is also read, from bundles made before). */
export function keyToHex(base64: string): string {
  return Buffer.from(base64, 'base64').toString('hex');
}

function keyBytes(text: string): Buffer {
  return HEX_KEY.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

export function rejected(reason: RejectReason, what: Message, details: Record<string, unknown> = {}): AppError {
  return new AppError('BUNDLE_REJECTED', what, { reason, ...details });
}

export interface VerifiedBundle {
  format: 1;
  /** SHA-256 of the whole file: its identity in the bundle log and the audit trail. */
  hash: string;
  header: BundleHeader;
  publicKey: string;
  payload: Buffer;
}

/** Frame, then signature, then header schema. Throws BUNDLE_REJECTED with a reason. */
/** Either format, from bytes in memory (a format 2 stream is verified as verifyTransfer does). */
export function verifyBundle(bytes: Buffer): VerifiedBundle | VerifiedTransfer {
  if (bytes.length >= 9 && bytes.subarray(0, BUNDLE_MAGIC.length).equals(BUNDLE_MAGIC) && bytes[8] === BUNDLE_FORMAT_2) return verifyTransfer({ kind: 'bytes', bytes });
  return verifyBundle1(bytes);
}

/** Every change a bundle of either format carries, in file order (tests and benches read them). */
export function bundleChanges(bytes: Buffer): WireChange[] {
  const verified = verifyBundle(bytes);
  if (verified.format === 1) return JSON.parse(gunzipSync(verified.payload).toString('utf8')) as WireChange[];
  const reader = new FrameReader(verified.source);
  const changes: WireChange[] = [];
  try {
    for (let frame = reader.next(); frame; frame = reader.next()) if (frame.type === FRAME.batch) changes.push(...(batchChanges(readBatchFrame(frame)) as WireChange[]));
  } finally {
    reader.close();
  }
  return changes;
}

/** Format 1: frame, then signature, then header schema. */
export function verifyBundle1(bytes: Buffer): VerifiedBundle {
  if (bytes.length > MAX_BUNDLE_BYTES) throw rejected('too-large', message('sync.fileTooLarge', { size: bytes.length, max: MAX_BUNDLE_BYTES }));
  if (bytes.length < BUNDLE_MAGIC.length || !bytes.subarray(0, BUNDLE_MAGIC.length).equals(BUNDLE_MAGIC)) {
    throw rejected('not-a-bundle', message('sync.notABundle'));
  }
  if (bytes.length < PREFIX_BYTES + SIGNATURE_BYTES) throw rejected('truncated', message('sync.truncatedNoSignature'));
  const format = bytes[8]!;
  if (format !== BUNDLE_FORMAT) throw rejected('format-version', message('sync.formatVersion', { format, reads: BUNDLE_FORMAT }));
  const headerLength = bytes.readUInt32BE(41);
  const payloadLength = bytes.readUInt32BE(45);
  const expected = PREFIX_BYTES + headerLength + payloadLength + SIGNATURE_BYTES;
  if (headerLength > MAX_HEADER_BYTES) throw rejected('header', message('sync.headerTooLarge'));
  if (bytes.length < expected) throw rejected('truncated', message('sync.truncated', { size: bytes.length, expected }));
  if (bytes.length > expected) throw rejected('signature', message('sync.trailingBytes'));
  const publicKey = bytes.subarray(9, 41).toString('base64');
  const signed = bytes.subarray(0, expected - SIGNATURE_BYTES);
  const signature = bytes.subarray(expected - SIGNATURE_BYTES);
  if (!verify(null, signed, publicKeyFromRaw(publicKey), signature)) {
    throw rejected('signature', message('sync.badSignature'));
  }
  let header: BundleHeader;
  try {
    header = bundleHeaderSchema.parse(JSON.parse(strictUtf8.decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength))));
  } catch {
    throw rejected('header', message('sync.badHeader'));
  }
  if (!keyBytes(header.sender.publicKey).equals(bytes.subarray(9, 41))) throw rejected('header', message('sync.headerKeyMismatch'));
  return {
    format: 1,
    hash: createHash('sha256').update(bytes).digest('hex'),
    header: { ...header, sender: { ...header.sender, publicKey: keyToHex(publicKey) } },
    publicKey,
    payload: bytes.subarray(PREFIX_BYTES + headerLength, PREFIX_BYTES + headerLength + payloadLength),
  };
}

/** Inflates with a hard cap (the header's size, never above MAX_UNCOMPRESSED_BYTES), off the main thread. */
export async function readChanges(bundle: VerifiedBundle): Promise<unknown[]> {
  const cap = Math.min(bundle.header.uncompressedBytes, MAX_UNCOMPRESSED_BYTES);
  let text: Buffer;
  try {
    text = await promisify(gunzip)(bundle.payload, { maxOutputLength: Math.max(cap, 1) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw rejected('decompression-cap', message('sync.decompressionCap', { cap }));
    }
    throw rejected('payload', message('sync.payloadCorrupt'));
  }
  if (text.length !== bundle.header.uncompressedBytes) throw rejected('payload', message('sync.payloadSize'));
  let parsed: unknown;
  try {
    // Strict UTF-8: a malformed byte sequence is refused, never replaced.
    parsed = JSON.parse(strictUtf8.decode(text));
  } catch {
    throw rejected('payload', message('sync.payloadJson'));
  }
  if (!Array.isArray(parsed) || parsed.length !== bundle.header.counts.changes) throw rejected('payload', message('sync.payloadCount'));
  return parsed;
}

export interface SealInput {
  header: Omit<BundleHeader, 'uncompressedBytes' | 'compression' | 'format'>;
  changes: WireChange[];
}

export async function sealBundle(input: SealInput, privateKey: KeyObject): Promise<Buffer> {
  const text = Buffer.from(JSON.stringify(input.changes), 'utf8');
  if (text.length > MAX_UNCOMPRESSED_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', message('sync.tooManyChanges'));
  const payload = await promisify(gzip)(text, { level: 6 });
  const header: BundleHeader = { format: BUNDLE_FORMAT, compression: 'gzip', uncompressedBytes: text.length, ...input.header };
  const bytes = frameBundle(header, payload, privateKey);
  if (bytes.length > MAX_BUNDLE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', message('sync.bundleTooLarge'));
  return bytes;
}

/** Lays out and signs a bundle from a header and an already compressed payload. */
export function frameBundle(header: unknown, payload: Buffer, privateKey: KeyObject): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  BUNDLE_MAGIC.copy(prefix, 0);
  prefix[8] = BUNDLE_FORMAT;
  keyBytes((header as BundleHeader).sender.publicKey).copy(prefix, 9);
  prefix.writeUInt32BE(headerBytes.length, 41);
  prefix.writeUInt32BE(payload.length, 45);
  const signed = Buffer.concat([prefix, headerBytes, payload]);
  return Buffer.concat([signed, sign(null, signed, privateKey)]);
}

export type { Vector };

// ---------------------------------------------------------------------------------------------------------
// Format 2 (see the comment at the top)

export const BUNDLE_FORMAT_2 = 2;
export const FRAME = { header: 1, batch: 2, trailer: 3 } as const;
/** The most a batch's body may inflate to (a reader's hard cap); one value alone may be 4 Mi characters. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/** Where a writer closes a batch (between stamps: changes sharing one stamp stay in one batch). */
export const TARGET_BATCH_BYTES = 4 * 1024 * 1024;
/** A frame's largest payload: a batch's compressed body (deflate can expand incompressible input slightly). */
export const MAX_FRAME_BYTES = MAX_BATCH_BYTES + 1024 * 1024;
const MAX_SMALL_FRAME = 64 * 1024;
const BATCH_DOMAIN = 'ACCORD-BATCH/1\n';
const BUNDLE_DOMAIN = 'ACCORD-BUNDLE/2\n';
const FRAME_PREFIX = 5;
const hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const seqs = z.record(id, z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)).refine((value) => Object.keys(value).length <= 10_000);
const tableCounts = z.record(z.string().max(64), count).refine((value) => Object.keys(value).length <= 200);

export const bundleHeader2Schema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT_2),
  schemaVersion: z.number().int().min(1).max(100_000),
  sender: z.strictObject({ postId: id, name: z.string().min(1).max(200), publicKey: hex32 }),
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  createdAt: z.string().max(40),
  createdHlc: z.string().regex(HLC_PATTERN).nullable(),
  forPost: id.nullable(),
  /** What the sender knew the receiver held (batch numbers per origin), or null for everything. */
  since: seqs.nullable(),
  /** What the sender holds: its highest batch per origin (the receiver's next delta to it starts there). */
  held: seqs,
});
export type BundleHeader2 = z.infer<typeof bundleHeader2Schema>;

export const batchStatementSchema = z.strictObject({
  origin: id,
  key: hex32,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  first: z.string().regex(HLC_PATTERN),
  last: z.string().regex(HLC_PATTERN),
  count: z.number().int().min(1).max(10_000_000),
  prev: hex32.nullable(),
  body: hex32,
  tables: tableCounts,
});
export type BatchStatement = z.infer<typeof batchStatementSchema>;

const trailerSchema = z.strictObject({ batches: count, changes: count, tables: tableCounts });
export type BundleTrailer = z.infer<typeof trailerSchema>;

/** The statement an origin signs for a batch: fixed key order, so its bytes are one value's bytes. */
export function batchStatementBytes(statement: BatchStatement): Buffer {
  const { origin, key, seq, first, last, count: n, prev, body, tables } = statement;
  return Buffer.from(BATCH_DOMAIN + JSON.stringify({ origin, key, seq, first, last, count: n, prev, body, tables }), 'utf8');
}

export interface SignedBatch {
  statement: BatchStatement;
  statementBytes: Buffer;
  signature: Buffer;
  body: Buffer;
  /** SHA-256 of the statement: what the next batch of the origin names as prev. */
  hash: Buffer;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/** Signs one batch of this post's own changes (body: gzip of their JSON). */
export function signBatch(fields: Omit<BatchStatement, 'body'>, body: Buffer, privateKey: KeyObject): SignedBatch {
  const statement: BatchStatement = { ...fields, body: sha256(body).toString('hex') };
  const statementBytes = batchStatementBytes(statement);
  return { statement, statementBytes, signature: sign(null, statementBytes, privateKey), body, hash: sha256(statementBytes) };
}

export function encodeFrame(type: number, payload: Uint8Array): Buffer {
  const prefix = Buffer.alloc(FRAME_PREFIX);
  prefix[0] = type;
  prefix.writeUInt32BE(payload.length, 1);
  return Buffer.concat([prefix, payload]);
}

export function batchFramePayload(batch: Pick<SignedBatch, 'statementBytes' | 'signature' | 'body'>): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(batch.statementBytes.length, 0);
  return Buffer.concat([length, batch.statementBytes, batch.signature, batch.body]);
}

/**
 * Writes a format 2 stream through `sink` one frame at a time (the sink may be a file, a socket, an
 * encrypting stream): header, batches, then the trailer with the sender's signature over all of it.
 */
export class BundleWriter {
  private readonly running: Hash = createHash('sha256');
  private readonly whole: Hash = createHash('sha256');
  private readonly counts: BundleTrailer = { batches: 0, changes: 0, tables: {} };
  bytes = 0;

  constructor(
    private readonly sink: (chunk: Buffer) => void | Promise<void>,
    private readonly privateKey: KeyObject,
  ) {}

  private async emit(chunk: Buffer): Promise<void> {
    this.running.update(chunk);
    this.whole.update(chunk);
    this.bytes += chunk.length;
    await this.sink(chunk);
  }

  async start(header: BundleHeader2): Promise<void> {
    const magic = Buffer.alloc(9);
    BUNDLE_MAGIC.copy(magic, 0);
    magic[8] = BUNDLE_FORMAT_2;
    await this.emit(Buffer.concat([magic, encodeFrame(FRAME.header, Buffer.from(JSON.stringify(bundleHeader2Schema.parse(header)), 'utf8'))]));
  }

  async batch(batch: Pick<SignedBatch, 'statementBytes' | 'signature' | 'body'>, statement: Pick<BatchStatement, 'count' | 'tables'>): Promise<void> {
    this.counts.batches += 1;
    this.counts.changes += statement.count;
    for (const [table, n] of Object.entries(statement.tables)) this.counts.tables[table] = (this.counts.tables[table] ?? 0) + n;
    await this.emit(encodeFrame(FRAME.batch, batchFramePayload(batch)));
  }

  /** Signs and writes the trailer; returns the file's SHA-256 (its identity in the bundle log) and counts. */
  async finish(): Promise<{ hash: string; counts: BundleTrailer; bytes: number }> {
    const json = Buffer.from(JSON.stringify(this.counts), 'utf8');
    const prefix = Buffer.alloc(FRAME_PREFIX);
    prefix[0] = FRAME.trailer;
    prefix.writeUInt32BE(json.length + SIGNATURE_BYTES, 1);
    this.running.update(prefix).update(json);
    const signature = sign(null, Buffer.concat([Buffer.from(BUNDLE_DOMAIN), this.running.digest()]), this.privateKey);
    const tail = Buffer.concat([prefix, json, signature]);
    this.whole.update(tail);
    this.bytes += tail.length;
    await this.sink(tail);
    return { hash: this.whole.digest('hex'), counts: this.counts, bytes: this.bytes };
  }
}

/** A whole transfer as this post holds it while verifying and applying it: the bytes, or a private spool file. */
export type TransferSource = { kind: 'bytes'; bytes: Buffer } | { kind: 'file'; path: string };

export interface RawFrame {
  index: number;
  type: number;
  payload: Buffer;
}

/**
 * Reads frames one at a time from a transfer held here (bytes, or a file read with readSync), never more
 * than one frame in memory. Synchronous, so a transaction can apply frame after frame without awaiting.
 */
export class FrameReader {
  private offset = 9;
  private index = 0;
  private readonly fd: number | null;
  readonly size: number;

  constructor(private readonly source: TransferSource) {
    this.fd = source.kind === 'file' ? openSync(source.path, 'r') : null;
    this.size = source.kind === 'bytes' ? source.bytes.length : fstatSync(this.fd!).size;
  }

  private read(at: number, length: number): Buffer {
    if (this.source.kind === 'bytes') return this.source.bytes.subarray(at, at + length);
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd!, buffer, done, length - done, at + done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done);
  }

  /** Bytes from the start of the file to `end` (for the running hash), fed in pieces. */
  hashRange(hash: Hash, start: number, end: number): void {
    for (let at = start; at < end; at += 1024 * 1024) hash.update(this.read(at, Math.min(1024 * 1024, end - at)));
  }

  get position(): number {
    return this.offset;
  }

  /** The next frame, or null at the end of the file. A frame cut short or over its size limit is refused. */
  next(): RawFrame | null {
    if (this.offset >= this.size) return null;
    this.index += 1;
    const prefix = this.read(this.offset, FRAME_PREFIX);
    if (prefix.length < FRAME_PREFIX) throw rejected('truncated', message('sync.truncatedNoSignature'));
    const type = prefix[0]!;
    const length = prefix.readUInt32BE(1);
    const limit = type === FRAME.batch ? MAX_FRAME_BYTES : MAX_SMALL_FRAME + SIGNATURE_BYTES;
    if (type < FRAME.header || type > FRAME.trailer || length > limit) throw rejected('frame', message('sync.frameInvalid', { n: this.index }), { frame: this.index });
    if (this.offset + FRAME_PREFIX + length > this.size) throw rejected('truncated', message('sync.truncatedNoSignature'));
    const payload = this.read(this.offset + FRAME_PREFIX, length);
    this.offset += FRAME_PREFIX + length;
    return { index: this.index, type, payload };
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
  }
}

/** A batch frame taken apart and checked against the key it names: signature and body hash. */
export function readBatchFrame(frame: RawFrame): SignedBatch {
  const bad = () => rejected('frame', message('sync.frameInvalid', { n: frame.index }), { frame: frame.index });
  const { payload } = frame;
  if (payload.length < 4) throw bad();
  const statementLength = payload.readUInt32BE(0);
  if (statementLength > MAX_SMALL_FRAME || payload.length < 4 + statementLength + SIGNATURE_BYTES) throw bad();
  const statementBytes = payload.subarray(4, 4 + statementLength);
  const signature = payload.subarray(4 + statementLength, 4 + statementLength + SIGNATURE_BYTES);
  const body = payload.subarray(4 + statementLength + SIGNATURE_BYTES);
  let statement: BatchStatement;
  try {
    const text = strictUtf8.decode(statementBytes);
    if (!text.startsWith(BATCH_DOMAIN)) throw new Error('domain');
    statement = batchStatementSchema.parse(JSON.parse(text.slice(BATCH_DOMAIN.length)));
  } catch {
    throw bad();
  }
  // The statement must be exactly what a writer makes of its fields: no second encoding of one statement.
  if (!batchStatementBytes(statement).equals(statementBytes)) throw bad();
  const forged = () => rejected('batch-forged', message('sync.batchForged', { post: statement.origin }), { origin: statement.origin, seq: statement.seq });
  if (statement.last < statement.first) throw forged();
  if (!verify(null, statementBytes, publicKeyFromRaw(Buffer.from(statement.key, 'hex').toString('base64')), signature)) throw forged();
  if (sha256(body).toString('hex') !== statement.body) throw forged();
  return { statement, statementBytes, signature, body, hash: sha256(statementBytes) };
}

/** A batch's changes: inflated under MAX_BATCH_BYTES, strict UTF-8, a JSON array of the count signed. */
export function batchChanges(batch: SignedBatch): unknown[] {
  const contents = () => rejected('batch-contents', message('sync.batchContents', { post: batch.statement.origin, seq: batch.statement.seq }), { origin: batch.statement.origin, seq: batch.statement.seq });
  let text: Buffer;
  try {
    text = gunzipSync(batch.body, { maxOutputLength: MAX_BATCH_BYTES });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw rejected('decompression-cap', message('sync.decompressionCap', { cap: MAX_BATCH_BYTES }));
    throw contents();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(strictUtf8.decode(text));
  } catch {
    throw contents();
  }
  if (!Array.isArray(parsed) || parsed.length !== batch.statement.count) throw contents();
  return parsed;
}

export interface VerifiedTransfer {
  format: 2;
  /** SHA-256 of the whole stream. */
  hash: string;
  header: BundleHeader2 & { counts: { changes: number; tables: Record<string, number> } };
  /** The sender's key, base64 (as trust records hold keys). */
  publicKey: string;
  trailer: BundleTrailer;
  source: TransferSource;
}

/**
 * Pass one over a format 2 transfer held here: the frame structure, the header, every batch's origin
 * signature and body hash, the trailer's counts and the sender's signature over every byte. Nothing is
 * inflated and nothing is trusted yet (trust and chains are judged against the database when applying).
 */
export function verifyTransfer(source: TransferSource): VerifiedTransfer {
  const reader = new FrameReader(source);
  try {
    const running = createHash('sha256');
    const headerFrame = reader.next();
    if (!headerFrame || headerFrame.type !== FRAME.header) throw rejected('header', message('sync.badHeader'));
    let header: BundleHeader2;
    try {
      header = bundleHeader2Schema.parse(JSON.parse(strictUtf8.decode(headerFrame.payload)));
    } catch {
      throw rejected('header', message('sync.badHeader'));
    }
    const counts: BundleTrailer = { batches: 0, changes: 0, tables: {} };
    for (;;) {
      const start = reader.position;
      const frame = reader.next();
      if (!frame) throw rejected('truncated', message('sync.truncatedNoSignature'));
      if (frame.type === FRAME.batch) {
        const { statement } = readBatchFrame(frame);
        counts.batches += 1;
        counts.changes += statement.count;
        for (const [table, n] of Object.entries(statement.tables)) counts.tables[table] = (counts.tables[table] ?? 0) + n;
        continue;
      }
      if (frame.type !== FRAME.trailer || frame.payload.length < SIGNATURE_BYTES) throw rejected('frame', message('sync.frameInvalid', { n: frame.index }), { frame: frame.index });
      const json = frame.payload.subarray(0, frame.payload.length - SIGNATURE_BYTES);
      const signature = frame.payload.subarray(frame.payload.length - SIGNATURE_BYTES);
      reader.hashRange(running, 0, start + FRAME_PREFIX);
      running.update(json);
      const publicKey = Buffer.from(header.sender.publicKey, 'hex').toString('base64');
      if (!verify(null, Buffer.concat([Buffer.from(BUNDLE_DOMAIN), running.digest()]), publicKeyFromRaw(publicKey), signature)) throw rejected('signature', message('sync.badSignature'));
      let trailer: BundleTrailer;
      try {
        trailer = trailerSchema.parse(JSON.parse(strictUtf8.decode(json)));
      } catch {
        throw rejected('frame', message('sync.frameInvalid', { n: frame.index }), { frame: frame.index });
      }
      if (trailer.batches !== counts.batches || trailer.changes !== counts.changes) throw rejected('payload', message('sync.payloadCount'));
      if (reader.position !== reader.size) throw rejected('signature', message('sync.trailingBytes'));
      const whole = createHash('sha256');
      reader.hashRange(whole, 0, reader.size);
      return { format: 2, hash: whole.digest('hex'), header: { ...header, counts: { changes: counts.changes, tables: counts.tables } }, publicKey, trailer, source };
    }
  } finally {
    reader.close();
  }
}

/** A web stream, a Node stream, any async iterable of bytes, or bytes. */
export type ByteSource = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface OpenOptions {
  /**
   * The unwrapping step for an encrypted transfer (issue 16): given the whole encrypted stream, the
   * plaintext stream (a format 2 bundle). Without one, an encrypted file is refused as such.
   */
  unwrap?: (encrypted: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;
  /** Where the spool file goes (default: the OS temporary folder). */
  spoolDirectory?: string;
}

const AGE_MAGIC = Buffer.from('age-encryption.org/v1', 'latin1');
const AGE_ARMOR = Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----', 'latin1');

function chunksOf(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  if (Symbol.asyncIterator in source) return source as AsyncIterable<Uint8Array>;
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}

async function* prepend(first: Buffer, rest: AsyncIterator<Uint8Array>): AsyncIterable<Uint8Array> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

export interface OpenedTransfer {
  source: TransferSource;
  /** Removes the spool file (a no-op for bytes). */
  dispose(): void;
}

/**
 * THE entry point for a bundle arriving as a stream: the first bytes say what it is (a plain bundle, or an
 * age file unwrapped through `options.unwrap`), then the plaintext is read once, to the end, into a private
 * spool file (bounded memory: one chunk at a time; no size cap), which verification and the import read
 * back frame by frame. Bytes already in memory are used as they are.
 */
export async function openTransferStream(input: ByteSource, options: OpenOptions = {}): Promise<OpenedTransfer> {
  if (input instanceof Uint8Array) {
    const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (!looksEncrypted(bytes) || !options.unwrap) {
      if (looksEncrypted(bytes)) throw rejected('encrypted', message('sync.encrypted'));
      return { source: { kind: 'bytes', bytes }, dispose: () => undefined };
    }
  }
  let iterator = chunksOf(input instanceof Uint8Array ? (async function* () { yield input; })() : input)[Symbol.asyncIterator]();
  // Enough of the start to tell an encrypted file from a bundle.
  let head = Buffer.alloc(0);
  while (head.length < AGE_ARMOR.length) {
    const next = await iterator.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  if (looksEncrypted(head)) {
    if (!options.unwrap) throw rejected('encrypted', message('sync.encrypted'));
    iterator = options.unwrap(prepend(head, iterator))[Symbol.asyncIterator]();
    head = Buffer.alloc(0);
  } else if (!head.subarray(0, BUNDLE_MAGIC.length).equals(BUNDLE_MAGIC)) {
    // Refused from its first bytes, before anything is spooled.
    throw rejected('not-a-bundle', message('sync.notABundle'));
  }
  const folder = mkdtempSync(join(options.spoolDirectory ?? tmpdir(), 'accord-transfer-'));
  const path = join(folder, 'bundle');
  const dispose = () => rmSync(folder, { recursive: true, force: true });
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      for await (const chunk of prepend(head, iterator)) {
        // Format 1 has a whole-file cap (it is one signed blob); format 2 streams without one.
        writeSync(fd, chunk);
      }
    } finally {
      closeSync(fd);
    }
    return { source: { kind: 'file', path }, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/** An age file (binary or armored), by its first bytes. */
export function looksEncrypted(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, AGE_ARMOR.length));
  return start.subarray(0, AGE_MAGIC.length).equals(AGE_MAGIC) || start.equals(AGE_ARMOR);
}

/** The format byte of a transfer held here (1 or 2), after its magic; throws for anything else. */
export function transferFormat(source: TransferSource): number {
  {
    const start = source.kind === 'bytes' ? source.bytes.subarray(0, 9) : readStart(source.path);
    if (start.length < BUNDLE_MAGIC.length || !start.subarray(0, BUNDLE_MAGIC.length).equals(BUNDLE_MAGIC)) throw rejected('not-a-bundle', message('sync.notABundle'));
    if (start.length < 9) throw rejected('truncated', message('sync.truncatedNoSignature'));
    const format = start[8]!;
    if (format !== BUNDLE_FORMAT && format !== BUNDLE_FORMAT_2) throw rejected('format-version', message('sync.formatVersion', { format, reads: BUNDLE_FORMAT_2 }));
    return format;
  }
}

function readStart(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(9);
    return buffer.subarray(0, readSync(fd, buffer, 0, 9, 0));
  } finally {
    closeSync(fd);
  }
}
