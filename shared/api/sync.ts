import { z } from 'zod';
import { appErrorSchema } from '../result';
import { bytesSchema, type MethodGroup } from './types';

/** Largest file Accord takes in one call (sync.upload) or holds whole in memory: key files, signed MOU files, small bundles. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
/** A chunk of a chunked upload (sync.upload.begin/chunk/end): a bundle of any size, in bounded memory. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

const postId = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/);
const jobId = z.string().regex(/^[0-9a-f-]{36}$/);
const passphrase = z.string().max(1000).optional();
const tableSummary = z.object({ new: z.number(), changed: z.number(), deleted: z.number(), conflicting: z.number(), unchanged: z.number() });
export const applySummarySchema = z.object({
  tables: z.record(z.string(), tableSummary),
  changes: z.number(),
  applied: z.number(),
  conflicts: z.number(),
  maxHlc: z.string().nullable(),
  clockAheadMs: z.number(),
});
const bundleSender = z.object({ postId: z.string(), name: z.string(), publicKey: z.string() });
export const inspectionSchema = z.object({
  hash: z.string(),
  header: z.object({ sender: bundleSender, sequence: z.number(), createdAt: z.string(), forPost: z.string().nullable(), schemaVersion: z.number(), counts: z.object({ changes: z.number(), tables: z.record(z.string(), z.number()) }) }),
  fingerprint: z.string(),
  signatureValid: z.literal(true),
  trust: z.enum(['trusted', 'self', 'unknown', 'revoked', 'key-changed']),
  alreadyImported: z.boolean(),
  olderThanImported: z.boolean(),
  preview: applySummarySchema.nullable(),
  clockAheadMs: z.number(),
  clockAhead: z.boolean(),
});
export const importReportSchema = z.object({
  hash: z.string(),
  sender: z.object({ postId: z.string(), name: z.string(), fingerprint: z.string() }),
  sequence: z.number(),
  status: z.enum(['applied', 'already-imported']),
  summary: applySummarySchema.nullable(),
  warnings: z.array(z.enum(['older-sequence', 'clock-ahead'])),
});
export const trustedPostSchema = z.object({
  postId: z.string(),
  name: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  /** The age recipient the post's key file published, or null before one arrived. */
  encryptionKey: z.string().nullable(),
  trustedAt: z.string(),
  revokedAt: z.string().nullable(),
});
/**
 * Who may read an exported file: the trusted posts it is encrypted to, or 'unencrypted', chosen explicitly
 * (there is no default: a file anyone can read is a decision, not an accident).
 */
export const encryptForSchema = z.union([z.array(postId).min(1).max(50), z.literal('unencrypted')]);
export type EncryptFor = z.infer<typeof encryptForSchema>;
const conflict = z.object({
  id: z.string(),
  table: z.string(),
  rowId: z.string(),
  field: z.string(),
  column: z.string(),
  winnerValue: z.unknown(),
  winnerPostId: z.string(),
  winnerHlc: z.string(),
  loserValue: z.unknown(),
  loserPostId: z.string(),
  loserHlc: z.string(),
  detectedAt: z.string(),
  status: z.enum(['open', 'kept_winner', 'kept_loser']),
  rowExists: z.boolean(),
  label: z.string().nullable(),
});
export const jobStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(['export', 'inspect', 'import']),
  state: z.enum(['running', 'done', 'failed']),
  phase: z.string(),
  done: z.number(),
  total: z.number(),
  error: appErrorSchema.nullable(),
  inspection: inspectionSchema.nullable(),
  report: importReportSchema.nullable(),
  /** For a finished export: the file to save, fetched with sync.download. */
  file: z.object({ name: z.string(), size: z.number(), changes: z.number(), sequence: z.number(), encryptedFor: z.array(z.string()) }).nullable(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;
export type Inspection = z.infer<typeof inspectionSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
export type ApplySummary = z.infer<typeof applySummarySchema>;
export type TrustState = Inspection['trust'];

const bundleBytes = bytesSchema(MAX_BUNDLE_BYTES);
const sender = z.object({
  postId: z.string(),
  name: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  /** A key file's encryption key (vouched for by its signing key): trusting it lets files be encrypted to that post. */
  hasEncryptionKey: z.boolean(),
  /** The file is from a post trusted here and carries an encryption key other than the one stored for it (it replaced its key). */
  encryptionKeyChanged: z.boolean(),
});
/** What an uploaded file is, judged by its first bytes (nothing is verified until it is used). */
export const uploadKinds = ['bundle', 'signed-mou', 'other'] as const;

/**
 * How long a replaced encryption key still opens files sealed to it: long enough for a file already on a courier's
 * USB stick or in a slow mailbox to arrive, short enough that a leaked old key stops mattering.
 */
export const RETIRED_ENCRYPTION_KEY_DAYS = 90;

/** Sync between posts: identity and keys, trusted posts, export/import jobs, conflicts. */
export const syncMethods = {
  'sync.identity': {
    input: z.object({}),
    output: z.object({
      postId: z.string(),
      postName: z.string(),
      /** True in the desktop app: files are saved through the native Save dialog rather than downloaded. */
      savesWithDialog: z.boolean(),
      hasKey: z.boolean(),
      needsPassphrase: z.boolean(),
      publicKey: z.string().nullable(),
      fingerprint: z.string().nullable(),
      /** When this post's encryption key was made (null before it has one). */
      encryptionKeyCreatedAt: z.string().nullable(),
      /** Replaced encryption keys that still open files sealed to them here. */
      retiredEncryptionKeys: z.number().int(),
    }),
  },
  /**
   * Replaces this post's encryption key, keeping its signing key and fingerprint (the signing key, unlocked by the
   * passphrase, vouches for the new one). `forgetOld` drops the replaced key at once instead of keeping it to open
   * files already on their way.
   */
  'sync.encryptionKey.rotate': {
    input: z.object({ passphrase, forgetOld: z.boolean().default(false) }),
    output: z.object({ createdAt: z.string(), retiredKept: z.number().int() }),
  },
  'sync.setup': {
    input: z.object({ name: z.string().trim().min(1).max(200).optional(), passphrase }),
    output: z.object({ postName: z.string(), fingerprint: z.string() }),
  },
  'sync.publicKeyFile': {
    input: z.object({ passphrase }),
    output: z.object({ fileName: z.string(), text: z.string(), postId: z.string(), name: z.string(), publicKey: z.string(), fingerprint: z.string() }),
  },
  'sync.peers.list': { input: z.object({}), output: z.array(trustedPostSchema) },
  'sync.peers.revoke': { input: z.object({ postId }), output: trustedPostSchema },
  /** Trusts the sender of an uploaded file once the person has checked its fingerprint. */
  'sync.peers.trust': { input: z.object({ uploadId: jobId, fingerprint: z.string().max(100) }), output: trustedPostSchema },
  /**
   * A file the person chose (a bundle, a public key file, a signed MOU file), as bytes; kept for the calls
   * that use it by id. A bundle is verified, decompressed and validated once, on first use, and the preview
   * and the import both consume that prepared value.
   */
  /** An encrypted file (an age file sealed to this post) is opened here, once: the calls that use it see what was sealed. */
  'sync.upload': { input: z.object({ bytes: bundleBytes }), output: z.object({ uploadId: z.string(), size: z.number(), kind: z.enum(uploadKinds), encrypted: z.boolean() }) },
  /**
   * The same, in chunks, for a file of any size: a bundle stays in a private spool file that verification
   * and the import read frame by frame; an encrypted one is opened into another as it is read.
   */
  'sync.upload.begin': { input: z.object({}), output: z.object({ uploadId: jobId }) },
  'sync.upload.chunk': { input: z.object({ uploadId: jobId, bytes: bytesSchema(UPLOAD_CHUNK_BYTES) }), output: z.object({ received: z.number() }) },
  'sync.upload.end': { input: z.object({ uploadId: jobId }), output: z.object({ uploadId: z.string(), size: z.number(), kind: z.enum(uploadKinds), encrypted: z.boolean() }) },
  /** Who an uploaded bundle or public key file says sent it (a bundle's signature must hold). */
  'sync.sender': { input: z.object({ uploadId: jobId }), output: sender },
  /** The preview, answered directly (the window runs it as a job with pushed progress: sync.inspect.start). */
  'sync.inspect': { input: z.object({ uploadId: jobId, preview: z.boolean().default(true) }), output: inspectionSchema },
  'sync.import': { input: z.object({ uploadId: jobId }), output: importReportSchema },
  'sync.export': {
    input: z.object({ forPost: postId.nullable(), passphrase, encryptFor: encryptForSchema }),
    output: z.object({ bytes: bundleBytes, fileName: z.string(), sequence: z.number(), changes: z.number(), forPost: z.string().nullable(), encryptedFor: z.array(z.string()) }),
  },
  'sync.export.start': { input: z.object({ forPost: postId.nullable(), passphrase, encryptFor: encryptForSchema }), output: z.object({ jobId: z.string() }) },
  'sync.inspect.start': { input: z.object({ uploadId: jobId }), output: z.object({ jobId: z.string() }) },
  'sync.import.start': { input: z.object({ uploadId: jobId }), output: z.object({ jobId: z.string() }) },
  /** A job's status now; afterwards each change is pushed as an event (shared/events.ts). */
  'sync.jobs.status': { input: z.object({ jobId }), output: jobStatusSchema },
  /**
   * A finished export's file, a slice at a time: from `offset`, at most `length` bytes (one chunk by default),
   * with the whole file's size, so a file of any size comes down in pieces.
   */
  'sync.download': {
    input: z.object({ jobId, offset: z.number().int().min(0).default(0), length: z.number().int().min(1).max(UPLOAD_CHUNK_BYTES).default(UPLOAD_CHUNK_BYTES) }),
    output: z.object({ bytes: bundleBytes, name: z.string(), size: z.number(), offset: z.number() }),
  },
  /** Every synced record as canonical sorted JSON: two posts hold the same data exactly when their dumps are equal. */
  'sync.dump': { input: z.object({}), output: z.object({ text: z.string() }) },
  /** Desktop: saves a finished export (or this post's public key file) where the person chooses. */
  'sync.saveFile': {
    input: z.object({ jobId: jobId.optional(), publicKey: z.object({ passphrase }).optional() }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'sync.conflicts.list': { input: z.object({ status: z.enum(['open', 'all']).default('open') }), output: z.array(conflict) },
  'sync.conflicts.resolve': { input: z.object({ id: z.string().max(64), keep: z.enum(['winner', 'loser']) }), output: conflict },
} as const satisfies MethodGroup;
