import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import { HLC_PATTERN, ID_PATTERN, vectorSchema, type Vector, type WireChange } from '../../db/sync/changes';
import { MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import { message, type Message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { publicKeyFromRaw } from './keys';

/**
 * The bundle file, byte by byte:
 *   magic "ACCORDSB" (8) | format (1) | sender public key (32) |
 *   header length (u32 BE) | payload length (u32 BE) |
 *   header (canonical JSON) | payload (gzip of the changes as JSON) | Ed25519 signature (64)
 * The signature covers every byte before it. The binary frame is checked and
 * the signature verified before any JSON is parsed or anything decompressed.
 * The header names the sender's key in hex, as a signed MOU file's manifest
 * does (bundles made before both spoke hex name it in base64; both verify).
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
  | 'change';

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
  /** SHA-256 of the whole file: its identity in the bundle log and the audit trail. */
  hash: string;
  header: BundleHeader;
  publicKey: string;
  payload: Buffer;
}

/** Frame, then signature, then header schema. Throws BUNDLE_REJECTED with a reason. */
export function verifyBundle(bytes: Buffer): VerifiedBundle {
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
