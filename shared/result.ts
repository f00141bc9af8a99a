import { formatMessage } from './i18n/format';
import type { Language, Message, MessageKey, MessageParams } from './i18n/message';

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

/**
 * One problem with one input field, as a catalog message (shared/i18n).
 * `message` is the legacy key text ("tooLong:200") until every schema speaks
 * through issueMessage(); readers prefer `key`/`params`.
 */
export interface FieldIssue {
  path: (string | number)[];
  key?: MessageKey;
  params?: MessageParams;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  /** What to tell the person: a catalog key and its arguments, rendered by each client in its reader's language. */
  key?: MessageKey;
  params?: MessageParams;
  /** English, for logs, the CLI and any caller that does not localise. */
  message: string;
  /**
   * `localized`: the same message in each UI language, where the server can
   * compose it (record names and counts inside), so the Arabic screen does not
   * show an English sentence.
   */
  details?: { issues?: FieldIssue[]; localized?: { en: string; ar: string }; [key: string]: unknown };
}

/** The error's text in the reader's language: its catalog message (legacy: a server-composed text, else the English message). */
export function errorText(error: AppErrorShape, language: Language): string {
  if (error.key) return formatMessage(language, error.key, error.params);
  return error.details?.localized?.[language] ?? error.message;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/**
 * Thrown inside handlers and repositories; turned into an envelope at the dispatch gate.
 * `new AppError(code, message('sync.untrusted', { name }), details?)`: the message is a
 * catalog key with its arguments; `Error.message` holds its English text, for logs.
 * (A plain string is the legacy form, going away as the call sites move to the catalog.)
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key?: MessageKey;
  readonly params?: MessageParams;
  readonly details?: AppErrorShape['details'];
  constructor(code: ErrorCode, what: Message | string, details?: AppErrorShape['details']) {
    super(typeof what === 'string' ? what : formatMessage('en', what.key, what.params));
    this.name = 'AppError';
    this.code = code;
    if (typeof what !== 'string') {
      this.key = what.key;
      if (what.params) this.params = what.params;
    }
    this.details = details;
  }
  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.key ? { key: this.key } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** A validation error on one field, e.g. a link to a record that does not exist. */
export function fieldError(field: string, messageKey: string, message: string): AppError {
  return new AppError('VALIDATION', message, { issues: [{ path: [field], message: messageKey }] });
}

/** A validation error on one field, as a catalog message (the new form of fieldError). */
export function fieldIssueError(field: string, what: Message): AppError {
  return new AppError('VALIDATION', what, { issues: [{ path: [field], key: what.key, ...(what.params ? { params: what.params } : {}), message: what.key }] });
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (error: AppErrorShape): Result<never> => ({ ok: false, error });
