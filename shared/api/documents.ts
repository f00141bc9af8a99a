import { z } from 'zod';
import { DOCUMENT_LANGUAGES, DOCUMENT_LAYOUTS } from '../documents/types';
import { recordId } from '../domain/common';
import { issueMessage } from '../i18n/message';
import { messageKeySchema, messageParamsSchema } from '../result';
import { mouVersionInfo } from './mouVersions';
import { encryptForSchema } from './sync';
import { bytesSchema, type MethodGroup } from './types';

/**
 * MOU drafts as documents: pre-export checks, PDF/DOCX/HTML and signed
 * exports of the draft or a saved version, a redline between two versions,
 * signing a draft, and verifying / importing a signed MOU file from another
 * post. A signed file arrives as bytes through the sync feature's upload
 * (sync.upload), under that method's byte cap.
 */

const versionRef = z.union([z.literal('current'), recordId]);
const uploadId = z.string().regex(/^[0-9a-f-]{36}$/);
const documentChoice = {
  mouId: recordId,
  version: versionRef.default('current'),
  lang: z.enum(DOCUMENT_LANGUAGES).default('both'),
  layout: z.enum(DOCUMENT_LAYOUTS).default('side-by-side'),
};

/** A pre-export check's warning (shared/documents/checks.ts), rendered by each client: formatMessage(lang, w.key, w.params). */
export const preExportWarning = z.object({
  /** Display number of the clause, or null for the document title. */
  clauseNumber: z.string().nullable(),
  /** A documents.check.… catalog key and its arguments ({ clause, onlyInEnglish, onlyInArabic }). */
  key: messageKeySchema,
  params: messageParamsSchema,
  /** Values found only in the English text / only in the Arabic text (numbers or ISO dates). */
  onlyInEnglish: z.array(z.string()).optional(),
  onlyInArabic: z.array(z.string()).optional(),
});
export type PreExportWarning = z.infer<typeof preExportWarning>;

const exportedFile = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** The file's bytes (empty when the desktop app saved it through its Save dialog). */
  bytes: bytesSchema(Number.MAX_SAFE_INTEGER),
  /** Desktop: the file went through the native Save dialog; savedTo is where (null when cancelled). */
  savedWithDialog: z.boolean(),
  savedTo: z.string().nullable(),
  warnings: z.array(preExportWarning),
});

const signing = z.object({
  id: z.string(),
  mouId: z.string(),
  versionId: z.string(),
  versionNumber: z.number().int(),
  versionSha256: z.string(),
  signedBy: z.string(),
  signedAt: z.string(),
  recordedBy: z.string(),
  recordedByName: z.string(),
});
export type MouSigningInfo = z.infer<typeof signing>;

export const verifiedMouSchema = z.object({
  sender: z.object({ postId: z.string(), postName: z.string(), publicKey: z.string() }),
  signedAt: z.string(),
  comment: z.string(),
  draft: z.object({ id: z.string(), title: z.string(), versionLabel: z.string(), date: z.string() }),
  parts: z.array(z.object({ name: z.string(), sha256: z.string(), size: z.number(), mediaType: z.string() })),
  hasSnapshot: z.boolean(),
  /** The fingerprint of the sender's key, as `accord keys show` prints it. */
  fingerprint: z.string(),
  /** Whether this post holds the draft the file carries (an import needs it). */
  draftHere: z.boolean(),
});
export type VerifiedMou = z.infer<typeof verifiedMouSchema>;

export const documentsMethods = {
  'mou.documents.checks': {
    input: z.object(documentChoice),
    output: z.array(preExportWarning),
  },
  'mou.documents.export': {
    input: z.object({ ...documentChoice, format: z.enum(['pdf', 'docx', 'html', 'signed']), passphrase: z.string().max(1000).optional(), titlePage: z.boolean().default(false),
      /** A signed file must say who may read it (sync's encryptFor); other formats are documents to print and ignore it. */
      encryptFor: encryptForSchema.optional() }),
    output: exportedFile,
  },
  'mou.documents.redline': {
    input: z.object({ mouId: recordId, from: versionRef, to: versionRef, format: z.enum(['pdf', 'docx', 'html']), lang: documentChoice.lang, layout: documentChoice.layout }),
    output: exportedFile,
  },
  'mou.sign': {
    input: z.object({ mouId: recordId, signedBy: z.string().trim().min(1, issueMessage('validation.required')).max(200, issueMessage('validation.tooLong', { max: 200 })) }),
    output: z.object({ signing, version: mouVersionInfo }),
  },
  /** Amend a signed MOU: a new draft copied from it; the signed one becomes superseded. */
  'mou.newVersion': {
    input: z.object({ mouId: recordId }),
    output: z.object({ id: z.string() }),
  },
  'mou.signings.list': {
    input: z.object({ mouId: recordId }),
    output: z.array(signing),
  },
  'mou.signed.verify': {
    input: z.object({ uploadId }),
    output: verifiedMouSchema,
  },
  'mou.signed.import': {
    input: z.object({ uploadId }),
    output: verifiedMouSchema.extend({ version: mouVersionInfo, alreadyPresent: z.boolean() }),
  },
} as const satisfies MethodGroup;
