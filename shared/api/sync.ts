import { z } from 'zod';
import type { MethodGroup } from './types';

/** Largest bundle file Accord reads or writes (well within an email attachment for daily deltas). */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
/** Bundle bytes cross the API in base64 pieces that stay under the hosts' request cap. */
export const BUNDLE_CHUNK_BYTES = 512 * 1024;

const postId = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/);
const jobId = z.string().regex(/^[0-9a-f-]{36}$/);
const passphrase = z.string().max(1000).optional();
const tableSummary = z.object({ new: z.number(), changed: z.number(), deleted: z.number(), conflicting: z.number(), unchanged: z.number() });
const applySummary = z.object({
  tables: z.record(z.string(), tableSummary),
  changes: z.number(),
  applied: z.number(),
  conflicts: z.number(),
  maxHlc: z.string().nullable(),
  clockAheadMs: z.number(),
});
const sender = z.object({ postId: z.string(), name: z.string(), publicKey: z.string() });
export const inspectionSchema = z.object({
  hash: z.string(),
  header: z.object({ sender, sequence: z.number(), createdAt: z.string(), forPost: z.string().nullable(), schemaVersion: z.number(), counts: z.object({ changes: z.number(), tables: z.record(z.string(), z.number()) }) }),
  fingerprint: z.string(),
  signatureValid: z.literal(true),
  trust: z.enum(['trusted', 'self', 'unknown', 'revoked', 'key-changed']),
  alreadyImported: z.boolean(),
  olderThanImported: z.boolean(),
  preview: applySummary.nullable(),
  clockAheadMs: z.number(),
  clockAhead: z.boolean(),
});
export const importReportSchema = z.object({
  hash: z.string(),
  sender: z.object({ postId: z.string(), name: z.string(), fingerprint: z.string() }),
  sequence: z.number(),
  status: z.enum(['applied', 'already-imported']),
  summary: applySummary.nullable(),
  warnings: z.array(z.enum(['older-sequence', 'clock-ahead'])),
});
const trustedPost = z.object({ postId: z.string(), name: z.string(), publicKey: z.string(), fingerprint: z.string(), trustedAt: z.string(), revokedAt: z.string().nullable() });
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
const errorShape = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });
export const jobStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(['export', 'inspect', 'import']),
  state: z.enum(['running', 'done', 'failed']),
  phase: z.string(),
  done: z.number(),
  total: z.number(),
  error: errorShape.nullable(),
  inspection: inspectionSchema.nullable(),
  report: importReportSchema.nullable(),
  /** For a finished export: the file to save, fetched with sync.download. */
  file: z.object({ name: z.string(), size: z.number(), changes: z.number() }).nullable(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;
export type Inspection = z.infer<typeof inspectionSchema>;

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
    }),
  },
  'sync.setup': {
    input: z.object({ name: z.string().trim().min(1).max(200).optional(), passphrase }),
    output: z.object({ postName: z.string(), fingerprint: z.string() }),
  },
  'sync.publicKeyFile': {
    input: z.object({ passphrase }),
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
  'sync.peers.list': { input: z.object({}), output: z.array(trustedPost) },
  'sync.peers.revoke': { input: z.object({ postId }), output: trustedPost },
  /** Trusts the sender of an uploaded file once the person has checked its fingerprint. */
  'sync.peers.trust': { input: z.object({ uploadId: jobId, fingerprint: z.string().max(100) }), output: trustedPost },
  'sync.upload.begin': { input: z.object({ size: z.number().int().min(1).max(MAX_BUNDLE_BYTES) }), output: z.object({ uploadId: z.string() }) },
  'sync.upload.chunk': {
    input: z.object({ uploadId: jobId, offset: z.number().int().min(0), data: z.string().max(Math.ceil((BUNDLE_CHUNK_BYTES * 4) / 3) + 4) }),
    output: z.object({ received: z.number() }),
  },
  'sync.export.start': { input: z.object({ forPost: postId.nullable(), passphrase }), output: z.object({ jobId: z.string() }) },
  'sync.inspect.start': { input: z.object({ uploadId: jobId }), output: z.object({ jobId: z.string() }) },
  'sync.import.start': { input: z.object({ uploadId: jobId }), output: z.object({ jobId: z.string() }) },
  'sync.jobs.status': { input: z.object({ jobId }), output: jobStatusSchema },
  'sync.download': {
    input: z.object({ jobId, offset: z.number().int().min(0) }),
    output: z.object({ data: z.string(), size: z.number(), name: z.string() }),
  },
  /** Desktop: saves a finished export (or this post's public key file) where the person chooses. */
  'sync.saveFile': {
    input: z.object({ jobId: jobId.optional(), publicKey: z.object({ passphrase }).optional() }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'sync.conflicts.list': { input: z.object({ status: z.enum(['open', 'all']).default('open') }), output: z.array(conflict) },
  'sync.conflicts.resolve': { input: z.object({ id: z.string().max(64), keep: z.enum(['winner', 'loser']) }), output: conflict },
} as const satisfies MethodGroup;
