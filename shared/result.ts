import { z } from 'zod';
import { en } from './i18n/en';
import { formatMessage } from './i18n/format';
import type { Language, Message, MessageKey, MessageParam, MessageParams } from './i18n/message';

/**
 * Result envelopes. Errors cross IPC and HTTP as data, because a thrown
 * Error loses everything but its message on the way through Electron IPC.
 */

export const ERROR_CODES = [
  'VALIDATION', // input failed its schema or a rule; details.issues says where
  'NOT_FOUND', // a referenced record does not exist
  'CONFLICT', // the change would break a rule (record in use, illegal transition)
  'UNAUTHORIZED', // missing or wrong access token
  'FORBIDDEN', // wrong Host/Origin, or a sender frame that is not ours
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_METHOD',
  'DB_TOO_NEW', // database written by a newer Accord
  'BUNDLE_REJECTED', // a sync bundle that is altered, truncated, oversized or malformed; details.reason says which
  'UNTRUSTED_SENDER', // a sync bundle from a post this one does not trust (unknown, revoked, or its key changed)
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A catalog key, checked against the English catalog (ar.ts has the same keys). */
export const messageKeySchema = z.custom<MessageKey>((value) => typeof value === 'string' && Object.hasOwn(en, value), { message: 'not a catalog key' });
const messageParamSchema: z.ZodType<MessageParam> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), messageSchema]));
export const messageParamsSchema: z.ZodType<MessageParams> = z.record(z.string(), messageParamSchema);
/** A message as it travels (shared/i18n/message.ts): a catalog key and its arguments. */
export const messageSchema: z.ZodType<Message> = z.object({ key: messageKeySchema, params: messageParamsSchema.optional() });

/** One problem with one input field, as a catalog message (shared/i18n) each client renders in its reader's language. */
export const fieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  key: messageKeySchema,
  params: messageParamsSchema.optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/**
 * The error envelope every host returns ({ ok: false, error }): a code, the
 * catalog message each client renders in its reader's language, the English
 * text for logs, and details. Parse it wherever an envelope arrives from
 * elsewhere (a sync worker, the loopback host).
 */
export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** What to tell the person: a catalog key and its arguments, rendered by each client in its reader's language. */
  key: messageKeySchema,
  params: messageParamsSchema.optional(),
  /** The same message in English, for logs (never shown in place of the key's text). */
  message: z.string(),
  details: z
    .object({
      issues: z.array(fieldIssueSchema).optional(),
    })
    .catchall(z.unknown())
    .optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

/** The error's text in the reader's language: its catalog message. */
export function errorText(error: AppErrorShape, language: Language): string {
  return formatMessage(language, error.key, error.params);
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/**
 * Thrown inside handlers and repositories; turned into an envelope at the dispatch gate.
 * `new AppError(code, message('sync.untrusted', { name }), details?)`: the message is a
 * catalog key with its arguments; `Error.message` holds its English text, for logs.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly params?: MessageParams;
  readonly details?: AppErrorShape['details'];
  constructor(code: ErrorCode, what: Message, details?: AppErrorShape['details']) {
    super(formatMessage('en', what.key, what.params));
    this.name = 'AppError';
    this.code = code;
    this.key = what.key;
    if (what.params) this.params = what.params;
    this.details = details;
  }
  /** An error envelope that arrived as data (a worker, a host) thrown again as itself. */
  static fromShape(shape: AppErrorShape): AppError {
    return new AppError(shape.code, { key: shape.key, ...(shape.params ? { params: shape.params } : {}) }, shape.details);
  }
  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      key: this.key,
      ...(this.params ? { params: this.params } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** One field's issue as every client reads it: its catalog key and arguments. */
export function fieldIssue(field: string, what: Message): FieldIssue {
  return { path: [field], key: what.key, ...(what.params ? { params: what.params } : {}) };
}

/** A validation error on one field, as a catalog message. */
export function fieldIssueError(field: string, what: Message): AppError {
  return new AppError('VALIDATION', what, { issues: [fieldIssue(field, what)] });
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (error: AppErrorShape): Result<never> => ({ ok: false, error });
